package io.riskgate;

import io.riskgate.reference.ColumnType;
import io.riskgate.reference.HsListEntry;
import io.riskgate.reference.ListKind;
import io.riskgate.reference.NamedList;
import io.riskgate.reference.NamedTable;
import io.riskgate.reference.ReferenceData;
import io.riskgate.reference.ReferencePrice;
import io.riskgate.reference.ReferenceSources;
import io.riskgate.reference.Trader;
import io.riskgate.reference.WatchlistEntry;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.riskgate.internal.Spelling;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads a pack's {@code data/} files. Every row is read to a tree first and bound second, so that
 * one bad row is reported with its line and the rest of the file is still checked: a rule author
 * fixes every problem in one pass.
 */
final class PackData {
  static final String TRADERS = "traders";
  static final String PRICES = "prices";
  static final String WATCHLISTS = "watchlists";
  static final String HS_LISTS = "hs-lists";
  /** The columns of a pack's own list: its value, and a note for the people who review it. */
  private static final String LIST_VALUE = "value";
  private static final String LIST_NOTE = "note";
  private static final Set<String> KNOWN = Set.copyOf(ReferenceData.KINDS);

  private static final JsonMapper JSON = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      // An absent number or flag takes its default (0, false); the records then check the range.
      .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      // A field twice in an entry is refused at its place, not "last one wins", as in pack.json.
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();
  private static final CsvMapper CSV = new CsvMapper();

  /** A row bound to its record, with where it starts. */
  private record Row<T>(T value, int line, int column) {}

  /** A CSV cell as read, with where it starts. */
  private record Cell(String text, int line, int column) {}

  /**
   * Cells that are one number once joined with the commas between them: a decimal comma (7,50),
   * thousands separators (1,000.5) or both the European way (1.000,5).
   */
  private static final Pattern COMMA_NUMBER =
      Pattern.compile("[+-]?(\\d+(,\\d+)+(\\.\\d+)?|\\d{1,3}(\\.\\d{3})+,\\d+)");

  private final RulePack pack;
  private final List<RulePackException.Problem> problems = new ArrayList<>();

  private PackData(RulePack pack) {
    this.pack = pack;
  }

  static ReferenceData load(RulePack pack) {
    return new PackData(pack).load();
  }

  private ReferenceData load() {
    Map<String, String> files = new HashMap<>();
    Set<String> own = new HashSet<>();
    pack.manifest().lists().values().forEach(list -> own.add(list.file()));
    pack.manifest().tables().values().forEach(table -> own.add(table.file()));
    for (String path : pack.paths()) {
      if (!path.startsWith(ReferenceData.DATA_FOLDER) || !(path.endsWith(".json") || path.endsWith(".csv"))
          || own.contains(path)) {
        continue;
      }
      String name = kindOfFile(path);
      if (!KNOWN.contains(name)) {
        problem(path, 0, 0, "unknown reference data file; expected data/traders.json, data/prices.csv|json, "
            + "data/watchlists.csv|json or data/hs-lists.csv|json, or a file that pack.json declares under"
            + " \"lists\" or \"tables\"");
      } else if (files.containsKey(name)) {
        problem(path, 0, 0, "data/" + name + " is given both as .json and .csv; keep one");
      } else if (name.equals(TRADERS) && path.endsWith(".csv")) {
        problem(path, 0, 0, "the trader registry must be JSON (data/traders.json): violations nest");
      } else {
        files.put(name, path);
        if (pack.manifest().declaresEmpty(name)) {
          problem(path, 0, 0, "the pack has this file, but pack.json lists \"" + name
              + "\" in emptyData (the pack has none); keep one");
        }
      }
    }

    List<Row<Trader>> traders = rows(files.get(TRADERS), Trader.class);
    List<Row<ReferencePrice>> prices = rows(files.get(PRICES), ReferencePrice.class);
    List<Row<WatchlistEntry>> watchlists = rows(files.get(WATCHLISTS), WatchlistEntry.class);
    List<Row<HsListEntry>> hsLists = rows(files.get(HS_LISTS), HsListEntry.class);

    unique(files.get(TRADERS), traders, t -> t.taxId(), "trader tax id ");
    unique(files.get(PRICES), prices,
        p -> p.hsCode() + " and origin " + (p.origin() == null ? "(any)" : p.origin()), "reference price for HS ");
    unique(files.get(WATCHLISTS), watchlists, w -> w.list() + " " + w.value(), "watchlist entry ");
    unique(files.get(HS_LISTS), hsLists,
        h -> h.list() + " " + h.prefix() + (h.origin() == null ? "" : " from " + h.origin()), "HS list entry ");
    List<NamedList> lists = ownLists();
    List<NamedTable> tables = ownTables();
    if (!problems.isEmpty()) {
      throw new RulePackException(pack.location(), problems);
    }
    ReferenceData data = ReferenceData.ofGiven(
        source(TRADERS, files, traders, ReferenceSources::traders, ReferenceSources.noTraders()),
        source(PRICES, files, prices, ReferenceSources::prices, ReferenceSources.noPrices()),
        source(WATCHLISTS, files, watchlists, ReferenceSources::watchlists, ReferenceSources.noWatchlists()),
        source(HS_LISTS, files, hsLists, ReferenceSources::hsLists, ReferenceSources.noHsLists()));
    // Given only when declared: a rule that declares the global without them is told so at the global.
    if (!pack.manifest().lists().isEmpty()) {
      data = data.withLists(ReferenceSources.lists(lists));
    }
    if (!pack.manifest().tables().isEmpty()) {
      data = data.withTables(ReferenceSources.tables(tables));
    }
    return data;
  }

