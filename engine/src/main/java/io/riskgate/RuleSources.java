package io.riskgate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The DRL a pack compiles: its {@code .drl} files as written and its decision tables as converted
 * ({@link DecisionTable}), each under a key that is unique in the pack (a DRL file's path, a
 * table's path and sheet). Problems found in a table's generated DRL, by the pack check or by
 * Drools, are turned into problems at the table's cells by {@link #relocate}. Immutable.
 */
final class RuleSources {
  private final Map<String, byte[]> drl = new LinkedHashMap<>();
  private final Map<String, DecisionTable.Unit> tables = new LinkedHashMap<>();
  private final List<RulePackException.Problem> problems = new ArrayList<>();
  private final RulePack pack;

  private RuleSources(RulePack pack) {
    this.pack = pack;
    for (String path : pack.paths()) {
      if (path.endsWith(".drl")) {
        drl.put(path, pack.bytes(path));
      } else if (DecisionTable.isTable(path)) {
        for (DecisionTable.Unit unit : DecisionTable.convert(path, pack.bytes(path), problems)) {
          tables.put(unit.key(), unit);
        }
      }
    }
  }

  /** Converts the decision tables of {@code pack}; what does not convert is in {@link #problems()}. */
  static RuleSources of(RulePack pack) {
    return new RuleSources(pack);
  }

  /** Every unit's key, DRL files first, in path order. */
  List<String> keys() {
    List<String> keys = new ArrayList<>(drl.keySet());
    keys.addAll(tables.keySet());
    return keys;
  }

  /** The DRL of a unit, as bytes (a DRL file's own bytes, which may not be UTF-8). */
  byte[] bytes(String key) {
    byte[] bytes = drl.get(key);
    return bytes != null ? bytes : tables.get(key).drl.getBytes(StandardCharsets.UTF_8);
  }

  /** Whether a unit was generated from a decision table. */
  boolean generated(String key) {
    return tables.containsKey(key);
  }

  /** The tables' own problems: located at their cells. */
  List<RulePackException.Problem> problems() {
    return List.copyOf(problems);
  }

  /** A problem as the author sees it: one in a table's generated DRL goes to the table's cell. */
  RulePackException.Problem relocate(RulePackException.Problem problem) {
    DecisionTable.Unit unit = tables.get(problem.path());
    return unit == null ? problem : unit.relocate(problem.line(), problem.column(), problem.message());
  }

  List<RulePackException.Problem> relocate(List<RulePackException.Problem> problems) {
    return problems.stream().map(this::relocate).toList();
  }

  /** Finds the file and line (or table row and cell) where a rule is declared. */
  RulePackException.Problem locate(String ruleName, String message) {
    Pattern declaration = Pattern.compile("^\\s*rule\\s+(\"" + Pattern.quote(ruleName) + "\"|'"
        + Pattern.quote(ruleName) + "'|" + Pattern.quote(ruleName) + "\\s)");
    for (String path : drl.keySet()) {
      String[] lines = pack.text(path).orElse("").split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        Matcher matcher = declaration.matcher(lines[i]);
        if (matcher.find()) {
          return new RulePackException.Problem(path, i + 1, matcher.start(1) + 1, message);
        }
      }
    }
    for (DecisionTable.Unit unit : tables.values()) {
      RulePackException.Problem at = unit.rule(ruleName, message);
      if (at != null) {
        return at;
      }
    }
    return new RulePackException.Problem("(pack)", 0, 0, message);
  }

  /** Finds the file and line (or the table's Variables cell) where a global is declared. */
  RulePackException.Problem locateGlobal(String global, String message) {
    // The name must end there: a misspelt "price" must not be found on the line declaring "prices".
    Pattern declaration = Pattern.compile("^\\s*global\\s+\\S+\\s+" + Pattern.quote(global) + "\\s*(;|$)");
    for (String key : keys()) {
      String[] lines = new String(bytes(key), StandardCharsets.UTF_8).split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        if (declaration.matcher(lines[i]).find()) {
          return relocate(new RulePackException.Problem(key, i + 1, lines[i].indexOf("global") + 1, message));
        }
      }
    }
    return new RulePackException.Problem("(pack)", 0, 0, message);
  }
}
