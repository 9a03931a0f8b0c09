package io.riskgate.reference;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One table of a pack's own, as {@link ReferenceSources#tables} builds {@link Tables} from: a name,
 * typed columns in order, the one or two columns that key it, and its rows.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the name rules give it, lower-case letters, digits and '-'
 * @param columns each column's name and type, in the order of a row's values
 * @param key the key columns, one or two, each of type text, country or hs-prefix; an hs-prefix key
 *     must be the first
 * @param rows the rows, each a value per column of the column's type ({@link ColumnType#parse}), or
 *     {@code null} for an empty cell; the first key is never empty, and no two rows have one key
 */
public record NamedTable(String name, Map<String, ColumnType> columns, List<String> key, List<List<Object>> rows) {

  public NamedTable {
    NamedList.checkName(name, "table");
    columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    key = List.copyOf(key);
    String problem = keyProblem(columns, key);
    if (problem != null) {
      throw new IllegalArgumentException("key of table '" + name + "' " + problem);
    }
    List<ColumnType> types = List.copyOf(columns.values());
    List<List<Object>> copied = new ArrayList<>(rows.size());
    for (List<Object> row : rows) {
      Objects.requireNonNull(row, "row");
      if (row.size() != types.size()) {
        throw new IllegalArgumentException("rows of table '" + name + "': a row has " + row.size()
            + " values for " + types.size() + " columns");
      }
      for (int i = 0; i < types.size(); i++) {
        if (!types.get(i).holds(row.get(i))) {
          throw new IllegalArgumentException("rows of table '" + name + "': a value of column '"
              + List.copyOf(columns.keySet()).get(i) + "' is not " + types.get(i).code());
        }
      }
      copied.add(Collections.unmodifiableList(new ArrayList<>(row)));
    }
    rows = Collections.unmodifiableList(copied);
  }

  /** Why {@code key} cannot key a table of {@code columns} (words that follow "key"), or null if it can. */
  public static String keyProblem(Map<String, ColumnType> columns, List<String> key) {
    if (key.isEmpty() || key.size() > 2) {
      return "has " + key.size() + " columns; a table is keyed by one or two";
    }
    if (key.size() == 2 && key.get(0).equals(key.get(1))) {
      return "names column '" + key.get(0) + "' twice";
    }
    for (int i = 0; i < key.size(); i++) {
      ColumnType type = columns.get(key.get(i));
      if (type == null) {
        return "names '" + key.get(i) + "', which is not one of the columns (" + String.join(", ", columns.keySet()) + ")";
      }
      if (!type.keyable()) {
        return "names column '" + key.get(i) + "', which is " + type.code() + "; a key column is text, country or hs-prefix";
      }
      if (i == 1 && type == ColumnType.HS_PREFIX) {
        return "names the hs-prefix column '" + key.get(i) + "' second; an hs-prefix key column must be the first";
      }
    }
    return null;
  }
}
