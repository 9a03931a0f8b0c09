package io.riskgate.reference;

import java.util.Collection;

/**
 * Reference prices indexed by code prefix and origin (see {@link PrefixIndex}): a lookup costs a
 * handful of hash probes whatever the size of the table.
 */
final class InMemoryPrices implements PriceTable {
  private final PrefixIndex<ReferencePrice> index;

  InMemoryPrices(Collection<ReferencePrice> prices) {
    PrefixIndex.Builder<ReferencePrice> builder = new PrefixIndex.Builder<>();
    for (ReferencePrice price : prices) {
      if (!builder.add(price.hsCode(), price.origin(), price)) {
        throw new IllegalArgumentException("reference price for HS " + price.hsCode() + " and origin "
            + (price.origin() == null ? "(any)" : price.origin()) + " appears twice");
      }
    }
    this.index = builder.build();
  }

  @Override
  public ReferencePrice find(String hsCode, String origin) {
    return origin == null ? null : index.find(hsCode, origin);
  }

  @Override
  public String toString() {
    return "PriceTable[" + index.size() + " prices]";
  }
}
