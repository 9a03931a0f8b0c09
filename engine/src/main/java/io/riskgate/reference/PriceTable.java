package io.riskgate.reference;

/**
 * Reference prices by HS code and origin. Bound to the DRL global {@code prices}.
 *
 * <p>{@link #find} returns the most specific price that applies, or {@code null} if none does (so a
 * pattern {@code from prices.find(...)} does not match). The in-memory table tries the code's
 * prefixes from the longest (10, 8, 6, 4 digits), at each length first with the origin, then for
 * any origin: at most eight hash lookups, whatever the table's size.
 *
 * <p>Implement it to back prices with your own database; put
 * {@link ReferenceSources#cached(PriceTable, CacheSettings)} in front of a remote one. It is called
 * on assessment threads, so it must be thread-safe and fast.
 */
@FunctionalInterface
public interface PriceTable {

  /**
   * The reference price for goods of {@code hsCode} from {@code origin}, or {@code null} if there
   * is none (or an argument is null).
   */
  ReferencePrice find(String hsCode, String origin);
}
