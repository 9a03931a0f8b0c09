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

class HtmlReportTest {
  private static final PackVersion PACK = new PackVersion("p", "1", "0123456789abcdef");

  private static Assessment assessment(Channel channel, Selection selection, String... codes) {
    List<Hit> hits = java.util.Arrays.stream(codes).map(c -> new Hit(c, 10, null, "r", "rule")).toList();
    return new Assessment("N", channel, 0, hits, selection, PACK, "t", Instant.EPOCH);
  }

  private static RunReport report(RunStats stats, BaselineDiff diff) {
    return new RunReport(PACK, "in.jsonl", diff == null ? null : "before.jsonl", 2, 0.5,
        new Rescorer.Result(stats, diff, 1_000_000_000L));
  }

  @Test
  void render_counts_areInTheChartsDataAttributes() {
    RunStats stats = new RunStats();
    stats.assessed(assessment(Channel.GREEN, Selection.NONE), new Outcome(false, false));
    stats.assessed(assessment(Channel.RED, Selection.TARGETED, "VAL-01"), new Outcome(true, true));
    stats.assessed(assessment(Channel.RED, Selection.RANDOM, "VAL-01"), new Outcome(true, false));

    String html = HtmlReport.render(report(stats, null));

    assertThat(html).contains("data-channel=\"GREEN\" data-count=\"1\"", "data-channel=\"YELLOW\" data-count=\"0\"",
        "data-channel=\"RED\" data-count=\"2\"", "data-code=\"VAL-01\" data-channel=\"RED\" data-hits=\"2\"",
        "data-code=\"VAL-01\" data-inspected=\"2\" data-violations=\"1\" data-rate=\"0.500000\"",
        "class=\"random-rate\"", "id=\"no-baseline\"");
  }

  @Test
  void render_isSelfContainedAndEscapesTextFromPacksAndInputs() {
    RunStats stats = new RunStats();
    stats.assessed(assessment(Channel.YELLOW, Selection.TARGETED, "<script>alert(1)</script>"), null);

    String html = HtmlReport.render(report(stats, new BaselineDiff()));

    assertThat(html).doesNotContain("<script").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .doesNotContain("src=").doesNotContain("href=").doesNotContain("@import")
        .contains("id=\"chart-diff\"", "id=\"no-outcomes\"");
  }
}
