package io.riskgate.reference;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * One hash map per HS list, keyed by prefix (and origin for targeted pairs). A lookup tries only
 * the prefix lengths that occur on the list: at most five hash lookups whatever its size.
 */
final class InMemoryHsLists implements HsLists {
  private final Map<HsList, Map<String, HsListEntry>> lists = new EnumMap<>(HsList.class);
  private final Map<HsList, int[]> lengths = new EnumMap<>(HsList.class);
  private final int size;

  InMemoryHsLists(Collection<HsListEntry> entries) {
    Map<HsList, boolean[]> present = new EnumMap<>(HsList.class);
    for (HsList list : HsList.values()) {
      lists.put(list, new HashMap<>());
      present.put(list, new boolean[11]);
    }
    for (HsListEntry entry : entries) {
      if (lists.get(entry.list()).putIfAbsent(key(entry.prefix(), entry.origin()), entry) != null) {
        throw new IllegalArgumentException(entry.list() + " entry for HS " + entry.prefix()
            + (entry.origin() == null ? "" : " and origin " + entry.origin()) + " appears twice");
      }
      present.get(entry.list())[entry.prefix().length()] = true;
    }
    for (HsList list : HsList.values()) {
      lengths.put(list, InMemoryPrices.presentLengths(present.get(list)));
    }
    this.size = entries.size();
  }

  private static String key(String prefix, String origin) {
    return origin == null ? prefix : prefix + '|' + origin;
  }

  @Override
  public HsListEntry find(HsList list, String hsCode, String origin) {
    if (list == null || hsCode == null || (list == HsList.TARGETED && origin == null)) {
      return null;
    }
    Map<String, HsListEntry> entries = lists.get(list);
    String byOrigin = list == HsList.TARGETED ? origin : null;
    for (int length : lengths.get(list)) {
      if (length <= hsCode.length()) {
        HsListEntry entry = entries.get(key(hsCode.substring(0, length), byOrigin));
        if (entry != null) {
          return entry;
        }
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return "HsLists[" + size + " entries]";
  }
}
