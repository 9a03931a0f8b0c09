package io.riskgate.reference;

/**
 * The keyed tables a pack declares itself ({@code "tables"} in {@code pack.json}), by name. Bound
 * to the DRL global {@code tables}. A table has named, typed columns ({@link ColumnType}) and a key
 * of one or two of them; {@link #row} finds a row by its key and never returns {@code null}:
 * <pre>{@code
 * global io.riskgate.reference.Tables tables;
 *
 * rule "Heading from a risky origin"
 *   @code("HS-03")
 * when
 *   $l : Line( $d : declaration, tables.has("heading-origin-points", hsCode, origin) )
 * then
 *   risk.hit($d, tables.row("heading-origin-points", $l.hsCode(), $l.origin()).integer("points"), "...");
 * end
 * }</pre>
 *
 * <p>How a key matches: a first key column of type hs-prefix finds the row of the longest prefix of
 * the code; other key columns match exactly. A row whose second key cell is empty applies to any
 * second key, and a row for the exact second key wins over it (as in the price table, where an
 * empty origin means any origin). A table or column name the pack does not declare, or a column
 * read with the accessor of another type, is an error when the pack is built, at the rule.
 *
 * <p>The pack's own tables answer with hash lookups and allocate nothing. An integrator who keeps
 * a table in its own systems binds the global to its own implementation (see {@link Lists} for the
 * pattern, and {@link ReferenceSources#cachedTables(Tables, CacheSettings)}), building rows with
 * {@link TableRow#of}.
 *
 * <p>Implementations must be thread-safe and answer a question the same way within a batch.
 */
@FunctionalInterface
public interface Tables {

  /**
   * The row of {@code table} for the key ({@code second} is {@code null} for a table keyed by one
   * column), or {@link TableRow#absent()}; never {@code null}. A {@code null} first key finds no row.
   *
   * @throws IllegalArgumentException if there is no table of that name
   */
  TableRow find(String table, String key, String second);

  /** The row of a table keyed by one column, or {@link TableRow#absent()}. */
  default TableRow row(String table, String key) {
    return find(table, key, null);
  }

  /** The row of a table keyed by two columns, or {@link TableRow#absent()}. */
  default TableRow row(String table, String key, String second) {
    return find(table, key, second);
  }

  /** Whether a table keyed by one column has a row for {@code key}. */
  default boolean has(String table, String key) {
    return find(table, key, null).found();
  }

  /** Whether a table keyed by two columns has a row for the key. */
  default boolean has(String table, String key, String second) {
    return find(table, key, second).found();
  }
}
