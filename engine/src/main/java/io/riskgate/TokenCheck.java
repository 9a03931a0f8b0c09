package io.riskgate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A conservative check of code that is not plain Java: DRL constraints, MVEL consequences and
 * attributes, and any Java that JavaParser cannot read (a consequence with Drools' {@code modify}
 * block). It reads tokens, not meaning, so it refuses whatever could reach a forbidden class or
 * loop without proving it does: a capitalised word that starts a name must be an allowed type, a
 * qualified name must name an allowed class, and loop keywords other than a for-each are refused.
 */
final class TokenCheck {
  private static final Set<String> LOOPS = Set.of("while", "do", "until");
  private static final Set<String> REFUSED_WORDS = Set.of("synchronized", "import", "def", "function",
      "goto");

  record Token(String text, int offset, char kind) {}  // kind: 'w' word, 'n' number, 's' string, 'p' punctuation

  private TokenCheck() {}

  /**
   * Checks {@code code}, which starts at {@code base} in {@code source} (or, if the text could not
   * be located, is reported at {@code base} as a whole).
   */
  static void check(DrlSource source, int base, boolean located, String code, CodeRules rules) {
    List<Token> tokens = tokens(code);
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      int at = located ? base + token.offset() : base;
      String refusal = refusal(tokens, i, rules);
      if (refusal != null) {
        source.refuse(at, refusal);
      }
    }
  }

  private static String refusal(List<Token> tokens, int i, CodeRules rules) {
    Token token = tokens.get(i);
    if (token.kind() != 'w') {
      return null;
    }
    String word = token.text();
    Token before = i > 0 ? tokens.get(i - 1) : null;
    boolean member = before != null && before.kind() == 'p'
        && (before.text().equals(".") || before.text().equals("!.") || before.text().equals("?.")
            || before.text().equals("::"));
    if (member) {
      if (word.equals("class")) {
        return "'.class' is not allowed in a pack: reflection can change the engine itself" + CodeRules.SEE;
      }
      boolean called = i + 1 < tokens.size() && tokens.get(i + 1).text().equals("(");
      return called || word.equals("getClass") ? CodeRules.memberRefusal(word) : null;
    }
    if (LOOPS.contains(word)) {
      return "'" + word + "' loops are not allowed in a pack: a loop can run forever; use a for-each"
          + " over a collection" + CodeRules.SEE;
    }
    if (REFUSED_WORDS.contains(word)) {
      return "'" + word + "' is not allowed in a pack" + CodeRules.SEE;
    }
    if (word.equals("for")) {
      return forEach(tokens, i) ? null
          : "'for' loops with a condition are not allowed in a pack: a loop can run forever; use a"
              + " for-each over a collection" + CodeRules.SEE;
    }
    if (word.equals("new")) {
      return arraySize(tokens, i);
    }
    String drools = rules.droolsVariableRefusal(word);
    if (drools != null) {
      return drools;
    }
    if (word.startsWith("$") || rules.globals.contains(word) || rules.functions.contains(word)) {
      return null;
    }
    String dotted = dotted(tokens, i);
    if (Character.isUpperCase(word.charAt(0))) {
      return rules.typeRefusal(word);
    }
    if (CodeRules.PACKAGE_ROOTS.contains(word) && dotted.indexOf('.') > 0) {
      String className = CodeRules.qualified(dotted);
      return className == null
          ? "'" + dotted + "' is not allowed in a pack: it names no class a pack may use" + CodeRules.SEE
          : rules.refusal(className);
    }
    return null;
  }

  /** The dotted name that starts at token {@code i}: {@code java.lang.System.exit}. */
  private static String dotted(List<Token> tokens, int i) {
    StringBuilder name = new StringBuilder(tokens.get(i).text());
    for (int j = i + 1; j + 1 < tokens.size(); j += 2) {
      if (!tokens.get(j).text().equals(".") || tokens.get(j + 1).kind() != 'w') {
        break;
      }
      name.append('.').append(tokens.get(j + 1).text());
    }
    return name.toString();
  }

  /** Whether the {@code for} at {@code i} is a for-each: {@code for (x : xs)}, no ';' in its head. */
  private static boolean forEach(List<Token> tokens, int i) {
    if (i + 1 >= tokens.size() || !tokens.get(i + 1).text().equals("(")) {
      return false;
    }
    int depth = 0;
    boolean colon = false;
    for (int j = i + 1; j < tokens.size(); j++) {
      String text = tokens.get(j).text();
      if (text.equals("(")) {
        depth++;
      } else if (text.equals(")") && --depth == 0) {
        return colon;
      } else if (depth == 1 && text.equals(";")) {
        return false;
      } else if (depth == 1 && (text.equals(":") || text.equals("in"))) {
        colon = true;
      }
    }
    return false;
  }

  /** Why the array created at {@code new} (token {@code i}) is refused: a size that is not a literal. */
  private static String arraySize(List<Token> tokens, int i) {
    int j = i + 1;
    while (j < tokens.size() && (tokens.get(j).kind() == 'w' || tokens.get(j).text().equals("."))) {
      j++;
    }
    while (j < tokens.size() && tokens.get(j).text().equals("[")) {
      int close = j + 1;
      while (close < tokens.size() && !tokens.get(close).text().equals("]")) {
        close++;
      }
      boolean literal = close == j + 1 || (close == j + 2 && tokens.get(j + 1).kind() == 'n');
      if (!literal) {
        return "an array whose size is not a number written in the rule is not allowed in a pack:"
            + " its size could take the whole memory" + CodeRules.SEE;
      }
      j = close + 1;
    }
    return null;
  }

  static List<Token> tokens(String code) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int n = code.length();
    while (i < n) {
      char c = code.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '/' && i + 1 < n && code.charAt(i + 1) == '/') {
        while (i < n && code.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < n && code.charAt(i + 1) == '*') {
        int end = code.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (c == '"' || c == '\'') {
        int start = i++;
        while (i < n && code.charAt(i) != c) {
          i += code.charAt(i) == '\\' ? 2 : 1;
        }
        tokens.add(new Token(code.substring(start, Math.min(n, i + 1)), start, 's'));
        i++;
      } else if (Character.isJavaIdentifierStart(c)) {
        int start = i;
        while (i < n && Character.isJavaIdentifierPart(code.charAt(i))) {
          i++;
        }
        tokens.add(new Token(code.substring(start, i), start, 'w'));
      } else if (Character.isDigit(c)) {
        int start = i;
        while (i < n && (Character.isLetterOrDigit(code.charAt(i)) || code.charAt(i) == '.'
            || code.charAt(i) == '_')) {
          i++;
        }
        tokens.add(new Token(code.substring(start, i), start, 'n'));
      } else {
        String two = i + 1 < n ? code.substring(i, i + 2) : "";
        boolean pair = two.equals("!.") || two.equals("?.") || two.equals("::");
        tokens.add(new Token(pair ? two : String.valueOf(c), i, 'p'));
        i += pair ? 2 : 1;
      }
    }
    return tokens;
  }
}