  /** The lists pack.json declares, read from their files; problems where a row is wrong. */
  private List<NamedList> ownLists() {
    List<NamedList> lists = new ArrayList<>();
    for (Map.Entry<String, PackManifest.ListDeclaration> declared : pack.manifest().lists().entrySet()) {
      String name = declared.getKey();
      String path = declared.getValue().file();
      ListKind kind = declared.getValue().listKind();
      if (!present("list", name, path)) {
        continue;
      }
      List<String> values = new ArrayList<>();
      Map<String, Integer> first = new HashMap<>();
      int before = problems.size();
      Entries entries = (node, line, column, columns) -> {
        if (!known(path, node, List.of(LIST_VALUE, LIST_NOTE), line, column, columns)) {
          return;
        }
        JsonNode cell = node.get(LIST_VALUE);
        String value = cell == null || cell.isNull() ? null : cell.asText();
        int at = columns.getOrDefault(LIST_VALUE, column);
        String problem = cell != null && !cell.isTextual() && !cell.isNull()
            ? "value must be text (in quotes)" : kind.problem(value);
        if (problem != null) {
          problem(path, line, at, "value of list '" + name + "' (" + kind.code() + "): " + problem);
          return;
        }
        Integer seen = first.putIfAbsent(value, line);
        if (seen != null) {
          problem(path, line, at, "value " + value + " appears twice in list '" + name + "' (first on line " + seen + ")");
          return;
        }
        values.add(value);
      };
      read(path, List.of(LIST_VALUE, LIST_NOTE), Set.of(LIST_NOTE), Set.of(), entries);
      if (problems.size() == before) {
        lists.add(new NamedList(name, kind, values));
      }
    }
    return lists;
  }

