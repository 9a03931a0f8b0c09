package io.riskgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskgate.Channel;
import io.riskgate.Selection;
import org.junit.jupiter.api.Test;

class SummaryTextTest {

  @Test
  void render_criteria_showCodeThemeAndName() {
    String text = SummaryText.render(AnalystRun.report(AnalystRun.stats(), null));

    assertThat(text).containsPattern("VAL-01 +40 .* valuation +Unit value below the reference price")
        .containsPattern("HS-01 +20 .* tariff sensitivity +Price-risk goods");
  }

  @Test
  void render_rates_carrySampleSizesIntervalsAndVerdicts() {
    String text = SummaryText.render(AnalystRun.report(AnalystRun.stats(), null));

    // VAL-01: 30 of 40 inspected, 15 found: precision 50% [33.2, 66.8], lift 10 [3.96, 25.25].
    assertThat(text).containsPattern("VAL-01 +40 +30 \\(75\\.0% \\[59\\.8, 85\\.8\\]\\) +15 +50\\.0% \\[33\\.2, 66\\.8\\] +10\\.0 \\[4\\.0, 25\\.3\\] +better than random")
        .containsPattern("HS-01 +20 +20 \\(100\\.0% \\[83\\.9, 100\\.0\\]\\) +2 +10\\.0% \\[2\\.8, 30\\.1\\] +2\\.0 \\[0\\.42, 9\\.6\\] +no better than random so far")
        .containsPattern("VAL-02 .* 100\\.0% \\[56\\.6, 100\\.0\\] .* too few inspected to say")
        .containsPattern("random +100 +100 \\(100\\.0% \\[96\\.3, 100\\.0\\]\\) +5 +5\\.0% \\[2\\.2, 11\\.2\\] +1 \\(yardstick\\)")
        .contains("random-selection yardstick: precision 5.0% [2.2, 11.2] of 100 inspected random selections\n")
        .contains("of the 3 criteria that hit: 1 too few inspected to say, 1 no better than random so far, 1 better than random")
        .doesNotContain("hit rate");
  }

  @Test
  void render_channelTable_isExplainedAsPastInspectionsAgainstTheNewChannel() {
    String text = SummaryText.render(AnalystRun.report(AnalystRun.stats(), null));

    assertThat(text).contains("past inspections against this pack's channels")
        .contains("of the declarations this pack puts in each channel, how many were inspected in the past")
        .containsPattern("GREEN +200 +0 \\(0\\.0% \\[0\\.0, 1\\.9\\]\\) +0 +-");
  }

  @Test
  void render_yardstickTooSmall_flagsEveryCriterionAndTheYardstick() {
    RunStats stats = new RunStats();
    for (int i = 0; i < 12; i++) {
      stats.assessed(AnalystRun.assessment(Channel.RED, Selection.TARGETED, "VAL-01"), new Outcome(true, i < 6));
    }
    stats.assessed(AnalystRun.assessment(Channel.YELLOW, Selection.RANDOM), new Outcome(true, false));

    String text = SummaryText.render(AnalystRun.report(stats, null));

    assertThat(text).containsPattern("VAL-01 .* no random yardstick yet")
        .contains("of 1 inspected random selections (too few inspected to say)");
  }

  @Test
  void render_diffCauses_nameTheCriterionAndItsTheme() {
    BaselineDiff diff = new BaselineDiff();
    diff.compare(AnalystRun.assessment(Channel.GREEN, Selection.NONE),
        AnalystRun.assessment(Channel.RED, Selection.TARGETED, "VAL-01"), 1);
    diff.compare(AnalystRun.assessment(Channel.RED, Selection.TARGETED, "OLD-01"),
        AnalystRun.assessment(Channel.GREEN, Selection.NONE), 2);

    String text = SummaryText.render(AnalystRun.report(new RunStats(), diff));

    assertThat(text).contains("1  VAL-01 Unit value below the reference price [valuation]\n")
        .as("a criterion only the baseline had keeps the name its hits carried")
        .contains("1  OLD-01 rule of OLD-01 [(not in this pack)] (no longer hits)\n");
  }
}
