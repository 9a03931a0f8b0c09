package io.riskgate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskgate.RulePack;
import io.riskgate.scenario.CoverageGap;
import io.riskgate.scenario.Scenarios;
import org.junit.jupiter.api.Test;

/**
 * Holds vn-baseline to its rule, as {@code riskgate validate} does for every pack: every criterion
 * has a scenario where it fires and a near miss where it does not ({@code <code>-near-miss*.json},
 * code in lower case, so a reader finds them next to the criterion's other scenarios).
 */
class ScenarioCoverageTest {
  private final Scenarios scenarios = Scenarios.of(RulePack.fromDirectory(VnBaselineScenariosTest.PACK));

  @Test
  void everyCriterion_hasAScenarioThatFiresAndANearMissThatDoesNot() {
    assertThat(scenarios.criteria()).as("criteria in the pack's DRL").hasSizeGreaterThanOrEqualTo(20);
    assertThat(scenarios.coverageGaps()).extracting(CoverageGap::message).isEmpty();
  }

  @Test
  void pack_shipsAtLeastFiftyScenarios() {
    assertThat(scenarios.paths()).hasSizeGreaterThanOrEqualTo(50);
  }
}
