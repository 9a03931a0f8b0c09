package io.riskgate.reference;

import io.riskgate.declaration.Item;

/**
 * Reference prices by HS code and origin. Bound to the DRL global {@code prices}.
 *
 * <p>{@link #find} returns the most specific price that applies, or {@code null} if none does. The
 * in-memory table tries the code's prefixes from the longest (10, 8, 6, 4, 2 digits, those the
 * table holds), at each length first with the origin, then for any origin: at most ten hash
 * lookups, whatever the table's size.
 *
 * <p>In DRL, {@link #findFor(Item)} is the convenient form: it also checks that the price is in the
 * item's unit and currency. Use it in a constraint with Drools' null-safe {@code !.}, which is
 * false when there is no price:
 * <pre>{@code
 * $l : Line( $d : declaration, prices.findFor(item)!.isBelowTolerance(unitValue) )
 * }</pre>
 * Constraints are compiled to bytecode; a {@code from prices.find(...)} pattern works too but is
 * interpreted on every evaluation, about three times slower.
 *
 * <p>Implement it to back prices with your own database; put
 * {@link ReferenceSources#cached(PriceTable, CacheSettings)} in front of a remote one. It is called
 * on assessment threads, so it must be thread-safe and fast.
 *
 * <p>Within one batch of {@code assessAll} the engine may reuse its last answer: criteria that ask
 * the same lookup about the same line or trader in a row reach this object once. So answer a
 * question the same way within a batch, and do not rely on the number of calls. The engine binds
 * the global {@code prices} to a stand-in that calls this object; declare the global with this
 * interface's type, or with your own class if rules must call its own methods (then it is bound
 * as it is), and never cast it in a rule.
 */
@FunctionalInterface
public interface PriceTable {

  /**
   * The reference price for goods of {@code hsCode} from {@code origin}, or {@code null} if there
   * is none (or an argument is null).
   */
  ReferencePrice find(String hsCode, String origin);

  /**
   * The reference price for an item's HS code and origin if it is in the item's unit and currency
   * (so that the values compare), or {@code null}.
   */
  default ReferencePrice findFor(Item item) {
    ReferencePrice price = find(item.hsCode(), item.origin());
    return price != null && price.comparable(item.unit(), item.customsValue().currencyCode()) ? price : null;
  }
}
