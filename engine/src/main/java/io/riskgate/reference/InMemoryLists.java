package io.riskgate.reference;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The pack's own lists, each indexed once when built: a hash set, or a {@link PrefixIndex} for
 * HS prefixes. A lookup is a map get by name and one index lookup. Immutable after construction.
 */
final class InMemoryLists implements Lists {
  /** One list's membership test. */
  @FunctionalInterface
  private interface Index {
    boolean has(String value);
  }

  private final Map<String, Index> lists;

  InMemoryLists(Collection<NamedList> lists) {
    Map<String, Index> byName = new HashMap<>();
    for (NamedList list : lists) {
      if (byName.put(list.name(), index(list)) != null) {
        throw new IllegalArgumentException("list '" + list.name() + "' is given twice");
      }
    }
    this.lists = Map.copyOf(byName);
  }

  private static Index index(NamedList list) {
    if (list.kind() == ListKind.HS_PREFIX) {
      PrefixIndex.Builder<Boolean> builder = new PrefixIndex.Builder<>();
      list.values().forEach(prefix -> builder.add(prefix, null, Boolean.TRUE));
      PrefixIndex<Boolean> prefixes = builder.build();
      return code -> prefixes.find(code, null) != null;
    }
    Set<String> values = Set.copyOf(list.values());
    return values::contains;
  }

  @Override
  public boolean has(String list, String value) {
    Index index = lists.get(list);
    if (index == null) {
      throw new IllegalArgumentException("there is no list named '" + list + "'");
    }
    return value != null && index.has(value);
  }

  @Override
  public String toString() {
    return "Lists" + new java.util.TreeSet<>(lists.keySet());
  }
}
