package io.riskgate.reference;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One row of a pack's own table, as {@link Tables#row} finds it, read by column name and type:
 * <pre>{@code
 * $l : Line( $d : declaration, tables.has("heading-origin-points", hsCode, origin) )
 * then
 *   TableRow row = tables.row("heading-origin-points", $l.hsCode(), $l.origin());
 *   risk.hit($d, row.integer("points"), row.text("reason"));
 * }</pre>
 *
 * <p>A row that is not in the table is a row too, never {@code null}: {@link #found()} is false and
 * every column reads {@code null}, as does an empty cell of a found row. A column the table does
 * not have, or an accessor of another type than the column's ({@link ColumnType#accessor()}), is a
 * mistake in the rule, which the pack check reports when the pack is built; at run time it throws
 * {@link IllegalArgumentException}. {@link #decimal} also reads an integer column.
 *
 * <p>Reading a column is a hash lookup of its name and an array read: it allocates nothing (but
 * {@link #decimal} of an integer column, which makes the decimal). Immutable and thread-safe.
 */
public final class TableRow {
  private static final TableRow ABSENT = new TableRow(new Layout("(absent)", Map.of(), new ColumnType[0]),
      new Object[0]);

  /** The columns of one table, shared by its rows: where each is and its type. */
  record Layout(String table, Map<String, Integer> positions, ColumnType[] types) {}

  private final Layout layout;
  private final Object[] values;

  TableRow(Layout layout, Object[] values) {
    this.layout = layout;
    this.values = values;
  }

  /** The row that is not there: {@link #found()} false, every column {@code null}. */
  public static TableRow absent() {
    return ABSENT;
  }

  /**
   * A row of an integrator's own table: each value a {@link String}, {@link Integer},
   * {@link BigDecimal}, {@link Boolean} or {@link LocalDate} (or {@code null}, an empty cell),
   * which decides the accessor that reads it.
   *
   * @param table the table's name, for messages
   * @throws IllegalArgumentException if a value is of another class
   */
  public static TableRow of(String table, Map<String, ?> values) {
    Objects.requireNonNull(table, "table");
    Map<String, Integer> positions = new HashMap<>();
    ColumnType[] types = new ColumnType[values.size()];
    Object[] cells = new Object[values.size()];
    int i = 0;
    for (Map.Entry<String, ?> entry : new LinkedHashMap<>(values).entrySet()) {
      Object value = entry.getValue();
      types[i] = value == null ? null : value instanceof String ? ColumnType.TEXT
          : value instanceof Integer ? ColumnType.INTEGER : value instanceof BigDecimal ? ColumnType.DECIMAL
          : value instanceof Boolean ? ColumnType.BOOLEAN : value instanceof LocalDate ? ColumnType.DATE : null;
      if (value != null && types[i] == null) {
        throw new IllegalArgumentException("column '" + entry.getKey() + "' holds a " + value.getClass().getSimpleName()
            + "; a table cell is a String, Integer, BigDecimal, Boolean or LocalDate");
      }
      positions.put(Objects.requireNonNull(entry.getKey(), "column name"), i);
      cells[i++] = value;
    }
    return new TableRow(new Layout(table, Map.copyOf(positions), types), cells);
  }

  /** Whether the table has this row; false for {@link #absent()}. */
  public boolean found() {
    return this != ABSENT;
  }

  /** A text, country or hs-prefix column's value, or {@code null}. */
  public String text(String column) {
    return (String) value(column, ColumnType.TEXT);
  }

  /** An integer column's value, or {@code null}. */
  public Integer integer(String column) {
    return (Integer) value(column, ColumnType.INTEGER);
  }

  /** A decimal (or integer) column's value, or {@code null}. */
  public BigDecimal decimal(String column) {
    Object value = value(column, ColumnType.DECIMAL);
    return value instanceof Integer whole ? BigDecimal.valueOf(whole) : (BigDecimal) value;
  }

  /** A boolean column's value, or {@code null}. */
  public Boolean bool(String column) {
    return (Boolean) value(column, ColumnType.BOOLEAN);
  }

  /** A date column's value, or {@code null}. */
  public LocalDate date(String column) {
    return (LocalDate) value(column, ColumnType.DATE);
  }

  private Object value(String column, ColumnType read) {
    if (this == ABSENT) {
      return null;
    }
    Integer position = layout.positions().get(column);
    if (position == null) {
      throw new IllegalArgumentException("table '" + layout.table() + "' has no column '" + column + "'");
    }
    ColumnType type = layout.types()[position];
    if (type != null && !type.accessor().equals(read.accessor())
        && !(read == ColumnType.DECIMAL && type == ColumnType.INTEGER)) {
      throw new IllegalArgumentException("column '" + column + "' of table '" + layout.table() + "' is "
          + type.code() + "; read it with " + type.accessor() + "(\"" + column + "\")");
    }
    return values[position];
  }

  @Override
  public String toString() {
    if (this == ABSENT) {
      return "TableRow[absent]";
    }
    StringBuilder text = new StringBuilder("TableRow[").append(layout.table());
    layout.positions().forEach((name, position) -> text.append(", ").append(name).append('=').append(values[position]));
    return text.append(']').toString();
  }
}
