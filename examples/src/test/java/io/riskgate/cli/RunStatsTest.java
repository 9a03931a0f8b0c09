package io.riskgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskgate.Assessment;
import io.riskgate.Channel;
import io.riskgate.Hit;
import io.riskgate.PackVersion;
import io.riskgate.Selection;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunStatsTest {
  private final RunStats stats = new RunStats();

  private static Assessment assessment(Channel channel, Selection selection, String... codes) {
    List<Hit> hits = java.util.Arrays.stream(codes).map(c -> new Hit(c, 10, null, "r", "rule")).toList();
    return new Assessment("N", channel, 0, hits, selection, new PackVersion("p", "1", "abc"), "t", Instant.EPOCH);
  }

  @Test
  void assessed_criterionWithTwoHitsOnOneDeclaration_countsOnce() {
    stats.assessed(assessment(Channel.YELLOW, Selection.TARGETED, "VAL-01", "VAL-01", "GATE"), null);

    assertThat(stats.criteriaByHits()).extracting(c -> c.code + "=" + c.hits).containsExactly("GATE=1", "VAL-01=1");
  }

  @Test
  void assessed_withOutcomes_countsInspectionsAndViolationsPerCriterionChannelAndRandom() {
    stats.assessed(assessment(Channel.RED, Selection.TARGETED, "VAL-01"), new Outcome(true, true));
    stats.assessed(assessment(Channel.RED, Selection.TARGETED, "VAL-01"), new Outcome(true, false));
    stats.assessed(assessment(Channel.YELLOW, Selection.RANDOM), new Outcome(true, true));
    stats.assessed(assessment(Channel.GREEN, Selection.NONE), new Outcome(false, false));
    stats.assessed(assessment(Channel.GREEN, Selection.NONE), null);
    stats.rejected();

    RunStats.Criterion val = stats.criteriaByHits().get(0);
    assertThat(val.outcomes.inspected).isEqualTo(2);
    assertThat(val.outcomes.precision().value()).isEqualTo(0.5);
    assertThat(stats.outcomesByChannel[Channel.RED.ordinal()].violations).isEqualTo(1);
    assertThat(stats.randomOutcomes.precision().value()).isEqualTo(1.0);
    assertThat(stats.outcomesByChannel[Channel.GREEN.ordinal()].precision().known()).isFalse();
    assertThat(stats.withOutcome).isEqualTo(4);
    assertThat(stats.lines).isEqualTo(stats.assessed + stats.rejected).isEqualTo(6);
    assertThat(stats.share(Channel.GREEN)).isEqualTo(0.4);
  }

  @Test
  void groundTruth_violationKnownWithoutInspection_countsAsKnownButNotFound() {
    stats.assessed(assessment(Channel.GREEN, Selection.NONE), new Outcome(false, true));
    stats.assessed(assessment(Channel.RED, Selection.RANDOM), new Outcome(true, true));

    assertThat(stats.groundTruth()).isTrue();
    assertThat(stats.allOutcomes.violations).isEqualTo(1);
    assertThat(stats.allOutcomes.known).isEqualTo(2);
    assertThat(stats.outcomesByChannel[Channel.GREEN.ordinal()].precision().known()).isFalse();
    assertThat(stats.randomOutcomes.knownRate().value()).isEqualTo(1.0);
  }

  @Test
  void groundTruth_onlyInspectedViolations_isFalse() {
    stats.assessed(assessment(Channel.RED, Selection.TARGETED), new Outcome(true, true));

    assertThat(stats.groundTruth()).isFalse();
  }

  @Test
  void verdict_followsTheSampleSizeAndTheLiftInterval() {
    RunStats run = AnalystRun.stats();

    assertThat(run.criteriaByHits()).extracting(c -> c.code + " " + run.verdict(c.outcomes))
        .containsExactlyInAnyOrder("VAL-01 BETTER", "HS-01 NO_BETTER", "VAL-02 TOO_FEW");
    RunStats.Criterion val = run.criteriaByHits().stream().filter(c -> c.code.equals("VAL-01")).findFirst().orElseThrow();
    assertThat(run.lift(val.outcomes).value()).isCloseTo(10, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(val.rule).isEqualTo("rule of VAL-01");
  }

  @Test
  void verdict_nineInspectedHits_isTooFewEvenIfAllFoundViolations() {
    for (int i = 0; i < 100; i++) {
      stats.assessed(assessment(Channel.YELLOW, Selection.RANDOM), new Outcome(true, i == 0));
    }
    for (int i = 0; i < RunStats.MIN_INSPECTED - 1; i++) {
      stats.assessed(assessment(Channel.RED, Selection.TARGETED, "VAL-02"), new Outcome(true, true));
    }

    assertThat(stats.verdict(stats.criteriaByHits().get(0).outcomes)).isEqualTo(RunStats.Verdict.TOO_FEW);
    stats.assessed(assessment(Channel.RED, Selection.TARGETED, "VAL-02"), new Outcome(true, true));
    assertThat(stats.verdict(stats.criteriaByHits().get(0).outcomes)).isEqualTo(RunStats.Verdict.BETTER);
  }
}
