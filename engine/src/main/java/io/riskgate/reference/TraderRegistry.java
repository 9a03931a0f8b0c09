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
 *
 * <p>Within one batch of {@code assessAll} the engine may reuse its last answer: criteria that ask
 * the same lookup about the same line or trader in a row reach this object once. So answer a
 * question the same way within a batch, and do not rely on the number of calls. The engine binds
 * the global {@code traders} to a stand-in that calls this object; declare the global with this
 * interface's type, or with your own class if rules must call its own methods (then it is bound
 * as it is), and never cast it in a rule.
 */
@FunctionalInterface
public interface TraderRegistry {

  /** The trader with this tax id, or {@code null} if unknown (or if {@code taxId} is null). */
  Trader find(String taxId);
}
