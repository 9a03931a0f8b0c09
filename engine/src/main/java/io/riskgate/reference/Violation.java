package io.riskgate.reference;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A customs violation a trader was found to have committed.
 *
 * <p>Immutable and thread-safe.
 *
 * @param date the day it was established (the decision's date)
 * @param severity how serious it was
 */
public record Violation(LocalDate date, Severity severity) {

  public Violation {
    Objects.requireNonNull(date, "date is required");
    Objects.requireNonNull(severity, "severity is required");
  }
}
