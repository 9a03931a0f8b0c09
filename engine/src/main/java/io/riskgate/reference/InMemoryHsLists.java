package io.riskgate.reference;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * One {@link PrefixIndex} per HS list, keyed by prefix (and origin for targeted pairs): a lookup
 * costs a handful of hash probes whatever the size of the list.
 */
final class InMemoryHsLists implements HsLists {
  private final Map<HsList, PrefixIndex<HsListEntry>> lists = new EnumMap<>(HsList.class);
  private final int size;

  InMemoryHsLists(Collection<HsListEntry> entries) {
    Map<HsList, PrefixIndex.Builder<HsListEntry>> builders = new EnumMap<>(HsList.class);
    for (HsList list : HsList.values()) {
      builders.put(list, new PrefixIndex.Builder<>());
    }
    for (HsListEntry entry : entries) {
      // Only targeted pairs are keyed by origin; other lists apply to any origin.
      String origin = entry.list() == HsList.TARGETED ? entry.origin() : null;
      if (!builders.get(entry.list()).add(entry.prefix(), origin, entry)) {
        throw new IllegalArgumentException(entry.list() + " entry for HS " + entry.prefix()
            + (entry.origin() == null ? "" : " and origin " + entry.origin()) + " appears twice");
      }
    }
    builders.forEach((list, builder) -> lists.put(list, builder.build()));
    this.size = entries.size();
  }

  @Override
  public HsListEntry find(HsList list, String hsCode, String origin) {
    if (list == null || hsCode == null) {
      return null;
    }
    if (list == HsList.TARGETED) {
      // A targeted pair names its origin: no origin, no match (and no entry applies to any origin).
      return origin == null ? null : lists.get(list).find(hsCode, origin);
    }
    return lists.get(list).find(hsCode, null);
  }

  @Override
  public String toString() {
    return "HsLists[" + size + " entries]";
  }
}