  /** The tables pack.json declares, read from their files; problems where a row is wrong. */
  private List<NamedTable> ownTables() {
    List<NamedTable> tables = new ArrayList<>();
    for (Map.Entry<String, PackManifest.TableDeclaration> declared : pack.manifest().tables().entrySet()) {
      String name = declared.getKey();
      PackManifest.TableDeclaration table = declared.getValue();
      String path = table.file();
      if (!present("table", name, path)) {
        continue;
      }
      Map<String, ColumnType> types = table.columnTypes();
      List<String> names = List.copyOf(types.keySet());
      Set<String> numeric = new HashSet<>();
      types.forEach((column, type) -> {
        if (type == ColumnType.INTEGER || type == ColumnType.DECIMAL) {
          numeric.add(column);
        }
      });
      List<List<Object>> rows = new ArrayList<>();
      Map<String, Integer> first = new HashMap<>();
      int before = problems.size();
      Entries entries = (node, line, column, columns) -> {
        if (!known(path, node, names, line, column, columns)) {
          return;
        }
        List<Object> row = new ArrayList<>(names.size());
        boolean ok = true;
        for (String columnName : names) {
          JsonNode cell = node.get(columnName);
          String text = cell == null || cell.isNull() ? "" : cell.asText();
          int at = columns.getOrDefault(columnName, column);
          if (cell != null && (cell.isContainerNode())) {
            problem(path, line, at, columnName + " must be a single value, not " + (cell.isArray() ? "an array" : "an object"));
            ok = false;
          } else if (text.isBlank()) {
            if (table.key().get(0).equals(columnName)) {
              problem(path, line, at, columnName + " is the key of table '" + name + "' and must not be empty");
              ok = false;
            }
            row.add(null);
          } else if (table.key().contains(columnName) && !text.strip().equals(text)) {
            problem(path, line, at, columnName + " is a key of table '" + name + "' and '" + text.strip()
                + "' has spaces around it, so it would never match; remove them");
            ok = false;
          } else {
            try {
              row.add(types.get(columnName).parse(text));
            } catch (IllegalArgumentException e) {
              problem(path, line, at, columnName + " (" + types.get(columnName).code() + ") " + e.getMessage());
              ok = false;
            }
          }
        }
        if (!ok) {
          return;
        }
        Object second = table.key().size() == 2 ? row.get(names.indexOf(table.key().get(1))) : "";
        String key = row.get(names.indexOf(table.key().get(0))) + (table.key().size() == 2
            ? " and " + table.key().get(1) + " " + (second == null ? "(any)" : second) : "");
        Integer seen = first.putIfAbsent(key, line);
        if (seen != null) {
          problem(path, line, column, "key " + table.key().get(0) + " " + key + " appears twice in table '" + name
              + "' (first on line " + seen + ")");
          return;
        }
        rows.add(row);
      };
      read(path, names, Set.of(), numeric, entries);
      if (problems.size() == before) {
        tables.add(new NamedTable(name, types, table.key(), rows));
      }
    }
    return tables;
  }

  /** Whether a declared file is in the pack; if not, a problem at its declaration in pack.json. */
  private boolean present(String what, String name, String path) {
    if (pack.text(path).isPresent()) {
      return true;
    }
    String manifest = pack.text(RulePack.MANIFEST).orElse("");
    int at = manifest.indexOf("\"" + path + "\"");
    int[] where = at < 0 ? new int[] {0, 0} : position(manifest, at);
    problems.add(new RulePackException.Problem(RulePack.MANIFEST, where[0], where[1], what + " '" + name + "' reads "
        + path + ", which is not in the pack"));
    return false;
  }

  /** Whether an entry names only {@code fields}; if not, a problem at the first it does not. */
  private boolean known(String path, ObjectNode node, List<String> fields, int line, int column,
      Map<String, Integer> columns) {
    for (java.util.Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String field = names.next();
      if (!fields.contains(field)) {
        problem(path, line, columns.getOrDefault(field, column), "unknown field '" + field + "'; expected "
            + String.join(", ", fields) + Spelling.closest(field, fields).map(c -> "; did you mean '" + c + "'?").orElse(""));
        return false;
      }
    }
    return true;
  }

  /** Reads a declared file, CSV or JSON, entry by entry. */
  private void read(String path, List<String> expected, Set<String> optional, Set<String> numeric, Entries entries) {
    String text = pack.text(path).orElse("");
    text = text.startsWith("\uFEFF") ? text.substring(1) : text;
    if (path.endsWith(".csv")) {
      new CsvFile(path, text, expected, optional, numeric, entries).read();
    } else {
      jsonRows(path, text, entries);
    }
  }

