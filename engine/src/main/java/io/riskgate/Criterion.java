package io.riskgate;

import java.util.Objects;

/**
 * A criterion of a pack: a rule with a {@code @code("...")} attribute, its name and theme, and where
 * it is declared. Immutable.
 *
 * <p>The theme groups criteria for a reader (valuation, trader compliance, ...). It is the rule's
 * {@code @theme("...")} attribute when it has one, and otherwise comes from the name of the DRL
 * file the rule is in, which is how packs already group their rules: {@code
 * rules/trader-compliance.drl} gives "trader compliance". No author has to annotate every rule.
 *
 * @param code the criterion code, e.g. {@code VAL-01}
 * @param rule the rule's name, which is the criterion's name for a reader, e.g. "Unit value below
 *     the reference price"
 * @param theme the criterion's theme, e.g. "valuation"; never blank
 * @param path the DRL file in the pack, e.g. {@code rules/valuation.drl}, or the decision table
 *     whose row the rule is, e.g. {@code rules/heading-origin.xlsx}
 * @param line the line of the rule's {@code rule} keyword (1-based), or for a decision table the
 *     rule's row; 0 if it was not found
 * @param column the column of the rule's name on that line (1-based), or for a decision table the
 *     number of its NAME column (A is 1), else of the table's first column; 0 if unknown
 * @param trial whether it is on trial: its hits are recorded but their points and minimum channel
 *     do not count (pack.json's {@code trial} list, or the rule's {@code @trial} attribute)
 */
public record Criterion(String code, String rule, String theme, String path, int line, int column,
    boolean trial) {

  /** The rule attribute that names a criterion's theme, overriding the file name. */
  static final String THEME_ATTRIBUTE = "theme";

  public Criterion {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(theme, "theme");
    Objects.requireNonNull(path, "path");
    if (theme.isBlank()) {
      throw new IllegalArgumentException("the theme of criterion " + code + " is blank");
    }
  }

  /** A criterion that is not on trial. */
  public Criterion(String code, String rule, String theme, String path, int line, int column) {
    this(code, rule, theme, path, line, column, false);
  }

  /**
   * The theme a criterion gets from the file it is in (DRL or decision table): the file name
   * without its directory and extension, with dashes and underscores read as spaces ({@code rules/trader-compliance.drl}
   * gives "trader compliance"); "(no file)" when the file is unknown.
   */
  static String themeOfPath(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    for (String extension : new String[] {".drl", ".xlsx", ".csv"}) {
      if (name.endsWith(extension)) {
        name = name.substring(0, name.length() - extension.length());
      }
    }
    name = name.replace('-', ' ').replace('_', ' ').strip();
    return name.isEmpty() ? "(no file)" : name;
  }
}
