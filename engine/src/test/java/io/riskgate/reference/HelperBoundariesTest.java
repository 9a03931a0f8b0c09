package io.riskgate.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The boundaries docs/rule-authoring.md states for the helpers a rule calls ("Where the helpers
 * draw the line"), each just on and just off its line, so that the guide cannot drift silently.
 */
class HelperBoundariesTest {
  private static final LocalDate REGISTERED = LocalDate.parse("2026-01-01");

  private static Trader traderWith(Violation... violations) {
    return new Trader("0101", 3, false, REGISTERED, List.of(violations), BigDecimal.ZERO, 0);
  }

  private static Violation violation(String date, Severity severity) {
    return new Violation(LocalDate.parse(date), severity);
  }

  private static ReferencePrice price(String unitValue, String tolerancePercent, String maximum) {
    return new ReferencePrice("8517", null, "PCE", "USD", new BigDecimal(unitValue),
        new BigDecimal(tolerancePercent), maximum == null ? null : new BigDecimal(maximum));
  }

  private static BigDecimal value(String text) {
    return new BigDecimal(text);
  }

  @Test
  void ageInDays_countsWholeUtcDays_registrationDayIsZero() {
    Trader t = traderWith();
    assertThat(t.ageInDays(Instant.parse("2026-01-01T23:59:59Z"))).isZero();
    assertThat(t.ageInDays(Instant.parse("2026-06-30T00:00:00Z"))).isEqualTo(180);
    assertThat(t.ageInDays(Instant.parse("2026-06-29T23:59:59Z"))).isEqualTo(179);
    // 06:00 on 30 June in Vietnam (UTC+7) is still 29 June in UTC
    assertThat(t.ageInDays(Instant.parse("2026-06-29T23:00:00Z"))).isEqualTo(179);
    assertThat(t.ageInDays(Instant.parse("2025-12-31T12:00:00Z"))).isEqualTo(-1);
  }

  @Test
  void violationsWithin_countsBothEndDays_andNothingAfterTheDeclaration() {
    Instant at = Instant.parse("2026-03-01T10:00:00Z");
    assertThat(traderWith(violation("2025-03-01", Severity.MINOR)).violationsWithin(at, 365))
        .as("exactly 365 days before the declaration's day counts").isEqualTo(1);
    assertThat(traderWith(violation("2025-02-28", Severity.MINOR)).violationsWithin(at, 365))
        .as("366 days before does not").isZero();
    assertThat(traderWith(violation("2026-03-01", Severity.MINOR)).violationsWithin(at, 365))
        .as("the declaration's own day counts").isEqualTo(1);
    assertThat(traderWith(violation("2026-03-02", Severity.CRIMINAL)).violationsWithin(at, 365))
        .as("a violation after the declaration's day does not").isZero();
    assertThat(traderWith(violation("2026-03-01", Severity.MINOR)).violationsWithin(at, 0))
        .as("0 days: the declaration's day only").isEqualTo(1);
  }

  @Test
  void violationsWithinSeverity_countsThatSeverityAndWorse_inTheSameWindow() {
    Instant at = Instant.parse("2026-03-01T10:00:00Z");
    Trader t = traderWith(violation("2025-03-01", Severity.SERIOUS), violation("2026-01-10", Severity.MINOR),
        violation("2026-02-01", Severity.CRIMINAL), violation("2025-02-28", Severity.CRIMINAL),
        violation("2026-03-02", Severity.SERIOUS));
    assertThat(t.violationsWithin(at, 365, Severity.MINOR)).isEqualTo(3);
    assertThat(t.violationsWithin(at, 365, Severity.SERIOUS)).isEqualTo(2);
    assertThat(t.violationsWithin(at, 365, Severity.CRIMINAL)).isEqualTo(1);
    assertThat(t.worstViolationWithin(at, 365)).isEqualTo(Severity.CRIMINAL);
    assertThat(t.worstViolationWithin(at, 28)).as("2026-02-01 is 28 days before").isEqualTo(Severity.CRIMINAL);
    assertThat(t.worstViolationWithin(at, 27)).isNull();
  }

  @Test
  void severity_isOrderedMinorSeriousCriminal() {
    assertThat(Severity.values()).containsExactly(Severity.MINOR, Severity.SERIOUS, Severity.CRIMINAL);
    assertThat(Severity.CRIMINAL.isAtLeast(Severity.SERIOUS)).isTrue();
    assertThat(Severity.SERIOUS.isAtLeast(Severity.SERIOUS)).isTrue();
    assertThat(Severity.MINOR.isAtLeast(Severity.SERIOUS)).isFalse();
  }

  @Test
  void hasDebtOverdueMoreThan_exactlyThatManyDaysIsNotMore() {
    Trader ninety = new Trader("0101", 3, false, REGISTERED, List.of(), value("1000"), 90);
    Trader ninetyOne = new Trader("0101", 3, false, REGISTERED, List.of(), value("1000"), 91);
    assertThat(ninety.hasDebtOverdueMoreThan(90)).isFalse();
    assertThat(ninetyOne.hasDebtOverdueMoreThan(90)).isTrue();
    assertThat(traderWith().hasDebtOverdueMoreThan(0)).as("no debt").isFalse();
  }

  @Test
  void isBelowTolerance_exactlyAtTheToleranceIsNotBelow() {
    assertThat(price("10.00", "30", null).isBelowTolerance(value("7.00"))).isFalse();
    assertThat(price("10.00", "30", null).isBelowTolerance(value("6.99"))).isTrue();
    // values whose percentage is not exact in floating point land on the right side too
    assertThat(price("2.20", "35", null).isBelowTolerance(value("1.43"))).isFalse();
    assertThat(price("2.20", "35", null).isBelowTolerance(value("1.429999"))).isTrue();
    assertThat(price("8.20", "30", null).isBelowTolerance(value("5.74"))).isFalse();
    assertThat(price("8.20", "30", null).isBelowTolerance(value("5.739999"))).isTrue();
  }

  @Test
  void isBelowTolerance_toleranceZero_anyValueBelowTheReference() {
    assertThat(price("10.00", "0", null).isBelowTolerance(value("10"))).isFalse();
    assertThat(price("10.00", "0", null).isBelowTolerance(value("9.999999"))).isTrue();
  }

  @Test
  void isBelowBy_exactlyThatPercentBelowIs() {
    assertThat(price("10.00", "30", null).isBelowBy(value("4.00"), 60)).isTrue();
    assertThat(price("10.00", "30", null).isBelowBy(value("4.000001"), 60)).isFalse();
    assertThat(price("8.20", "30", null).isBelowBy(value("3.28"), 60)).isTrue();
    assertThat(price("8.20", "30", null).isBelowBy(value("5.74"), 30)).isTrue();
    assertThat(price("8.20", "30", null).isBelowBy(value("5.740001"), 30)).isFalse();
    assertThat(price("0.62", "5", null).isBelowBy(value("0.248"), 60)).isTrue();
  }

  /** The fast path in doubles gives the exact answer, on the boundary and around it. */
  @Test
  void isBelowToleranceAndIsBelowBy_agreeWithExactDecimals_onAndAroundEveryBoundary() {
    java.util.Random random = new java.util.Random(7);
    BigDecimal hundred = BigDecimal.valueOf(100);
    for (int i = 0; i < 20_000; i++) {
      BigDecimal reference = BigDecimal.valueOf(1 + random.nextInt(2_000_000), 2);
      int percent = random.nextInt(100);
      // exactly at the boundary (when it has at most six decimals), or a millionth either side
      BigDecimal atBoundary = reference.multiply(BigDecimal.valueOf(100 - percent))
          .divide(hundred, 6, java.math.RoundingMode.HALF_EVEN);
      BigDecimal declared = atBoundary.add(BigDecimal.valueOf(random.nextInt(3) - 1, 6)).max(BigDecimal.ZERO);
      ReferencePrice p = new ReferencePrice("8517", null, "PCE", "USD", reference, BigDecimal.valueOf(percent), null);
      int side = declared.multiply(hundred).compareTo(reference.multiply(BigDecimal.valueOf(100 - percent)));
      assertThat(p.isBelowTolerance(declared)).as("%s against %s, %d%%", declared, reference, percent).isEqualTo(side < 0);
      assertThat(p.isBelowBy(declared, percent)).as("%s against %s, %d%%", declared, reference, percent).isEqualTo(side <= 0);
    }
  }

  @Test
  void percentBelow_roundsToTheNearestWholePercent_halfUp_andIsZeroAtOrAbove() {
    assertThat(price("10.00", "30", null).percentBelow(value("6.95"))).isEqualTo(31);
    assertThat(price("10.00", "30", null).percentBelow(value("6.951"))).isEqualTo(30);
    assertThat(price("8.20", "30", null).percentBelow(value("3.10"))).isEqualTo(62);
    assertThat(price("10.00", "30", null).percentBelow(value("9.96"))).isZero();
    assertThat(price("10.00", "30", null).percentBelow(value("10.00"))).isZero();
    assertThat(price("10.00", "30", null).percentBelow(value("12.00"))).isZero();
  }

  @Test
  void isAboveMaximum_equalToTheMaximumIsNotAbove() {
    assertThat(price("10.00", "30", "40").isAboveMaximum(value("40.00"))).isFalse();
    assertThat(price("10.00", "30", "40").isAboveMaximum(value("40.000001"))).isTrue();
    assertThat(price("10.00", "30", null).isAboveMaximum(value("1000000"))).as("no maximum").isFalse();
  }

  @Test
  void hsPrefixes_matchFromTheFirstDigit_longestWins_evenOverAnOriginOfAShorterOne() {
    PriceTable prices = ReferenceSources.prices(List.of(
        new ReferencePrice("87", "CN", "PCE", "USD", value("1"), value("30"), null),
        new ReferencePrice("8703", null, "PCE", "USD", value("2"), value("30"), null)));
    assertThat(prices.find("87032390", "CN").unitValue()).as("4 digits for any origin beat 2 for CN")
        .isEqualByComparingTo("2");
    assertThat(prices.find("87112090", "CN").unitValue()).isEqualByComparingTo("1");
    assertThat(prices.find("87112090", "JP")).isNull();
    assertThat(prices.find("03870000", "CN")).as("a prefix matches only at the start").isNull();
  }

  @Test
  void watchlists_matchTheExactText_caseAndSpacesIncluded() {
    Watchlists lists = ReferenceSources.watchlists(List.of(new WatchlistEntry(Watchlist.CONSIGNOR,
        "Golden Bridge Export Co", "invoices found falsified", LocalDate.parse("2025-08-14"))));
    assertThat(lists.consignor("Golden Bridge Export Co")).isNotNull();
    assertThat(lists.consignor("GOLDEN BRIDGE EXPORT CO")).isNull();
    assertThat(lists.consignor("Golden Bridge Export Co ")).isNull();
    assertThat(lists.consignor("Golden Bridge Export Co.")).isNull();
  }
}