  /** The source of a kind: from its file, empty if the manifest says so, else null (not given). */
  private <T, S> S source(String kind, Map<String, String> files, List<Row<T>> rows, Function<List<T>, S> of,
      S none) {
    if (files.containsKey(kind)) {
      return rows.isEmpty() ? none : of.apply(values(rows));
    }
    return pack.manifest().declaresEmpty(kind) ? none : null;
  }

  private <T> List<Row<T>> rows(String path, Class<T> type) {
    List<Row<T>> rows = new ArrayList<>();
    if (path == null) {
      return rows;
    }
    String text = pack.text(path).orElse("");
    // A spreadsheet saves "UTF-8 CSV" with a byte order mark; it is not part of the first name.
    text = text.startsWith("\uFEFF") ? text.substring(1) : text;
    List<String> expected = new ArrayList<>();
    Set<String> numeric = new HashSet<>();
    for (RecordComponent component : type.getRecordComponents()) {
      expected.add(component.getName());
      Class<?> kind = component.getType();
      if (Number.class.isAssignableFrom(kind) || kind == int.class || kind == long.class || kind == double.class) {
        numeric.add(component.getName());
      }
    }
    Entries entries = (node, line, column, columns) -> bind(path, node, type, line, column, columns, rows);
    if (path.endsWith(".csv")) {
      new CsvFile(path, text, expected, Set.of(), numeric, entries).read();
    } else {
      jsonRows(path, text, entries);
    }
    return rows;
  }

  /**
   * What a file's entries go to, each as a tree of its fields with where it starts and, for a CSV
   * row, where each field's cell is ({@code columns}: field name to column).
   */
  @FunctionalInterface
  private interface Entries {
    void accept(ObjectNode node, int line, int column, Map<String, Integer> columns);
  }

