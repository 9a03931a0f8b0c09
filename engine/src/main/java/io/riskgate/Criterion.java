package io.riskgate;

import java.util.Objects;

/**
 * A criterion of a pack: a rule with a {@code @code("...")} attribute, and where it is declared.
 * Immutable.
 *
 * @param code the criterion code, e.g. {@code VAL-01}
 * @param rule the rule's name
 * @param path the DRL file in the pack, e.g. {@code rules/valuation.drl}
 * @param line the line of the rule's {@code rule} keyword (1-based), or 0 if it was not found
 * @param column the column of the rule's name on that line (1-based), or 0
 */
public record Criterion(String code, String rule, String path, int line, int column) {
  public Criterion {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(path, "path");
  }
}
