package io.riskgate.reference;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A trader (importer, exporter, declarant) as the trader registry knows it.
 *
 * <p>The helper methods take the declaration's registration time, so that a criterion measures at
 * the moment of the declaration, not at the wall clock: re-scoring history gives the same answer as
 * the live run did. Days count in UTC.
 *
 * <pre>{@code
 * $d : Declaration( traders.find(header.traderTaxId)!.ageInDays(header.registeredAt) < 180 )
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param taxId the trader's tax id, as declarations carry it
 * @param complianceLevel 1 (AEO / priority, facilitated) to 5 (highest risk), as VNACCS rates it
 * @param priority whether the trader is an authorised economic operator or priority enterprise
 * @param registeredOn the day the business was registered
 * @param violations past violations, in any order; empty if none
 * @param overdueTaxDebt the tax debt past its due date, in the national currency; zero if none
 * @param debtDaysOverdue how many days the oldest overdue debt is late; 0 if none
 */
public record Trader(
    String taxId,
    int complianceLevel,
    boolean priority,
    LocalDate registeredOn,
    List<Violation> violations,
    BigDecimal overdueTaxDebt,
    int debtDaysOverdue) {

  private static final long SECONDS_PER_DAY = 86_400;

  public Trader {
    if (taxId == null || taxId.isBlank()) {
      throw new IllegalArgumentException("taxId is required and must not be blank");
    }
    if (complianceLevel < 1 || complianceLevel > 5) {
      throw new IllegalArgumentException("complianceLevel must be 1 to 5, was " + complianceLevel);
    }
    Objects.requireNonNull(registeredOn, "registeredOn is required");
    violations = violations == null ? List.of() : List.copyOf(violations);
    overdueTaxDebt = overdueTaxDebt == null ? BigDecimal.ZERO : overdueTaxDebt;
    if (overdueTaxDebt.signum() < 0) {
      throw new IllegalArgumentException("overdueTaxDebt must not be negative");
    }
    if (debtDaysOverdue < 0) {
      throw new IllegalArgumentException("debtDaysOverdue must not be negative, was " + debtDaysOverdue);
    }
    if (overdueTaxDebt.signum() == 0 && debtDaysOverdue > 0) {
      throw new IllegalArgumentException("debtDaysOverdue must be 0 when there is no overdue tax debt");
    }
  }

  /**
   * Whole days from the registration day to the day of {@code at} (the declaration's registration
   * time), both days taken in UTC: 0 on the registration day itself, 180 on the 180th day after it;
   * negative if before.
   */
  public long ageInDays(Instant at) {
    return Math.floorDiv(at.getEpochSecond(), SECONDS_PER_DAY) - registeredOn.toEpochDay();
  }

  /** Violations established on or after {@code since}. */
  public int violationsSince(LocalDate since) {
    int count = 0;
    for (Violation violation : violations) {
      if (!violation.date().isBefore(since)) {
        count++;
      }
    }
    return count;
  }

  /**
   * Violations established in the {@code days} days up to {@code at}: from the day {@code days}
   * days before the day of {@code at} (UTC) to that day, both included. A violation dated after the
   * declaration's day does not count, so that re-scoring an old declaration against today's
   * registry gives the answer the live run gave.
   */
  public int violationsWithin(Instant at, int days) {
    return violationsWithin(at, days, Severity.MINOR);
  }

  /**
   * Violations of at least {@code severity} established in the {@code days} days up to {@code at},
   * counted as {@link #violationsWithin(Instant, int)} counts them.
   */
  public int violationsWithin(Instant at, int days, Severity severity) {
    LocalDate day = dayOf(at);
    LocalDate since = day.minusDays(days);
    int count = 0;
    for (Violation violation : violations) {
      if (within(violation, since, day) && violation.severity().isAtLeast(severity)) {
        count++;
      }
    }
    return count;
  }

  /**
   * The most serious violation in the {@code days} days up to {@code at} (the days
   * {@link #violationsWithin(Instant, int)} counts), or {@code null} if none.
   */
  public Severity worstViolationWithin(Instant at, int days) {
    LocalDate day = dayOf(at);
    LocalDate since = day.minusDays(days);
    Severity worst = null;
    for (Violation violation : violations) {
      if (within(violation, since, day) && (worst == null || violation.severity().isAtLeast(worst))) {
        worst = violation.severity();
      }
    }
    return worst;
  }

  /** Whether the trader has tax debt overdue by more than {@code days} days: exactly {@code days} is not. */
  public boolean hasDebtOverdueMoreThan(int days) {
    return overdueTaxDebt.signum() > 0 && debtDaysOverdue > days;
  }

  private static boolean within(Violation violation, LocalDate since, LocalDate day) {
    return !violation.date().isBefore(since) && !violation.date().isAfter(day);
  }

  private static LocalDate dayOf(Instant at) {
    return LocalDate.ofEpochDay(Math.floorDiv(at.getEpochSecond(), SECONDS_PER_DAY));
  }
}
