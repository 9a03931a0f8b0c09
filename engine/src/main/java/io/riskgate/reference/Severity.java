package io.riskgate.reference;

/** How serious a trader's past customs violation was, weakest first. */
public enum Severity {
  /** An administrative breach settled by a warning or a small fine (late filing, clerical errors). */
  MINOR,
  /** An administrative breach with a substantial fine: undervaluation, misclassification, false origin. */
  SERIOUS,
  /** Smuggling, tax evasion or fraud prosecuted as a crime. */
  CRIMINAL;

  /** Whether this severity is at least {@code other}. */
  public boolean isAtLeast(Severity other) {
    return ordinal() >= other.ordinal();
  }
}
