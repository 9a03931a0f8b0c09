package io.riskgate.reference;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/** One hash map per watchlist. Immutable after construction. */
final class InMemoryWatchlists implements Watchlists {
  private final Map<Watchlist, Map<String, WatchlistEntry>> lists = new EnumMap<>(Watchlist.class);
  private final int size;

  InMemoryWatchlists(Collection<WatchlistEntry> entries) {
    for (Watchlist list : Watchlist.values()) {
      lists.put(list, new HashMap<>());
    }
    for (WatchlistEntry entry : entries) {
      if (lists.get(entry.list()).putIfAbsent(entry.value(), entry) != null) {
        throw new IllegalArgumentException(entry.list() + " watchlist entry " + entry.value() + " appears twice");
      }
    }
    this.size = entries.size();
  }

  @Override
  public WatchlistEntry find(Watchlist list, String value) {
    return list == null || value == null ? null : lists.get(list).get(value);
  }

  @Override
  public String toString() {
    return "Watchlists[" + size + " entries]";
  }
}
