package io.riskgate.reference;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A reference price: the unit value customs expects for goods of an HS code (and origin), used as
 * a risk signal, not as a floor price.
 *
 * <pre>{@code
 * $l : Line( prices.findFor(item)!.isBelowTolerance(unitValue) )
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param hsCode the HS code or code prefix it applies to (2, 4, 6, 8 or 10 digits)
 * @param origin the country of origin it applies to, ISO 3166-1 alpha-2, or {@code null} for any
 * @param unit the unit of quantity the price is per, e.g. {@code KGM}
 * @param currency the ISO 4217 currency of the price, e.g. {@code USD}
 * @param unitValue the reference value per unit, greater than zero
 * @param tolerancePercent how far below the reference a declared value may be before it is a risk
 *     signal, in percent (e.g. {@code 30})
 * @param maximum the unit value above which a declaration is suspicious (transfer pricing, money
 *     laundering), or {@code null} for none
 */
public record ReferencePrice(
    String hsCode,
    String origin,
    String unit,
    String currency,
    BigDecimal unitValue,
    BigDecimal tolerancePercent,
    BigDecimal maximum) {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  /**
   * How close to a boundary, in percent, a deviation computed in doubles is settled in decimals
   * instead. Why both: in doubles a value exactly at the boundary lands on either side of it (1.43
   * against 2.20 is 35.00000000000001% below), so a scenario written at the boundary would pass or
   * fail by the price chosen; decimals are exact but cost three times the doubles, and these
   * helpers run several times per priced line. The doubles err by far less than this margin (about
   * 1e-12 percent), so outside it their answer is the exact one.
   */
  private static final double NEAR_BOUNDARY_PERCENT = 1e-6;

  public ReferencePrice {
    HsPrefixes.check(hsCode, "hsCode");
    origin = origin == null || origin.isBlank() ? null : origin;
    if (origin != null && !origin.matches("[A-Z]{2}")) {
      throw new IllegalArgumentException("origin must be an ISO 3166-1 alpha-2 code or empty for any origin");
    }
    if (unit == null || unit.isBlank()) {
      throw new IllegalArgumentException("unit is required");
    }
    if (currency == null || !currency.matches("[A-Z]{3}")) {
      throw new IllegalArgumentException("currency must be an ISO 4217 code such as USD");
    }
    if (unitValue == null || unitValue.signum() <= 0) {
      throw new IllegalArgumentException("unitValue is required and must be greater than zero");
    }
    tolerancePercent = tolerancePercent == null ? BigDecimal.ZERO : tolerancePercent;
    if (tolerancePercent.signum() < 0 || tolerancePercent.compareTo(HUNDRED) >= 0) {
      throw new IllegalArgumentException("tolerancePercent must be from 0 to below 100, was " + tolerancePercent);
    }
    if (maximum != null && maximum.compareTo(unitValue) <= 0) {
      throw new IllegalArgumentException("maximum must be greater than unitValue");
    }
  }

  /**
   * How far {@code declared} is from the reference, in percent of the reference: -62.0 means 62%
   * below, 15.0 means 15% above.
   */
  public double deviationPercent(BigDecimal declared) {
    Objects.requireNonNull(declared, "declared");
    return (declared.doubleValue() - unitValue.doubleValue()) / unitValue.doubleValue() * 100.0;
  }

  /**
   * How far below the reference {@code declared} is, in percent of the reference, rounded to the
   * nearest whole percent (a half rounds up: 30.5 gives 31); 0 if not below.
   */
  public long percentBelow(BigDecimal declared) {
    BigDecimal below = unitValue.subtract(declared);
    if (below.signum() <= 0) {
      return 0;
    }
    return below.multiply(HUNDRED).divide(unitValue, 0, RoundingMode.HALF_UP).longValueExact();
  }

  /**
   * Whether {@code declared} is further below the reference than the tolerance allows: exactly at
   * the tolerance (7.00 against 10.00 with 30%) is not.
   */
  public boolean isBelowTolerance(BigDecimal declared) {
    double gap = deviationPercent(declared) + tolerancePercent.doubleValue();
    if (Math.abs(gap) > NEAR_BOUNDARY_PERCENT) {
      return gap < 0;
    }
    // declared < unitValue * (100 - tolerance) / 100, multiplied out to stay exact
    return declared.multiply(HUNDRED).compareTo(unitValue.multiply(HUNDRED.subtract(tolerancePercent))) < 0;
  }

  /**
   * Whether {@code declared} is at least {@code percent}% below the reference: exactly
   * {@code percent}% below (4.00 against 10.00 with 60) is.
   */
  public boolean isBelowBy(BigDecimal declared, double percent) {
    double gap = deviationPercent(declared) + percent;
    if (Math.abs(gap) > NEAR_BOUNDARY_PERCENT) {
      return gap < 0;
    }
    // declared <= unitValue * (100 - percent) / 100, in decimals as above
    BigDecimal limit = unitValue.multiply(HUNDRED.subtract(BigDecimal.valueOf(percent)));
    return declared.multiply(HUNDRED).compareTo(limit) <= 0;
  }

  /** Whether {@code declared} is above the reference maximum (equal is not); false when there is none. */
  public boolean isAboveMaximum(BigDecimal declared) {
    return maximum != null && declared.compareTo(maximum) > 0;
  }

  /** Whether a declared value in {@code declaredUnit} and {@code declaredCurrency} is comparable. */
  public boolean comparable(String declaredUnit, String declaredCurrency) {
    return unit.equals(declaredUnit) && currency.equals(declaredCurrency);
  }
}
