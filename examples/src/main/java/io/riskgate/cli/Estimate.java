package io.riskgate.cli;

/**
 * A measured rate or ratio with its 95% interval. Every rate the summary and the report print comes
 * from here, so each has one definition: see the glossary in examples/README.md.
 *
 * @param value the point estimate, or NaN when there is nothing to measure (a sample of 0)
 * @param low the lower end of the 95% interval, or NaN
 * @param high the upper end of the 95% interval, or NaN; may be infinite for a ratio
 */
record Estimate(double value, double low, double high) {

  /** The standard normal quantile for a two-sided 95% interval, Φ⁻¹(0.975). */
  static final double Z95 = 1.959963984540054;

  static final Estimate NONE = new Estimate(Double.NaN, Double.NaN, Double.NaN);

  boolean known() {
    return !Double.isNaN(value);
  }

  /**
   * The proportion {@code k / n} with its Wilson score interval (E. B. Wilson, "Probable inference,
   * the law of succession, and statistical inference", JASA 22 (1927) 209-212; recommended over the
   * normal "Wald" interval by Newcombe, Statistics in Medicine 17 (1998) 857-872, and Brown, Cai and
   * DasGupta, Statistical Science 16 (2001) 101-133). Unlike the Wald interval it stays within
   * [0, 1] and does not collapse to a point at 0/n or n/n: 5 violations in 5 inspections give
   * 100% [56.6%, 100%], not 100% [100%, 100%].
   */
  static Estimate wilson(long k, long n) {
    if (k < 0 || n < 0 || k > n) {
      throw new IllegalArgumentException("a proportion needs 0 <= k <= n, not " + k + " of " + n);
    }
    if (n == 0) {
      return NONE;
    }
    double p = (double) k / n;
    double z2 = Z95 * Z95;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2.0 * n)) / denominator;
    double half = Z95 / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
    // Clamp rounding at the ends: at k = 0 the lower end is exactly 0, at k = n the upper is 1.
    return new Estimate(p, k == 0 ? 0 : Math.max(0, centre - half), k == n ? 1 : Math.min(1, centre + half));
  }

  /**
   * The ratio of two independent proportions, {@code (a / n1) / (c / n2)}, with the log-method
   * interval of Katz, Baptista, Azen and Pike ("Obtaining confidence intervals for the risk ratio
   * in cohort studies", Biometrics 34 (1978) 469-474): exp(ln ratio ± z·√(1/a − 1/n1 + 1/c − 1/n2)).
   * Where a or c is 0 the logarithm is undefined; the interval then adds 0.5 to each of the four
   * cells of the 2×2 table (Haldane's correction: a + 0.5 of n1 + 1, c + 0.5 of n2 + 1), while the
   * point estimate stays the plain ratio: 0, infinite when only c is 0, NaN (unknown) when both are.
   *
   * @return the ratio and its interval, or {@link #NONE} when either sample is empty
   */
  static Estimate ratio(long a, long n1, long c, long n2) {
    if (a < 0 || n1 < 0 || a > n1 || c < 0 || n2 < 0 || c > n2) {
      throw new IllegalArgumentException("a ratio of proportions needs 0 <= a <= n1 and 0 <= c <= n2, not "
          + a + " of " + n1 + " and " + c + " of " + n2);
    }
    if (n1 == 0 || n2 == 0) {
      return NONE;
    }
    double value = c == 0 ? (a == 0 ? Double.NaN : Double.POSITIVE_INFINITY) : ((double) a / n1) / ((double) c / n2);
    double x = a;
    double m = n1;
    double y = c;
    double o = n2;
    if (a == 0 || c == 0) {
      x += 0.5;
      m += 1;
      y += 0.5;
      o += 1;
    }
    double log = Math.log((x / m) / (y / o));
    double se = Math.sqrt(1 / x - 1 / m + 1 / y - 1 / o);
    return new Estimate(value, Math.exp(log - Z95 * se), Math.exp(log + Z95 * se));
  }
}
