package io.riskgate.reference;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Reference prices in a hash map keyed by code prefix and origin. A lookup tries only the prefix
 * lengths that occur in the table, so it costs a handful of hash lookups whatever the size.
 */
final class InMemoryPrices implements PriceTable {
  private static final String ANY = "*";

  private final Map<String, ReferencePrice> byKey;
  /** Prefix lengths present, longest first. */
  private final int[] lengths;

  InMemoryPrices(Collection<ReferencePrice> prices) {
    Map<String, ReferencePrice> map = new HashMap<>(InMemoryTraders.capacity(prices.size()));
    boolean[] present = new boolean[11];
    for (ReferencePrice price : prices) {
      String key = key(price.hsCode(), price.origin() == null ? ANY : price.origin());
      if (map.putIfAbsent(key, price) != null) {
        throw new IllegalArgumentException("reference price for HS " + price.hsCode() + " and origin "
            + (price.origin() == null ? "(any)" : price.origin()) + " appears twice");
      }
      present[price.hsCode().length()] = true;
    }
    this.byKey = map;
    this.lengths = presentLengths(present);
  }

  static int[] presentLengths(boolean[] present) {
    int count = 0;
    for (int length : HsPrefixes.LENGTHS) {
      count += present[length] ? 1 : 0;
    }
    int[] lengths = new int[count];
    int i = 0;
    for (int length : HsPrefixes.LENGTHS) {
      if (present[length]) {
        lengths[i++] = length;
      }
    }
    return lengths;
  }

  private static String key(String prefix, String origin) {
    return prefix + '|' + origin;
  }

  @Override
  public ReferencePrice find(String hsCode, String origin) {
    if (hsCode == null || origin == null) {
      return null;
    }
    for (int length : lengths) {
      if (length > hsCode.length()) {
        continue;
      }
      String prefix = hsCode.substring(0, length);
      ReferencePrice price = byKey.get(key(prefix, origin));
      if (price == null) {
        price = byKey.get(key(prefix, ANY));
      }
      if (price != null) {
        return price;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return "PriceTable[" + byKey.size() + " prices]";
  }
}