  private void jsonRows(String path, String text, Entries entries) {
    try (JsonParser parser = JSON.createParser(text)) {
      JsonToken token = parser.nextToken();
      if (token == null) {
        // A truncated file must not pass for an empty list: an empty one says so, with [].
        problem(path, 0, 0, "the file is empty; write [] for a list with no entries" + emptyHint(path));
        return;
      }
      if (token != JsonToken.START_ARRAY) {
        problem(path, parser.currentTokenLocation(), "expected a JSON array of objects");
        return;
      }
      token = parser.nextToken();
      while (token == JsonToken.START_OBJECT) {
        JsonLocation start = parser.currentTokenLocation();
        entries.accept((ObjectNode) JSON.readTree(parser), line(start), column(start), Map.of());
        token = parser.nextToken();
      }
      if (token != JsonToken.END_ARRAY) {
        problem(path, parser.currentTokenLocation(), "expected an object for each entry");
      }
    } catch (JsonProcessingException e) {
      problem(path, e.getLocation(), firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      problem(path, 0, 0, "cannot read: " + e.getMessage());
    }
  }

  /**
   * Binds one entry to its record, or reports why not at the entry, or at the cell of the field
   * the error names when the entry is a CSV row ({@code columns}: field name to column).
   */
  private <T> void bind(String path, JsonNode node, Class<T> type, int line, int column,
      Map<String, Integer> columns, List<Row<T>> rows) {
    try {
      rows.add(new Row<>(JSON.treeToValue(node, type), line, column));
    } catch (ValueInstantiationException e) {
      String message = String.valueOf((e.getCause() == null ? e : e.getCause()).getMessage());
      // Our records' messages start with the field they refuse.
      problem(path, line, columns.getOrDefault(message.split(" ", 2)[0], column), message);
    } catch (JsonMappingException e) {
      String field = fieldName(e);
      problem(path, line, field == null ? column : columns.getOrDefault(field, column),
          (field == null ? "" : "field '" + field + "': ") + firstLine(e.getOriginalMessage()));
    } catch (JsonProcessingException e) {
      problem(path, line, column, firstLine(e.getOriginalMessage()));
    }
  }

  /**
   * One CSV file, read as rows of cells by Jackson's CSV parser and checked here against the
   * columns its record has: a header naming each column once, rows with a cell for each, numbers
   * with a decimal point and no separator. What is wrong with the header is said once, there,
   * rather than once per row.
   */
  private final class CsvFile {
    private final String path;
    private final String text;
    private final List<String> expected;
    private final Set<String> optional;
    private final Set<String> numeric;
    private final Entries entries;

    /**
     * @param expected the columns, in the order messages name them
     * @param optional the columns the header may leave out
     * @param numeric the columns that hold numbers
     */
    CsvFile(String path, String text, List<String> expected, Set<String> optional, Set<String> numeric,
        Entries entries) {
      this.path = path;
      this.text = text;
      this.expected = expected;
      this.optional = optional;
      this.numeric = numeric;
      this.entries = entries;
    }

    void read() {
      List<List<Cell>> table;
      try {
        table = cells();
      } catch (JsonProcessingException e) {
        int open = unclosedQuote(text);
        if (open >= 0) {
          int[] at = position(text, open);
          problem(path, at[0], at[1], "this quote is never closed, so the rest of the file reads as one value;"
              + " close it (a quote inside a quoted value is written twice: \"\")");
        } else {
          problem(path, e.getLocation(), firstLine(e.getOriginalMessage()));
        }
        return;
      } catch (IOException e) {
        problem(path, 0, 0, "cannot read: " + e.getMessage());
        return;
      }
      table.removeIf(PackData::blank);
      if (table.isEmpty()) {
        problem(path, 0, 0, "the file is empty; a CSV file starts with its header row ("
            + String.join(",", expected) + "), alone for a list with no entries" + emptyHint(path));
        return;
      }
      List<Cell> header = table.get(0);
      if (!header(header)) {
        return;
      }
      List<String> names = header.stream().map(cell -> cell.text().trim()).toList();
      for (List<Cell> row : table.subList(1, table.size())) {
        row(names, row);
      }
    }

    private List<List<Cell>> cells() throws IOException {
      List<List<Cell>> table = new ArrayList<>();
      try (JsonParser parser = CSV.createParser(text)) {
        parser.setSchema(CsvSchema.emptySchema());
        List<Cell> row = null;
        JsonToken token;
        while ((token = parser.nextToken()) != null) {
          if (token == JsonToken.START_ARRAY) {
            row = new ArrayList<>();
          } else if (token == JsonToken.END_ARRAY && row != null) {
            table.add(row);
            row = null;
          } else if (token == JsonToken.VALUE_STRING && row != null) {
            JsonLocation at = parser.currentTokenLocation();
            row.add(new Cell(parser.getText(), line(at), Math.max(1, at.getColumnNr())));
          }
        }
      }
      return table;
    }

    /** Checks the header; false (with the problems said) if the rows cannot be read by it. */
    private boolean header(List<Cell> header) {
      Cell first = header.get(0);
      String columns = "; expected the columns " + String.join(",", expected)
          + " (in any order), separated by commas";
      for (String separator : List.of(";", "\t")) {
        if (header.size() < expected.size() && header.stream().anyMatch(cell -> cell.text().contains(separator))) {
          problem(path, first.line(), first.column(), "the header is separated by "
              + (separator.equals(";") ? "';'" : "tabs") + ", not commas (a spreadsheet export in a"
              + " decimal-comma locale?)" + columns + ", and numbers written with a decimal point");
          return false;
        }
      }
      boolean ok = true;
      Set<String> seen = new HashSet<>();
      for (Cell cell : header) {
        String name = cell.text().trim();
        if (name.isEmpty()) {
          ok = false;
          problem(path, cell.line(), cell.column(), "the header has a column without a name (a comma too many?)"
              + columns);
        } else if (!expected.contains(name)) {
          ok = false;
          problem(path, cell.line(), cell.column(), "unknown column '" + name + "' in the header"
              + Spelling.closest(name, expected).map(c -> "; did you mean '" + c + "'?").orElse("") + columns);
        } else if (!seen.add(name)) {
          ok = false;
          problem(path, cell.line(), cell.column(), "column '" + name + "' appears twice in the header");
        }
      }
      List<String> missing = expected.stream().filter(name -> !optional.contains(name) && header.stream()
          .noneMatch(cell -> cell.text().trim().equals(name))).toList();
      if (ok && !missing.isEmpty()) {
        ok = false;
        problem(path, first.line(), first.column(), "the header lacks the column" + (missing.size() == 1 ? " " : "s ")
            + String.join(", ", missing) + columns + "; leave a cell empty where a row has no value");
      }
      return ok;
    }

    private void row(List<String> names, List<Cell> cells) {
      Cell first = cells.get(0);
      if (cells.size() != names.size()) {
        cellCount(names, cells);
        return;
      }
      ObjectNode node = JSON.createObjectNode();
      Map<String, Integer> columns = new HashMap<>();
      boolean numbersOk = true;
      for (int i = 0; i < names.size(); i++) {
        Cell cell = cells.get(i);
        String value = cell.text();
        columns.put(names.get(i), cell.column());
        if (numeric(names.get(i)) && (value.contains(",") || value.indexOf('.') != value.lastIndexOf('.'))) {
          problem(path, cell.line(), cell.column(), badNumber(names.get(i), value.trim(), false));
          numbersOk = false;
        }
        // An empty cell means "not given", as an absent JSON field does.
        if (!value.isBlank()) {
          node.put(names.get(i), value);
        }
      }
      if (numbersOk) {
        entries.accept(node, first.line(), first.column(), columns);
      }
    }

    /**
     * A row with more or fewer cells than the header has columns. More, where joining cells with
     * the commas between them makes numbers with a decimal comma or a thousands separator, is such
     * a number written unquoted: say so at the number rather than count cells.
     */
    private void cellCount(List<String> names, List<Cell> cells) {
      Cell first = cells.get(0);
      int surplus = cells.size() - names.size();
      if (surplus > 0) {
        List<int[]> joins = new ArrayList<>();
        if (align(names, cells, 0, 0, surplus, joins)) {
          for (int[] join : joins) {
            Cell cell = cells.get(join[0]);
            String number = String.join(",", cells.subList(join[0], join[0] + join[1]).stream().map(Cell::text).toList());
            problem(path, cell.line(), cell.column(), badNumber(names.get(join[2]), number, true));
          }
          return;
        }
        Cell extra = cells.get(names.size());
        problem(path, extra.line(), extra.column(), "the row has " + cells.size() + " cells but the header has "
            + names.size() + " columns; a value that holds a comma is quoted (\"...\")");
      } else {
        problem(path, first.line(), first.column(), "the row has " + cells.size() + " cell"
            + (cells.size() == 1 ? "" : "s") + " but the header has " + names.size() + " columns ("
            + String.join(",", names) + "); leave a cell empty where the row has no value");
      }
    }

    /**
     * Whether the cells from {@code cell} fill the columns from {@code column} when some numeric
     * cells are joined with their neighbours into comma-written numbers; {@code joins} gets each
     * join as {cell, cells joined, column}. Joins are tried first and smallest first, so that
     * {@code 7,50,30} reads as 7,50 then 30.
     */
    private boolean align(List<String> names, List<Cell> cells, int cell, int column, int surplus, List<int[]> joins) {
      if (column == names.size()) {
        return cell == cells.size() && surplus == 0;
      }
      if (numeric(names.get(column))) {
        StringBuilder number = new StringBuilder(cells.get(cell).text());
        for (int more = 1; more <= surplus && cell + more < cells.size(); more++) {
          number.append(',').append(cells.get(cell + more).text());
          if (COMMA_NUMBER.matcher(number).matches()) {
            joins.add(new int[] {cell, more + 1, column});
            if (align(names, cells, cell + more + 1, column + 1, surplus - more, joins)) {
              return true;
            }
            joins.remove(joins.size() - 1);
          }
        }
      }
      return align(names, cells, cell + 1, column + 1, surplus, joins);
    }

    private boolean numeric(String column) {
      return numeric.contains(column);
    }
  }

  /** A number written with a comma (joined from cells when unquoted): the message that says so. */
  private static String badNumber(String column, String number, boolean split) {
    int comma = number.lastIndexOf(',');
    int point = number.lastIndexOf('.');
    String fixed;
    if (comma > point && point >= 0) {
      fixed = number.replace(".", "").replace(',', '.');
    } else if (point > comma) {
      fixed = number.replace(",", "");
    } else if (number.indexOf(',') == comma && number.length() - comma - 1 != 3) {
      fixed = number.replace(',', '.');
    } else {
      fixed = null;  // 1,000 may be a thousand or one: the author knows which
    }
    return column + " is written " + number + ", with a decimal comma or a thousands separator"
        + (split ? " (unquoted, so its comma also split the row into one cell too many)" : "")
        + "; numbers take a point for decimals and no thousands separator"
        + (fixed == null ? "" : ": write " + fixed);
  }

  /** For an empty file of a kind of reference data: the other way to say the pack has none. */
  private static String emptyHint(String path) {
    String kind = kindOfFile(path);
    return KNOWN.contains(kind) ? ", or list \"" + kind + "\" in emptyData in pack.json" : "";
  }

  /** The kind of a data file from its path: {@code data/hs-lists.csv} is of kind {@code hs-lists}. */
  private static String kindOfFile(String path) {
    return path.substring(ReferenceData.DATA_FOLDER.length(), path.lastIndexOf('.'));
  }

  /** A row of blank cells: an empty line, such as the one after the last row. */
  private static boolean blank(List<Cell> row) {
    return row.size() == 1 && row.get(0).text().isBlank();
  }

  /**
   * The offset of the quote that a CSV text opens and never closes, or -1. A quote opens a value
   * only at the start of a cell, and a doubled quote inside one is a quote, as Jackson reads them.
   */
  static int unclosedQuote(String text) {
    boolean quoted = false;
    boolean cellStart = true;
    int open = -1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          i++;
        } else if (c == '"') {
          quoted = false;
        }
      } else if (c == '"' && cellStart) {
        quoted = true;
        open = i;
      }
      cellStart = !quoted && (c == ',' || c == '\n' || c == '\r');
    }
    return quoted ? open : -1;
  }

  /** The line and column (from 1) of an offset in a text. */
  private static int[] position(String text, int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new int[] {line, offset - lineStart + 1};
  }

  private <T> void unique(String path, List<Row<T>> rows, Function<T, String> key, String what) {
    Map<String, Integer> first = new HashMap<>();
    for (Row<T> row : rows) {
      String k = key.apply(row.value());
      Integer line = first.putIfAbsent(k, row.line());
      if (line != null) {
        problem(path, row.line(), row.column(), what + k + " appears twice (first on line " + line + ")");
      }
    }
  }

  private static <T> List<T> values(List<Row<T>> rows) {
    List<T> values = new ArrayList<>(rows.size());
    for (Row<T> row : rows) {
      values.add(row.value());
    }
    return values;
  }

  private static String fieldName(JsonMappingException e) {
    List<JsonMappingException.Reference> path = e.getPath();
    return path.isEmpty() ? null : path.get(path.size() - 1).getFieldName();
  }

  private static int line(JsonLocation location) {
    return location == null ? 0 : Math.max(0, location.getLineNr());
  }

  private static int column(JsonLocation location) {
    return location == null ? 0 : Math.max(0, location.getColumnNr());
  }

  private static String firstLine(String message) {
    return message == null ? "invalid" : message.lines().findFirst().orElse("invalid").trim();
  }

  private void problem(String path, JsonLocation location, String message) {
    problem(path, line(location), location == null ? 0 : Math.max(0, location.getColumnNr()), message);
  }

  private void problem(String path, int line, int column, String message) {
    problems.add(new RulePackException.Problem(path, line, column, message));
  }
}
