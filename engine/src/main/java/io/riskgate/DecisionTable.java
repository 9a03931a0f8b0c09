package io.riskgate;

import io.riskgate.internal.Spelling;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;
import org.drools.decisiontable.parser.csv.CsvLineParser;
import org.drools.decisiontable.parser.csv.CsvParser;
import org.drools.decisiontable.parser.xls.ExcelParser;
import org.drools.template.model.DRLOutput;
import org.drools.template.parser.DataListener;

/**
 * A decision table in a pack's {@code rules/} folder ({@code .xlsx} or {@code .csv}, in Drools'
 * decision table layout), converted to DRL by Drools' own spreadsheet parser, with the way back
 * from every generated line to the cells it came from. The generated DRL then goes through the same
 * checks and the same compiler as a {@code .drl} file, and every problem found in it is reported at
 * the table's file, row and column (and sheet), never at generated text that the author never saw.
 *
 * <p>A problem's place in a table: {@link RulePackException.Problem#line()} is the spreadsheet row
 * (from 1), {@link RulePackException.Problem#column()} the spreadsheet column as a number (A is 1),
 * and the message starts with the sheet and the cell, {@code sheet 'HS x origin', cell D12: ...}
 * (a CSV file has no sheet: {@code cell D12: ...}).
 *
 * <p>Every sheet of a workbook that holds a {@code RuleTable} is converted, each with its own
 * settings ({@code RuleSet}, {@code Import}, {@code Variables}); sheets without one are notes.
 */
final class DecisionTable {
  /** The column headers Drools knows, by their full names; one-letter short forms are refused. */
  private static final List<String> HEADERS = List.of("CONDITION", "ACTION", "NAME", "DESCRIPTION", "METADATA",
      "PRIORITY", "DURATION", "TIMER", "ENABLED", "CALENDARS", "NO-LOOP", "LOCK-ON-ACTIVE", "AUTO-FOCUS",
      "ACTIVATION-GROUP", "AGENDA-GROUP", "RULEFLOW-GROUP", "DATE-EFFECTIVE", "DATE-EXPIRES");
  private static final Pattern RULE_COMMENT = Pattern.compile("^//\\s*rule values at ([A-Z]+)(\\d+),");
  private static final Pattern CELL_NAME = Pattern.compile("\\bcells? \\[?([A-Z]{1,3})(\\d+)\\b");

  /** Whether a pack file is a decision table the pack compiles. */
  static boolean isTable(String path) {
    return path.startsWith("rules/") && (path.endsWith(".xlsx") || path.endsWith(".csv"));
  }

  private DecisionTable() {}

  /**
   * Converts the table at {@code path}: one generated unit per sheet with rules. Problems of the
   * table itself (an unknown column header, a cell Drools' parser refuses, a file that is not a
   * workbook) go to {@code problems}, located; a sheet with such a problem yields no unit.
   */
  static List<Unit> convert(String path, byte[] bytes, List<RulePackException.Problem> problems) {
    return path.endsWith(".csv") ? convertCsv(path, bytes, problems) : convertWorkbook(path, bytes, problems);
  }

