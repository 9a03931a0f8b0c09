package io.riskgate;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import io.riskgate.reference.ColumnType;
import io.riskgate.reference.ListKind;
import io.riskgate.reference.NamedTable;
import io.riskgate.reference.ReferenceData;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The manifest of a rule pack, the {@code pack.json} file at its root:
 *
 * <pre>{@code
 * {
 *   "id": "vn-baseline",
 *   "version": "2026.11.0",
 *   "description": "Baseline selectivity criteria modelled on VNACCS/VCIS",
 *   "thresholds": { "yellow": 30, "red": 60 },
 *   "randomRates": { "yellow": 0.02, "red": 0.01 },
 *   "seed": 20261123,
 *   "emptyData": ["watchlists"],
 *   "trial": ["VAL-09"],
 *   "lists": {
 *     "watched-origins": {"kind": "country", "file": "data/watched-origins.csv"}
 *   },
 *   "tables": {
 *     "heading-origin-points": {
 *       "file": "data/heading-origin-points.csv",
 *       "key": ["heading", "origin"],
 *       "columns": {"heading": "hs-prefix", "origin": "country", "points": "integer", "reason": "text"}
 *     }
 *   }
 * }
 * }</pre>
 *
 * <p>Read strictly (docs/rule-authoring.md has the reference): every field but {@code description},
 * {@code emptyData}, {@code lists} and {@code tables} is required, an unknown field is an error, and a number is never read from
 * a string nor a whole number from a fraction. Required components are marked for Jackson here;
 * {@link RulePack} turns its errors into located messages.
 *
 * @param id the pack's id, letters, digits, '.', '_' and '-'
 * @param version the pack's version, recorded in every assessment
 * @param description what the pack is for
 * @param thresholds the scores from which a declaration goes YELLOW and RED
 * @param randomRates the share of declarations selected at random into YELLOW and RED
 * @param seed the seed of the random selection: same seed and declaration number, same draw
 * @param emptyData the kinds of reference data ({@link ReferenceData#KINDS}) the pack has none of,
 *     said explicitly: a DRL global of such a kind is bound to an empty source rather than refused
 *     for want of its {@code data/} file
 * @param trial the codes of the criteria on trial: their hits are recorded and reported, but their
 *     points and minimum channels do not count (a rule's {@code @trial} attribute does the same);
 *     each code must be a criterion of the pack, which is checked when the pack compiles
 * @param lists the pack's own lists by name, each a kind of value and a file under {@code data/},
 *     which rules read through the global {@code lists} ({@link io.riskgate.reference.Lists})
 * @param tables the pack's own keyed tables by name, each a file under {@code data/}, its typed
 *     columns and its key, which rules read through the global {@code tables}
 *     ({@link io.riskgate.reference.Tables})
 */
public record PackManifest(
    @JsonProperty(required = true) String id,
    @JsonProperty(required = true) String version,
    @JsonSetter(nulls = Nulls.AS_EMPTY) String description,
    @JsonProperty(required = true) Thresholds thresholds,
    @JsonProperty(required = true) RandomRates randomRates,
    @JsonProperty(required = true) long seed,
    @JsonSetter(nulls = Nulls.AS_EMPTY) List<String> emptyData,
    @JsonSetter(nulls = Nulls.AS_EMPTY) List<String> trial,
    @JsonSetter(nulls = Nulls.AS_EMPTY) Map<String, ListDeclaration> lists,
    @JsonSetter(nulls = Nulls.AS_EMPTY) Map<String, TableDeclaration> tables) {

  public PackManifest {
    require(id, "id");
    if (!id.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException("id must hold only letters, digits, '.', '_' and '-'");
    }
    require(version, "version");
    description = description == null ? "" : description;
    Objects.requireNonNull(thresholds, "thresholds is required");
    // No default: an omitted randomRates once turned random selection off without a word.
    Objects.requireNonNull(randomRates, "randomRates is required");
    emptyData = emptyData == null ? List.of() : List.copyOf(emptyData);
    Set<String> seen = new HashSet<>();
    for (String kind : emptyData) {
      if (!ReferenceData.KINDS.contains(kind)) {
        throw new IllegalArgumentException("emptyData lists '" + kind + "', which is not a kind of reference data;"
            + " expected " + String.join(", ", ReferenceData.KINDS));
      }
      if (!seen.add(kind)) {
        throw new IllegalArgumentException("emptyData lists '" + kind + "' twice");
      }
    }
    trial = trial == null ? List.of() : List.copyOf(trial);
    Set<String> listed = new HashSet<>();
    for (String code : trial) {
      if (!listed.add(code)) {
        throw new IllegalArgumentException("trial lists '" + code + "' twice");
      }
    }
    lists = lists == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(lists));
    tables = tables == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    Map<String, String> files = new HashMap<>();
    for (Map.Entry<String, ListDeclaration> list : lists.entrySet()) {
      declared("lists", "list", list.getKey(), list.getValue().file(), files);
    }
    for (Map.Entry<String, TableDeclaration> table : tables.entrySet()) {
      if (lists.containsKey(table.getKey())) {
        throw new IllegalArgumentException("tables has '" + table.getKey() + "', which is also a list; give"
            + " each list and table a name of its own");
      }
      declared("tables", "table", table.getKey(), table.getValue().file(), files);
    }
  }

  /** A manifest with no criterion on trial and no lists or tables of its own. */
  public PackManifest(String id, String version, String description, Thresholds thresholds,
      RandomRates randomRates, long seed, List<String> emptyData) {
    this(id, version, description, thresholds, randomRates, seed, emptyData, List.of(), Map.of(), Map.of());
  }

  /** A list or table name and file: the name well formed, the file used once. */
  private static void declared(String field, String what, String name, String file, Map<String, String> files) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(field + " has a " + what + " named '" + name + "'; a name is lower-case"
          + " letters, digits and '-', starting with a letter or digit");
    }
    String other = files.putIfAbsent(file, name);
    if (other != null) {
      throw new IllegalArgumentException(field + " has '" + name + "' read " + file + ", as '" + other + "' does"
          + "; each list and table has a file of its own");
    }
  }

  /** How list, table and column names are written. */
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
  private static final Pattern COLUMN = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

  /** Why {@code file} cannot hold a list or table, or null if it can. */
  private static String fileProblem(String file) {
    if (file == null || !file.startsWith(ReferenceData.DATA_FOLDER) || !(file.endsWith(".csv") || file.endsWith(".json"))
        || file.contains("..") || file.length() <= ReferenceData.DATA_FOLDER.length() + 4) {
      return "file must be a .csv or .json file in the pack's data/ folder, such as data/watched-origins.csv";
    }
    String kind = file.substring(ReferenceData.DATA_FOLDER.length(), file.lastIndexOf('.'));
    if (ReferenceData.KINDS.contains(kind)) {
      return "file " + file + " is the pack's " + kind + " file, which has a format of its own; name the file"
          + " after the list or table";
    }
    return null;
  }

  /**
   * A list the pack declares: what its values are, and the file that holds them, a CSV file with a
   * {@code value} column (and an optional {@code note} column for the people who review it) or a
   * JSON array of objects with those fields.
   *
   * @param kind the kind of value ({@link ListKind#code()}): hs-prefix, country, trader, consignor,
   *     office, gate, port or text
   * @param file the file under {@code data/} that holds the values
   */
  public record ListDeclaration(@JsonProperty(required = true) String kind,
      @JsonProperty(required = true) String file) {
    public ListDeclaration {
      if (ListKind.ofCode(kind).isEmpty()) {
        throw new IllegalArgumentException("kind must be one of " + String.join(", ",
            Arrays.stream(ListKind.values()).map(ListKind::code).toList()) + ", was '" + kind + "'");
      }
      String problem = fileProblem(file);
      if (problem != null) {
        throw new IllegalArgumentException(problem);
      }
    }

    /** The kind, as the enum. */
    public ListKind listKind() {
      return ListKind.ofCode(kind).orElseThrow();
    }
  }

  /**
   * A keyed table the pack declares: its file (a CSV file whose header names every column, or a JSON
   * array of objects with those fields), its columns in order with their types, and the one or two
   * columns that key it.
   *
   * @param file the file under {@code data/} that holds the rows
   * @param key the key columns, one or two, of type text, country or hs-prefix (an hs-prefix key first)
   * @param columns each column's name and type ({@link ColumnType#code()}): text, integer, decimal,
   *     boolean, date, country or hs-prefix
   */
  public record TableDeclaration(@JsonProperty(required = true) String file,
      @JsonProperty(required = true) List<String> key,
      @JsonProperty(required = true) Map<String, String> columns) {
    public TableDeclaration {
      String problem = fileProblem(file);
      if (problem != null) {
        throw new IllegalArgumentException(problem);
      }
      columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
      key = List.copyOf(key);
      if (columns.isEmpty()) {
        throw new IllegalArgumentException("columns must name at least the key column");
      }
      for (Map.Entry<String, String> column : columns.entrySet()) {
        if (!COLUMN.matcher(column.getKey()).matches()) {
          throw new IllegalArgumentException("columns has '" + column.getKey() + "'; a column name is letters,"
              + " digits and '_', starting with a letter");
        }
        if (ColumnType.ofCode(column.getValue()).isEmpty()) {
          throw new IllegalArgumentException("columns gives '" + column.getKey() + "' the type '" + column.getValue()
              + "'; expected one of " + String.join(", ", Arrays.stream(ColumnType.values()).map(ColumnType::code).toList()));
        }
      }
      String keyProblem = NamedTable.keyProblem(types(columns), key);
      if (keyProblem != null) {
        throw new IllegalArgumentException("key " + keyProblem);
      }
    }

    /** The columns with their types as the enum, in order. */
    public Map<String, ColumnType> columnTypes() {
      return types(columns);
    }

    private static Map<String, ColumnType> types(Map<String, String> columns) {
      Map<String, ColumnType> types = new LinkedHashMap<>();
      columns.forEach((name, type) -> types.put(name, ColumnType.ofCode(type).orElseThrow()));
      return Collections.unmodifiableMap(types);
    }
  }

  /** Whether the manifest says the pack has no reference data of {@code kind} ({@code emptyData}). */
  public boolean declaresEmpty(String kind) {
    return emptyData.contains(kind);
  }

  private static final long FNV_PRIME = 0x100000001b3L;

  /**
   * The channel the seeded random draw gives a declaration under this manifest: RED for a share
   * {@code randomRates.red} of declaration numbers, YELLOW for {@code randomRates.yellow}, else
   * GREEN. It depends only on the seed and the number, so a re-score draws as production did.
   */
  public Channel randomChannel(String declarationNumber) {
    double draw = draw(seed, declarationNumber);
    if (draw < randomRates.red()) {
      return Channel.RED;
    }
    return draw < randomRates.red() + randomRates.yellow() ? Channel.YELLOW : Channel.GREEN;
  }

  /**
   * A uniform number in [0, 1) that depends only on the seed and the declaration number: FNV-1a
   * over the number's UTF-8 bytes, then the SplitMix64 finaliser to spread the bits. Written out
   * rather than taken from a JDK random generator so that the draw can never change with the JDK.
   */
  static double draw(long seed, String number) {
    long hash = 0xcbf29ce484222325L ^ seed;
    // An ASCII character is its own UTF-8 byte: hash those without encoding the number (the
    // encoding was most of the draw, a few percent of assessing a one-item declaration).
    for (int i = 0; i < number.length(); i++) {
      char c = number.charAt(i);
      if (c >= 0x80) {
        return drawUtf8(seed, number);
      }
      hash ^= c;
      hash *= FNV_PRIME;
    }
    return finish(hash);
  }

  private static double drawUtf8(long seed, String number) {
    long hash = 0xcbf29ce484222325L ^ seed;
    for (byte b : number.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= FNV_PRIME;
    }
    return finish(hash);
  }

  private static double finish(long fnv) {
    long hash = fnv + 0x9e3779b97f4a7c15L;
    hash = (hash ^ (hash >>> 30)) * 0xbf58476d1ce4e5b9L;
    hash = (hash ^ (hash >>> 27)) * 0x94d049bb133111ebL;
    hash ^= hash >>> 31;
    return (hash >>> 11) * 0x1.0p-53;
  }

  private static void require(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
  }

  /**
   * Score thresholds: a score of at least {@code yellow} gives YELLOW, at least {@code red} RED.
   */
  public record Thresholds(@JsonProperty(required = true) int yellow, @JsonProperty(required = true) int red) {
    public Thresholds {
      if (yellow < 1 || red < yellow) {
        throw new IllegalArgumentException(
            "thresholds must satisfy 1 <= yellow <= red, were yellow " + yellow + ", red " + red);
      }
    }

    /** The channel a score reaches on its own. */
    public Channel channelFor(int score) {
      return score >= red ? Channel.RED : score >= yellow ? Channel.YELLOW : Channel.GREEN;
    }
  }

  /**
   * Random selection rates, as fractions of all declarations (0.01 = 1%). ASYCUDA and VNACCS keep
   * a small random selection so the system stays unpredictable and criteria can be measured.
   */
  public record RandomRates(@JsonProperty(required = true) double yellow,
      @JsonProperty(required = true) double red) {
    public RandomRates {
      if (!(yellow >= 0 && red >= 0 && yellow + red <= 1)) {
        throw new IllegalArgumentException(
            "randomRates must be between 0 and 1 and add up to at most 1, were yellow " + yellow
                + ", red " + red);
      }
    }
  }
}
