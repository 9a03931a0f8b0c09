package io.riskgate.reference;

/**
 * The traders a pack's rules know, by tax id. Bound to the DRL global {@code traders}.
 *
 * <p>{@link #find} returns {@code null} for an unknown trader, which is what DRL's {@code from}
 * needs: a pattern over {@code from traders.find(...)} simply does not match.
 * <pre>{@code
 * global io.riskgate.reference.TraderRegistry traders;
 *
 * $d : Declaration()
 * $t : Trader( complianceLevel >= 4 ) from traders.find($d.header.traderTaxId)
 * // an unknown trader: not a Trader pattern but a not-exists test
 * not Trader() from traders.find($d.header.traderTaxId)
 * }</pre>
 *
 * <p>Implement it to back the registry with your own database; put
 * {@link ReferenceSources#cached(TraderRegistry, CacheSettings)} in front of a remote one. A rule
 * calls it once or more per declaration on the assessment thread, so it must be thread-safe and
 * fast.
 */
@FunctionalInterface
public interface TraderRegistry {

  /** The trader with this tax id, or {@code null} if unknown (or if {@code taxId} is null). */
  Trader find(String taxId);
}
