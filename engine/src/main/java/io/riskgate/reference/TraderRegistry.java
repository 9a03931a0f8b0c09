package io.riskgate.reference;

/**
 * The traders a pack's rules know, by tax id. Bound to the DRL global {@code traders}.
 *
 * <p>{@link #find} returns {@code null} for an unknown trader. In DRL, look it up in a constraint
 * with Drools' null-safe {@code !.} (false for an unknown trader); constraints are compiled to
 * bytecode, while a {@code from} source is interpreted on every evaluation, about three times
 * slower. Both work:
 * <pre>{@code
 * global io.riskgate.reference.TraderRegistry traders;
 *
 * $d : Declaration( traders.find(header.traderTaxId)!.complianceLevel >= 4 )
 * $d : Declaration( traders.find(header.traderTaxId) == null )          // unknown trader
 *
 * $d : Declaration()                                                     // the same with from
 * $t : Trader( complianceLevel >= 4 ) from traders.find($d.header.traderTaxId)
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