  private static List<Unit> convertCsv(String path, byte[] bytes, List<RulePackException.Problem> problems) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
    } catch (CharacterCodingException e) {
      problems.add(new RulePackException.Problem(path, 0, 0, "the file is not UTF-8; save the CSV as UTF-8"));
      return List.of();
    }
    Recorder recorder = new Recorder(path, null);
    try {
      new CsvParser(recorder, new CsvLineParser()).parseFile(new ByteArrayInputStream(bytes));
    } catch (RuntimeException e) {
      recorder.failed(e);
    }
    return recorder.finish(problems);
  }

  private static List<Unit> convertWorkbook(String path, byte[] bytes, List<RulePackException.Problem> problems) {
    Map<String, List<DataListener>> listeners = new LinkedHashMap<>();
    List<Recorder> recorders = new ArrayList<>();
    Recorder[] current = new Recorder[1];
    Workbook workbook;
    try {
      workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes));
    } catch (IOException | RuntimeException e) {
      problems.add(new RulePackException.Problem(path, 0, 0, "not a readable .xlsx workbook; save it from"
          + " a spreadsheet program as Excel Workbook (.xlsx)"));
      return List.of();
    }
    for (Sheet sheet : workbook) {
      if (hasRuleTable(sheet)) {
        Recorder recorder = new Recorder(path, sheet.getSheetName(), current);
        recorders.add(recorder);
        listeners.put(sheet.getSheetName(), List.of(recorder));
      }
    }
    if (recorders.isEmpty()) {
      problems.add(new RulePackException.Problem(path, 0, 0, "no sheet has a 'RuleTable' cell, so the"
          + " workbook holds no rules; see the decision tables section of the rule authoring guide"));
      try {
        workbook.close();
      } catch (IOException e) {
        // read from memory: nothing to release
      }
      return List.of();
    }
    try {
      new ExcelParser(listeners).parseWorkbook(workbook);  // closes the workbook
    } catch (RuntimeException e) {
      (current[0] == null ? recorders.get(0) : current[0]).failed(e);
    }
    List<Unit> units = new ArrayList<>();
    for (Recorder recorder : recorders) {
      units.addAll(recorder.finish(problems));
    }
    return units;
  }

  private static boolean hasRuleTable(Sheet sheet) {
    for (Row row : sheet) {
      for (Cell cell : row) {
        if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
            && isRuleTable(cell.getStringCellValue())) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isRuleTable(String value) {
    String text = value.strip().toLowerCase(Locale.ROOT);
    return text.equals("ruletable") || text.startsWith("ruletable ");
  }

  /** A cell's name as a spreadsheet shows it: row and column from 0 give "D12". */
  static String cellName(int row, int column) {
    StringBuilder letters = new StringBuilder();
    for (int c = column + 1; c > 0; c = (c - 1) / 26) {
      letters.insert(0, (char) ('A' + (c - 1) % 26));
    }
    return letters.append(row + 1).toString();
  }

  private static int columnOf(String letters) {
    int column = 0;
    for (char c : letters.toCharArray()) {
      column = column * 26 + (c - 'A' + 1);
    }
    return column - 1;
  }

  private static long cell(int row, int column) {
    return ((long) row << 20) | column;
  }

  /**
   * Drools' listener, recording every cell it is given (rows and columns from 0) so that the
   * generated DRL can be traced back. It extends Drools' own listener because the Excel parser
   * asks that class, and no other, for the sheet's number settings.
   */
  private static final class Recorder extends DefaultRuleSheetListener {
    final String path;
    final String sheet;
    final TreeMap<Long, String> cells = new TreeMap<>();
    private final Recorder[] current;
    private RuntimeException failure;

    Recorder(String path, String sheet) {
      this(path, sheet, new Recorder[1]);
    }

    Recorder(String path, String sheet, Recorder[] current) {
      super(true, true);
      this.path = path;
      this.sheet = sheet;
      this.current = current;
    }

    @Override
    public void newRow(int rowNumber, int columns) {
      current[0] = this;
      super.newRow(rowNumber, columns);
    }

    @Override
    public void newCell(int row, int column, String value, int mergedColStart) {
      if (value != null && !value.isBlank()) {
        cells.put(cell(row, column), value);
      }
      super.newCell(row, column, value, mergedColStart);
    }

    void failed(RuntimeException e) {
      failure = e;
    }

    String where(int row, int column) {
      return (sheet == null ? "" : "sheet '" + sheet + "', ") + "cell " + cellName(row, column) + ": ";
    }

    RulePackException.Problem problem(int row, int column, String message) {
      return new RulePackException.Problem(path, row + 1, column + 1, where(row, column) + message);
    }

    /** The unit this sheet converts to, or none (and its problems) if it does not convert. */
    List<Unit> finish(List<RulePackException.Problem> problems) {
      int before = problems.size();
      checkHeaders(problems);
      if (failure != null && problems.size() == before) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        Matcher cell = CELL_NAME.matcher(message);
        if (cell.find()) {
          int row = Integer.parseInt(cell.group(2)) - 1;
          problems.add(problem(row, columnOf(cell.group(1)), message));
        } else {
          problems.add(new RulePackException.Problem(path, 0, 0, (sheet == null ? "" : "sheet '" + sheet + "': ")
              + message));
        }
      }
      if (problems.size() > before || failure != null) {
        return List.of();
      }
      String drl;
      try {
        DRLOutput out = new DRLOutput();
        getRuleSet().renderDRL(out);
        drl = out.getDRL();
      } catch (RuntimeException e) {
        problems.add(new RulePackException.Problem(path, 0, 0, (sheet == null ? "" : "sheet '" + sheet + "': ")
            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
        return List.of();
      }
      return List.of(new Unit(this, drl));
    }

    /**
     * Drools reads any header that starts with a known letter as that header ("CONDITON" is a
     * condition, "SCORE" is salience): a misspelt header must not change what a column means.
     */
    private void checkHeaders(List<RulePackException.Problem> problems) {
      for (Map.Entry<Long, String> start : cells.entrySet()) {
        if (!isRuleTable(start.getValue())) {
          continue;
        }
        int row = (int) (start.getKey() >> 20);
        int first = (int) (start.getKey() & 0xFFFFF);
        for (Map.Entry<Long, String> header : cells.subMap(cell(row + 1, first), cell(row + 2, 0)).entrySet()) {
          String value = header.getValue().strip();
          if (!HEADERS.contains(value.toUpperCase(Locale.ROOT))) {
            int column = (int) (header.getKey() & 0xFFFFF);
            problems.add(problem(row + 1, column, "unknown column header '" + value + "'"
                + Spelling.closest(value, HEADERS).map(h -> " (did you mean " + h + "?)").orElse("")
                + "; a column of a rule table is one of " + String.join(", ", HEADERS.subList(0, 6))
                + " (see the decision tables section of the rule authoring guide)"));
          }
        }
      }
    }
  }

  /** One sheet's generated DRL, and where each of its lines came from. */
  static final class Unit {
    final String path;
    /** The sheet's name, or null for a CSV file. */
    final String sheet;
    final String drl;
    private final Recorder cells;
    /** By generated line (from 0): the spreadsheet row (from 0) of the rule it belongs to, or -1. */
    private final int[] ruleRows;
    private final String[] lines;
    /** Rule name to the place of its row. */
    private final Map<String, RulePackException.Problem> rules = new HashMap<>();

    private Unit(Recorder cells, String drl) {
      this.path = cells.path;
      this.sheet = cells.sheet;
      this.drl = drl;
      this.cells = cells;
      this.lines = drl.split("\n", -1);
      this.ruleRows = new int[lines.length];
      int row = -1;
      for (int i = 0; i < lines.length; i++) {
        Matcher comment = RULE_COMMENT.matcher(lines[i].strip());
        if (comment.find()) {
          row = Integer.parseInt(comment.group(2)) - 1;
        }
        ruleRows[i] = row;
        String line = lines[i].strip();
        if (row >= 0 && line.startsWith("rule ")) {
          String name = unquote(line.substring(5).strip());
          RulePackException.Problem at = place(i, 0, "");
          rules.put(name, at);
        }
        if (row >= 0 && line.equals("end")) {
          row = -1;
        }
      }
    }

    /** The key under which the engine keeps this unit's DRL: unique in the pack. */
    String key() {
      return sheet == null ? path : path + "#" + sheet;
    }

    /** Where a rule generated from this table is: its row, at its NAME cell or the table's first column. */
    RulePackException.Problem rule(String name, String message) {
      RulePackException.Problem at = rules.get(name);
      return at == null ? null : new RulePackException.Problem(at.path(), at.line(), at.column(),
          at.message() + message);
    }

    /** The cell that a problem at a generated line and column (both from 1; column 0 if unknown) is in. */
    RulePackException.Problem relocate(int line, int column, String message) {
      RulePackException.Problem at = place(line - 1, column - 1, message);
      return at;
    }

    private RulePackException.Problem place(int line, int column, String message) {
      if (line < 0 || line >= lines.length) {
        return new RulePackException.Problem(path, 0, 0, (sheet == null ? "" : "sheet '" + sheet + "': ") + message);
      }
      String text = lines[line];
      int row = ruleRows[line];
      if (row < 0) {
        return header(text, message);
      }
      int first = tableColumn(row);
      if (text.strip().startsWith("rule ") && message.startsWith("Rule Compilation error")) {
        // Drools places a consequence's Java errors at the rule's first line: they are in its actions.
        for (int i = line + 1; i < lines.length && !lines[i].strip().equals("end"); i++) {
          if (lines[i].strip().equals("then") && i + 1 < lines.length && ruleRows[i + 1] == row) {
            return place(i + 1, 0, message);
          }
        }
      }
      // The cells of the rule's row whose values the line holds; the problem is in the one that
      // spans its column, else the next one after it (a template's text comes before its value),
      // else the last one before it.
      int best = -1;
      int bestLength = -1;
      int after = -1;
      int afterStart = Integer.MAX_VALUE;
      int before = -1;
      int beforeEnd = -1;
      for (Map.Entry<Long, String> cell : cells.cells.subMap(cell(row, first), cell(row + 1, 0)).entrySet()) {
        int col = (int) (cell.getKey() & 0xFFFFF);
        for (String form : forms(cell.getValue())) {
          int start = text.indexOf(form);
          if (start < 0) {
            continue;
          }
          int end = start + form.length();
          if (column >= start && column < end && form.length() > bestLength) {
            best = col;
            bestLength = form.length();
          } else if (start > column && start < afterStart) {
            after = col;
            afterStart = start;
          } else if (end <= column && end > beforeEnd) {
            before = col;
            beforeEnd = end;
          }
        }
      }
      int col = best >= 0 ? best : after >= 0 && column >= 0 ? after : before >= 0 ? before : after >= 0 ? after : first;
      return cells.problem(row, col, message);
    }

    /** A line before the rules (package, imports, globals, functions): the settings cell holding it. */
    private RulePackException.Problem header(String text, String message) {
      String content = text.strip().replaceFirst("^(package|import|global|function)\\s+", "").replaceFirst(";$", "")
          .strip();
      if (content.length() >= 3) {
        for (Map.Entry<Long, String> cell : cells.cells.entrySet()) {
          if (cell.getValue().contains(content)) {
            return cells.problem((int) (cell.getKey() >> 20), (int) (cell.getKey() & 0xFFFFF), message);
          }
        }
        // A global is written "Type name" in the Variables cell, as in the generated line.
        String[] parts = content.split("\\s+");
        for (Map.Entry<Long, String> cell : cells.cells.entrySet()) {
          if (parts.length > 1 && cell.getValue().contains(parts[parts.length - 1])
              && cell.getValue().contains(parts[0])) {
            return cells.problem((int) (cell.getKey() >> 20), (int) (cell.getKey() & 0xFFFFF), message);
          }
        }
      }
      return new RulePackException.Problem(path, 0, 0, (sheet == null ? "" : "sheet '" + sheet + "': ")
          + "in the settings above the rule tables: " + message);
    }

    /** The first column of the rule table that a data row belongs to. */
    private int tableColumn(int row) {
      int column = 0;
      for (Map.Entry<Long, String> cell : cells.cells.headMap(cell(row, 0)).entrySet()) {
        if (isRuleTable(cell.getValue())) {
          column = (int) (cell.getKey() & 0xFFFFF);
        }
      }
      return column;
    }

    /**
     * How a cell's value may appear in the generated DRL: as typed, quotes escaped, unquoted, or
     * (for a template with {@code $1, $2}) each of its comma-separated parts.
     */
    private static List<String> forms(String value) {
      String text = value.strip();
      List<String> forms = new ArrayList<>(4);
      forms.add(text);
      if (text.indexOf('"') > 0) {
        forms.add(text.replace("\"", "\\\""));
      }
      if (text.length() > 1 && text.startsWith("\"") && text.endsWith("\"")) {
        forms.add(text.substring(1, text.length() - 1));
      }
      if (text.indexOf(',') >= 0) {
        for (String part : text.split(",")) {
          if (!part.isBlank()) {
            forms.add(part.strip());
          }
        }
      }
      return forms;
    }

    private static String unquote(String name) {
      return name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")
          ? name.substring(1, name.length() - 1).replace("\\\"", "\"") : name;
    }
  }
}
