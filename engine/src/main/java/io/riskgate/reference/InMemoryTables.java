package io.riskgate.reference;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pack's own tables, each indexed once when built by its key: a {@link PrefixIndex} when the
 * first key is an HS prefix (the second key in the place of its origin), else hash maps. A lookup
 * is a map get by name and one index lookup. Immutable after construction.
 */
final class InMemoryTables implements Tables {
  /** One table's rows by key. */
  @FunctionalInterface
  private interface Index {
    TableRow find(String key, String second);
  }

  private final Map<String, Index> tables;

  InMemoryTables(Collection<NamedTable> tables) {
    Map<String, Index> byName = new HashMap<>();
    for (NamedTable table : tables) {
      if (byName.put(table.name(), index(table)) != null) {
        throw new IllegalArgumentException("table '" + table.name() + "' is given twice");
      }
    }
    this.tables = Map.copyOf(byName);
  }

  private static Index index(NamedTable table) {
    List<String> names = List.copyOf(table.columns().keySet());
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      positions.put(names.get(i), i);
    }
    TableRow.Layout layout = new TableRow.Layout(table.name(), Map.copyOf(positions),
        table.columns().values().toArray(new ColumnType[0]));
    int first = positions.get(table.key().get(0));
    int second = table.key().size() == 2 ? positions.get(table.key().get(1)) : -1;
    boolean prefix = table.columns().get(table.key().get(0)) == ColumnType.HS_PREFIX;
    PrefixIndex.Builder<TableRow> prefixes = new PrefixIndex.Builder<>();
    Map<String, TableRow> any = new HashMap<>();
    Map<String, Map<String, TableRow>> exact = new HashMap<>();
    for (List<Object> values : table.rows()) {
      TableRow row = new TableRow(layout, values.toArray());
      String key = (String) values.get(first);
      String other = second < 0 ? null : (String) values.get(second);
      if (key == null) {
        throw new IllegalArgumentException("rows of table '" + table.name() + "': the key column '"
            + table.key().get(0) + "' is empty");
      }
      boolean added = prefix ? prefixes.add(key, other, row)
          : other == null ? any.putIfAbsent(key, row) == null
          : exact.computeIfAbsent(key, k -> new HashMap<>()).putIfAbsent(other, row) == null;
      if (!added) {
        throw new IllegalArgumentException("rows of table '" + table.name() + "': key " + key
            + (second < 0 ? "" : " and " + (other == null ? "(any)" : other)) + " appears twice");
      }
    }
    if (prefix) {
      PrefixIndex<TableRow> index = prefixes.build();
      return (key, other) -> {
        TableRow row = key == null ? null : index.find(key, other);
        return row == null ? TableRow.absent() : row;
      };
    }
    Map<String, TableRow> anyRows = Map.copyOf(any);
    Map<String, Map<String, TableRow>> exactRows = new HashMap<>();
    exact.forEach((key, rows) -> exactRows.put(key, Map.copyOf(rows)));
    Map<String, Map<String, TableRow>> frozen = Map.copyOf(exactRows);
    return (key, other) -> {
      if (key == null) {
        return TableRow.absent();
      }
      Map<String, TableRow> rows = other == null ? null : frozen.get(key);
      TableRow row = rows == null ? null : rows.get(other);
      if (row == null) {
        row = anyRows.get(key);
      }
      return row == null ? TableRow.absent() : row;
    };
  }

  @Override
  public TableRow find(String table, String key, String second) {
    Index index = tables.get(table);
    if (index == null) {
      throw new IllegalArgumentException("there is no table named '" + table + "'");
    }
    return index.find(key, second);
  }

  @Override
  public String toString() {
    return "Tables" + new java.util.TreeSet<>(tables.keySet());
  }
}
