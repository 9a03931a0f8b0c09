package io.riskgate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EstimateTest {

  /** Newcombe, Statistics in Medicine 17 (1998) 857-872, table II, method 3 (Wilson score). */
  @ParameterizedTest(name = "{0}/{1} -> [{2}, {3}]")
  @CsvSource({"81, 263, 0.2553, 0.3662", "15, 148, 0.0624, 0.1605", "0, 20, 0.0000, 0.1611", "1, 29, 0.0061, 0.1718"})
  void wilson_matchesNewcombesPublishedIntervals(long k, long n, double low, double high) {
    Estimate e = Estimate.wilson(k, n);

    assertThat(e.value()).isEqualTo((double) k / n);
    assertThat(e.low()).isCloseTo(low, within(0.00005));
    assertThat(e.high()).isCloseTo(high, within(0.00005));
  }

  @Test
  void wilson_allFound_doesNotCollapseToAPoint() {
    Estimate e = Estimate.wilson(5, 5);

    assertThat(e.value()).isEqualTo(1);
    assertThat(e.high()).isEqualTo(1);
    assertThat(e.low()).isCloseTo(0.5655, within(0.00005));
  }

  @Test
  void wilson_emptySample_isUnknown() {
    assertThat(Estimate.wilson(0, 0).known()).isFalse();
    assertThat(Estimate.wilson(0, 0).low()).isNaN();
  }

  @Test
  void wilson_moreFoundThanLookedAt_isRefused() {
    assertThatThrownBy(() -> Estimate.wilson(3, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0 <= k <= n, not 3 of 2");
  }

  /** exp(ln(3.125) ± 1.96·√(1/45 − 1/120 + 1/12 − 1/100)), Katz et al. 1978. */
  @Test
  void ratio_isTheRatioOfProportionsWithTheKatzLogInterval() {
    Estimate e = Estimate.ratio(45, 120, 12, 100);

    assertThat(e.value()).isCloseTo(3.125, within(1e-9));
    assertThat(e.low()).isCloseTo(1.7517, within(0.00005));
    assertThat(e.high()).isCloseTo(5.5749, within(0.00005));
    assertThat(Math.log(e.value()) - Math.log(e.low())).as("symmetric on the log scale")
        .isCloseTo(Math.log(e.high()) - Math.log(e.value()), within(1e-9));
  }

  @Test
  void ratio_equalProportions_intervalHoldsOne() {
    Estimate e = Estimate.ratio(10, 20, 5, 10);

    assertThat(e.value()).isEqualTo(1);
    assertThat(e.low()).isLessThan(1);
    assertThat(e.high()).isGreaterThan(1);
  }

  /** Haldane's correction: 5.5 of 11 against 0.5 of 41. */
  @Test
  void ratio_yardstickFoundNothing_isInfiniteWithAFiniteCorrectedInterval() {
    Estimate e = Estimate.ratio(5, 10, 0, 40);

    assertThat(e.value()).isInfinite();
    assertThat(e.low()).isCloseTo(2.4499, within(0.00005));
    assertThat(e.high()).isCloseTo(686.15, within(0.005));
  }

  @Test
  void ratio_bothFoundNothing_hasNoEstimateButAWideInterval() {
    Estimate e = Estimate.ratio(0, 30, 0, 30);

    assertThat(e.known()).isFalse();
    assertThat(e.low()).isLessThan(1);
    assertThat(e.high()).isGreaterThan(1);
  }

  @Test
  void ratio_emptySample_isUnknown() {
    assertThat(Estimate.ratio(3, 10, 0, 0)).isEqualTo(Estimate.NONE);
  }
}
