package io.riskgate;

import java.util.List;
import java.util.Objects;

/**
 * A rule pack that cannot be loaded or compiled. It carries every problem found, not just the
 * first, so a rule author fixes them in one pass; the message lists one per line as
 * {@code path:line:column: text}, the form editors and CI logs link to.
 *
 * <p>A column of 0 means Drools reported the line only. In a decision table ({@code .xlsx},
 * {@code .csv}) the line is the spreadsheet row and the column its number (A is 1); the message
 * starts with the sheet and cell, {@code sheet 'Heading x origin', cell D12: ...}.
 */
public final class RulePackException extends RiskgateException {
  private static final long serialVersionUID = 1L;

  /**
   * One problem in a pack.
   *
   * @param path the file, relative to the pack folder (e.g. {@code rules/valuation.drl})
   * @param line the line from 1, or 0 if the problem concerns the whole file
   * @param column the column from 1, or 0 if unknown
   * @param message what is wrong
   */
  public record Problem(String path, int line, int column, String message) {
    public Problem {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
      return path + ":" + line + ":" + column + ": " + message;
    }
  }

  private final String pack;
  private final List<Problem> problems;

  /**
   * A pack that does not load, for every problem found. Public so that loaders of a pack's parts
   * outside this package (its reference data) report located problems the same way.
   *
   * @param pack where the pack was loaded from, {@link RulePack#location()}
   * @param problems at least one problem
   */
  public RulePackException(String pack, List<Problem> problems) {
    this(pack, problems, null);
  }

  /**
   * A pack that does not load because of {@code cause}, a failure below the pack (such as the
   * compiler of its conditions), kept for the log. Only the engine builds these.
   */
  RulePackException(String pack, List<Problem> problems, Throwable cause) {
    super(summary(pack, problems), cause);
    this.pack = pack;
    this.problems = List.copyOf(problems);
  }

  static RulePackException of(String pack, String path, String message) {
    return new RulePackException(pack, List.of(new Problem(path, 0, 0, message)));
  }

  private static String summary(String pack, List<Problem> problems) {
    StringBuilder text = new StringBuilder("rule pack ").append(pack).append(" does not load (")
        .append(problems.size()).append(problems.size() == 1 ? " problem)" : " problems)");
    for (Problem problem : problems) {
      text.append(System.lineSeparator()).append(problem);
    }
    return text.toString();
  }

  /** Where the pack was loaded from (a folder, or {@code classpath:...}). */
  public String pack() {
    return pack;
  }

  /** Every problem found, in file and line order. */
  public List<Problem> problems() {
    return problems;
  }
}
