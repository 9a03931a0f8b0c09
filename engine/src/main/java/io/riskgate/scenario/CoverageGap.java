package io.riskgate.scenario;

import io.riskgate.Criterion;
import java.util.Objects;

/**
 * A criterion whose scenarios do not pin it down: it lacks a scenario where it hits, or a near
 * miss (a scenario named {@code <code in lower case>-near-miss*.json} in which it does not hit), or
 * both. The near miss is what catches an inverted comparison or an off-by-one; see
 * {@link Scenarios#coverageGaps()}. Immutable.
 *
 * @param criterion the criterion, with where its rule is declared
 * @param missing what it lacks, in words, e.g. "has no scenario where it hits"
 */
public record CoverageGap(Criterion criterion, String missing) {
  public CoverageGap {
    Objects.requireNonNull(criterion, "criterion");
    Objects.requireNonNull(missing, "missing");
  }

  /** The line {@code validate} prints after the rule's location, e.g. {@code criterion VAL-01 (rule "...") has no near miss ...}. */
  public String message() {
    return "criterion " + criterion.code() + " (rule \"" + criterion.rule() + "\") " + missing;
  }
}
