package io.riskgate.reference;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Traders in a hash map by tax id. Immutable after construction, so safe to share. */
final class InMemoryTraders implements TraderRegistry {
  private final Map<String, Trader> byTaxId;

  InMemoryTraders(Collection<Trader> traders) {
    Map<String, Trader> map = new HashMap<>(capacity(traders.size()));
    for (Trader trader : traders) {
      if (map.putIfAbsent(trader.taxId(), trader) != null) {
        throw new IllegalArgumentException("trader tax id " + trader.taxId() + " appears twice");
      }
    }
    this.byTaxId = map;
  }

  static int capacity(int size) {
    return (int) Math.min(Integer.MAX_VALUE, size * 4L / 3 + 1);
  }

  @Override
  public Trader find(String taxId) {
    return taxId == null ? null : byTaxId.get(taxId);
  }

  int size() {
    return byTaxId.size();
  }

  @Override
  public String toString() {
    return "TraderRegistry[" + byTaxId.size() + " traders]";
  }
}
