package io.riskgate;

import io.riskgate.internal.Spelling;
import io.riskgate.reference.ColumnType;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks that a DRL file names only the lists, tables and columns its pack declares, so that a
 * misspelt name is an error at the rule when the pack is built rather than an exception (and a
 * fail-closed assessment) in production: {@code lists.has("name", ...)},
 * {@code tables.row("name", ...)}, {@code tables.has("name", ...)} and a column read straight off a
 * row, {@code tables.row("name", ...).integer("points")}, which must also be of the accessor's type
 * and give as many keys as the table has.
 *
 * <p>Reads the file's tokens, comments and strings apart. Names must be written as quoted text:
 * a name computed at run time could not be checked. A column read from a row held in a variable is
 * checked at run time only.
 */
final class OwnDataCheck {
  private static final Set<String> TABLE_METHODS = Set.of("row", "has", "find");

  private final DrlSource source;
  private final PackManifest manifest;
  private final List<TokenCheck.Token> tokens;

  private OwnDataCheck(DrlSource source, PackManifest manifest) {
    this.source = source;
    this.manifest = manifest;
    this.tokens = TokenCheck.tokens(source.text);
  }

  /**
   * Checks {@code source}, where {@code listGlobals} and {@code tableGlobals} are the names of the
   * pack's globals of type {@code Lists} and {@code Tables}.
   */
  static void check(DrlSource source, PackManifest manifest, Set<String> listGlobals, Set<String> tableGlobals) {
    if (listGlobals.isEmpty() && tableGlobals.isEmpty()) {
      return;
    }
    new OwnDataCheck(source, manifest).run(listGlobals, tableGlobals);
  }

  private void run(Set<String> listGlobals, Set<String> tableGlobals) {
    for (int i = 0; i + 3 < tokens.size(); i++) {
      TokenCheck.Token word = tokens.get(i);
      boolean after = i > 0 && (text(i - 1).equals(".") || text(i - 1).equals("?.") || text(i - 1).equals("!."));
      if (word.kind() != 'w' || after || !text(i + 1).equals(".") || !text(i + 3).equals("(")) {
        continue;
      }
      String method = text(i + 2);
      if (listGlobals.contains(word.text()) && method.equals("has")) {
        String name = name(i + 4, "list");
        if (name != null && !manifest.lists().containsKey(name)) {
          source.mistake(tokens.get(i + 4).offset(), undeclared("list", name, manifest.lists().keySet(), "lists"));
        }
      } else if (tableGlobals.contains(word.text()) && TABLE_METHODS.contains(method)) {
        table(i + 4, method);
      }
    }
  }

  /** Checks a call on the tables global whose arguments start at token {@code at}. */
  private void table(int at, String method) {
    String name = name(at, "table");
    if (name == null) {
      return;
    }
    PackManifest.TableDeclaration table = manifest.tables().get(name);
    if (table == null) {
      source.mistake(tokens.get(at).offset(), undeclared("table", name, manifest.tables().keySet(), "tables"));
      return;
    }
    int close = close(at - 1);
    if (close < 0) {
      return;
    }
    int keys = arguments(at - 1, close) - 1;
    if (!method.equals("find") && keys != table.key().size()) {
      source.mistake(tokens.get(at).offset(), "table '" + name + "' is keyed by " + String.join(" and ", table.key())
          + ", so " + method + " takes its name and " + (table.key().size() == 1 ? "one key" : "two keys")
          + ", was given " + keys);
    }
    if (!method.equals("row") && !method.equals("find") || close + 4 >= tokens.size()
        || !text(close + 1).equals(".") || !text(close + 3).equals("(")) {
      return;
    }
    String accessor = text(close + 2);
    if (!Set.of("text", "integer", "decimal", "bool", "date").contains(accessor)) {
      return;
    }
    String column = name(close + 4, "column");
    if (column == null) {
      return;
    }
    Map<String, ColumnType> columns = table.columnTypes();
    ColumnType type = columns.get(column);
    int where = tokens.get(close + 4).offset();
    if (type == null) {
      source.mistake(where, "table '" + name + "' has no column '" + column + "'; its columns are "
          + String.join(", ", columns.keySet())
          + Spelling.closest(column, columns.keySet()).map(c -> "; did you mean '" + c + "'?").orElse(""));
    } else if (!type.accessor().equals(accessor) && !(accessor.equals("decimal") && type == ColumnType.INTEGER)) {
      source.mistake(tokens.get(close + 2).offset(), "column '" + column + "' of table '" + name + "' is "
          + type.code() + ", so it is read with " + type.accessor() + "(\"" + column + "\"), not " + accessor + "(...)");
    }
  }

  /**
   * The quoted name at token {@code at}, or null (and a mistake) if the argument is not a quoted
   * name on its own.
   */
  private String name(int at, String what) {
    if (at + 1 < tokens.size() && tokens.get(at).kind() == 's' && tokens.get(at).text().startsWith("\"")
        && (text(at + 1).equals(",") || text(at + 1).equals(")"))) {
      String quoted = tokens.get(at).text();
      return quoted.substring(1, quoted.length() - 1);
    }
    if (at < tokens.size()) {
      source.mistake(tokens.get(at).offset(), "name the " + what + " in quotes, as pack.json declares it (\"...\"):"
          + " a " + what + " named otherwise cannot be checked when the pack is built");
    }
    return null;
  }

  private static String undeclared(String what, String name, Set<String> declared, String field) {
    if (declared.isEmpty()) {
      return what + " '" + name + "' is not declared: pack.json declares no " + field + "; declare it under \""
          + field + "\" with its file in data/";
    }
    return what + " '" + name + "' is not declared in pack.json; its " + field + " are "
        + String.join(", ", new java.util.TreeSet<>(declared))
        + Spelling.closest(name, declared).map(c -> "; did you mean '" + c + "'?").orElse("");
  }

  /** The token that closes the parenthesis at {@code open}, or -1. */
  private int close(int open) {
    int depth = 0;
    for (int j = open; j < tokens.size(); j++) {
      String t = text(j);
      if (t.equals("(")) {
        depth++;
      } else if (t.equals(")") && --depth == 0) {
        return j;
      }
    }
    return -1;
  }

  /** How many arguments the call between the parentheses at {@code open} and {@code close} has. */
  private int arguments(int open, int close) {
    if (close == open + 1) {
      return 0;
    }
    int depth = 0;
    int count = 1;
    for (int j = open + 1; j < close; j++) {
      String t = text(j);
      if (t.equals("(") || t.equals("[") || t.equals("{")) {
        depth++;
      } else if (t.equals(")") || t.equals("]") || t.equals("}")) {
        depth--;
      } else if (t.equals(",") && depth == 0) {
        count++;
      }
    }
    return count;
  }

  private String text(int i) {
    return i < tokens.size() ? tokens.get(i).text() : "";
  }
}
