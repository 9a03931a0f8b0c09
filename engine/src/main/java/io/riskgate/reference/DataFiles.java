package io.riskgate.reference;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
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
import io.riskgate.RulePack;
import io.riskgate.RulePackException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a pack's {@code data/} files. Every row is read to a tree first and bound second, so that
 * one bad row is reported with its line and the rest of the file is still checked: a rule author
 * fixes every problem in one pass.
 */
final class DataFiles {
  static final String TRADERS = "traders";
  static final String PRICES = "prices";
  static final String WATCHLISTS = "watchlists";
  static final String HS_LISTS = "hs-lists";
  private static final Set<String> KNOWN = Set.of(TRADERS, PRICES, WATCHLISTS, HS_LISTS);

  private static final JsonMapper JSON = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      // An absent number or flag takes its default (0, false); the records then check the range.
      .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();
  private static final CsvMapper CSV = new CsvMapper();
  private static final CsvSchema HEADER = CsvSchema.emptySchema().withHeader();

  /** A row bound to its record, with where it starts. */
  private record Row<T>(T value, int line, int column) {}

  private final RulePack pack;
  private final List<RulePackException.Problem> problems = new ArrayList<>();

  private DataFiles(RulePack pack) {
    this.pack = pack;
  }

  static ReferenceData load(RulePack pack) {
    return new DataFiles(pack).load();
  }

  private ReferenceData load() {
    Map<String, String> files = new HashMap<>();
    for (String path : pack.paths()) {
      if (!path.startsWith(ReferenceData.DATA_FOLDER) || !(path.endsWith(".json") || path.endsWith(".csv"))) {
        continue;
      }
      String name = path.substring(ReferenceData.DATA_FOLDER.length(), path.lastIndexOf('.'));
      if (!KNOWN.contains(name)) {
        problem(path, 0, 0, "unknown reference data file; expected data/traders.json, data/prices.csv|json, "
            + "data/watchlists.csv|json or data/hs-lists.csv|json");
      } else if (files.containsKey(name)) {
        problem(path, 0, 0, "data/" + name + " is given both as .json and .csv; keep one");
      } else if (name.equals(TRADERS) && path.endsWith(".csv")) {
        problem(path, 0, 0, "the trader registry must be JSON (data/traders.json): violations nest");
      } else {
        files.put(name, path);
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
    if (!problems.isEmpty()) {
      throw new RulePackException(pack.location(), problems);
    }
    return ReferenceData.of(
        traders.isEmpty() ? ReferenceSources.noTraders() : ReferenceSources.traders(values(traders)),
        prices.isEmpty() ? ReferenceSources.noPrices() : ReferenceSources.prices(values(prices)),
        watchlists.isEmpty() ? ReferenceSources.noWatchlists() : ReferenceSources.watchlists(values(watchlists)),
        hsLists.isEmpty() ? ReferenceSources.noHsLists() : ReferenceSources.hsLists(values(hsLists)));
  }

  private <T> List<Row<T>> rows(String path, Class<T> type) {
    List<Row<T>> rows = new ArrayList<>();
    if (path == null) {
      return rows;
    }
    String text = pack.text(path).orElse("");
    boolean csv = path.endsWith(".csv");
    try (JsonParser parser = csv ? CSV.createParser(text) : JSON.createParser(text)) {
      if (csv) {
        parser.setSchema(HEADER);
      }
      JsonToken token = parser.nextToken();
      if (!csv) {
        if (token == null) {
          return rows;
        }
        if (token != JsonToken.START_ARRAY) {
          problem(path, parser.currentTokenLocation(), "expected a JSON array of objects");
          return rows;
        }
        token = parser.nextToken();
      }
      while (token == JsonToken.START_OBJECT) {
        JsonLocation start = parser.currentTokenLocation();
        // The CSV parser opens a row where the previous line ended: the row is on the next line.
        int line = csv ? line(start) + 1 : line(start);
        JsonNode node = csv ? CSV.readTree(parser) : JSON.readTree(parser);
        if (csv) {
          dropEmptyCells((ObjectNode) node);
        }
        try {
          rows.add(new Row<>(JSON.treeToValue(node, type), line, column(start, csv)));
        } catch (ValueInstantiationException e) {
          Throwable cause = e.getCause() == null ? e : e.getCause();
          problem(path, line, column(start, csv), String.valueOf(cause.getMessage()));
        } catch (JsonMappingException e) {
          problem(path, line, column(start, csv), field(e) + firstLine(e.getOriginalMessage()));
        }
        token = parser.nextToken();
      }
      if (!csv && token != JsonToken.END_ARRAY) {
        problem(path, parser.currentTokenLocation(), "expected an object for each entry");
      }
    } catch (JsonProcessingException e) {
      problem(path, e.getLocation(), firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      problem(path, 0, 0, "cannot read: " + e.getMessage());
    }
    return rows;
  }

  /** An empty CSV cell means "not given", as an absent JSON field does. */
  private static void dropEmptyCells(ObjectNode row) {
    Iterator<Map.Entry<String, JsonNode>> fields = row.fields();
    while (fields.hasNext()) {
      JsonNode value = fields.next().getValue();
      if (value.isTextual() && value.asText().isBlank()) {
        fields.remove();
      }
    }
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

  private static String field(JsonMappingException e) {
    List<JsonMappingException.Reference> path = e.getPath();
    if (path.isEmpty() || path.get(path.size() - 1).getFieldName() == null) {
      return "";
    }
    return "field '" + path.get(path.size() - 1).getFieldName() + "': ";
  }

  private static int line(JsonLocation location) {
    return location == null ? 0 : Math.max(0, location.getLineNr());
  }

  private static int column(JsonLocation location, boolean csv) {
    // A CSV row starts at its line's first column.
    return csv ? 1 : location == null ? 0 : Math.max(0, location.getColumnNr());
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
