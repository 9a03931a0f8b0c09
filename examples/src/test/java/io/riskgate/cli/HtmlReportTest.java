package io.riskgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskgate.Assessment;
import io.riskgate.Channel;
import io.riskgate.Criterion;
import io.riskgate.Hit;
import io.riskgate.PackVersion;
import io.riskgate.Selection;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
  private static final PackVersion PACK = new PackVersion("p", "1", "0123456789abcdef");
  private static final List<Criterion> CRITERIA = List.of(
      new Criterion("VAL-01", "Unit value below the reference price", "valuation", "rules/valuation.drl", 3, 7));

  private static Assessment assessment(Channel channel, Selection selection, String... codes) {
    List<Hit> hits = java.util.Arrays.stream(codes).map(c -> new Hit(c, 10, null, "r", "rule")).toList();
    return new Assessment("N", channel, 0, hits, selection, PACK, "t", Instant.EPOCH);
  }

  private static RunReport report(RunStats stats, BaselineDiff diff) {
    return new RunReport(PACK, "in.jsonl", diff == null ? null : "before.jsonl", 2, 0.5,
        new Rescorer.Result(stats, diff, 1_000_000_000L), CRITERIA);
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

  @Test
  void render_tables_nameEveryCriterionWithItsTheme() {
    String html = HtmlReport.render(AnalystRun.report(AnalystRun.stats(), null));

    assertThat(html).contains(
        "<tr data-code=\"VAL-01\"><td>VAL-01</td><td style=\"text-align:left\" class=\"name\">Unit value below the reference price</td><td style=\"text-align:left\" class=\"theme\">valuation</td>",
        "<tr data-code=\"HS-01\" data-verdict=\"NO_BETTER\"><td>HS-01</td><td style=\"text-align:left\" class=\"name\">Price-risk goods</td><td style=\"text-align:left\" class=\"theme\">tariff sensitivity</td>",
        "<title>VAL-01 Unit value below the reference price [valuation]</title>");
  }

  @Test
  void render_rates_chartPrecisionAndLiftWithTheirIntervalsAndFlagEachCriterion() {
    String html = HtmlReport.render(AnalystRun.report(AnalystRun.stats(), null));

    assertThat(html).contains("id=\"chart-rates\"", "id=\"chart-lift\"", "class=\"interval\"",
        "data-code=\"VAL-01\" data-inspected=\"30\" data-violations=\"15\" data-rate=\"0.500000\" data-low=\"0.331541\" data-high=\"0.668459\"",
        "data-random=\"RANDOM\" data-inspected=\"100\" data-violations=\"5\" data-rate=\"0.050000\"",
        "class=\"random-band\" data-low=\"0.021544\" data-high=\"0.111750\"",
        "data-code=\"VAL-01\" data-lift=\"10.000000\" data-low=\"3.960389\" data-high=\"25.250045\" data-verdict=\"BETTER\"",
        "data-code=\"HS-01\" data-lift=\"2.000000\" data-low=\"0.416935\" data-high=\"9.593813\" data-verdict=\"NO_BETTER\"",
        "<span class=\"flag flag-NO_BETTER\">no better than random so far</span>",
        "<span class=\"flag flag-TOO_FEW\">too few inspected to say</span>",
        "<span class=\"flag flag-BETTER\">better than random</span>",
        "<tr id=\"random-yardstick\"><td>random</td>", "5.0% [2.2, 11.2]",
        "id=\"channel-outcomes\"", "Inspections in the GREEN row are declarations this pack would release")
        .doesNotContain("hit rate<");
  }

  @Test
  void render_noInspectedRandomSelection_saysLiftCannotBeMeasured() {
    RunStats stats = new RunStats();
    stats.assessed(assessment(Channel.RED, Selection.TARGETED, "VAL-01"), new Outcome(true, true));

    String html = HtmlReport.render(report(stats, null));

    assertThat(html).contains("id=\"no-lift\"").doesNotContain("id=\"chart-lift\"");
  }

  @Test
  void glossary_isInTheReportAndEveryTermIsInTheReadme() throws java.io.IOException {
    String html = HtmlReport.render(AnalystRun.report(AnalystRun.stats(), null));
    String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
    String glossary = readme.substring(readme.indexOf("## Glossary"));

    assertThat(html).contains("<dl id=\"glossary\">");
    for (String[] entry : HtmlReport.GLOSSARY) {
      assertThat(html).contains("<dt>" + HtmlReport.esc(entry[0]) + "</dt>");
      assertThat(glossary).as("examples/README.md glossary").contains("**" + entry[0] + "**");
    }
  }
}
