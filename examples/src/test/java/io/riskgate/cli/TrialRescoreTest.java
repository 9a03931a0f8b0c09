package io.riskgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskgate.Assessment;
import io.riskgate.Channel;
import io.riskgate.RiskgateJson;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rescore with criteria on trial, on seven declarations whose effects are known by construction.
 * {@code gate-trial} is {@code gate} (T-VALUE 40, T-GATE 35, T-ARMS at least RED, T-LICENCE 10 and
 * at least YELLOW, T-AEO -60; YELLOW from 30, RED from 70) with T-GATE on trial in pack.json and
 * T-LICENCE on trial by {@code @trial}.
 *
 * <pre>
 * line  declaration                         now            T-GATE counted   T-LICENCE counted
 * 1     risky gate, invoice 15,000          YELLOW 40      RED 75
 * 2     risky gate                          GREEN 0        YELLOW 35
 * 3     nothing                             GREEN 0
 * 4     risky gate, AEO trader              GREEN -60      GREEN -25
 * 5     risky gate, arms                    RED 0 (arms)   RED 35
 * 6     medicine                            GREEN 0                         YELLOW 10
 * 7     medicine, invoice 15,000            YELLOW 40                       YELLOW 50
 * </pre>
 */
class TrialRescoreTest {
  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private Path input() throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(TestData.line(TestData.declaration("D000001", "RISKY-GATE", "0101234567", "15000.00", "87089999"), null));
    lines.add(TestData.line(TestData.declaration("D000002", "RISKY-GATE", "0101234567", "500.00", "87089999"), null));
    lines.add(TestData.line(TestData.plain("D000003"), null));
    lines.add(TestData.line(TestData.declaration("D000004", "RISKY-GATE", "AEO123", "500.00", "87089999"), null));
    lines.add(TestData.line(TestData.declaration("D000005", "RISKY-GATE", "0101234567", "500.00", "93020000"), null));
    lines.add(TestData.line(TestData.declaration("D000006", "VNHUU", "0101234567", "500.00", "30049099"), null));
    lines.add(TestData.line(TestData.declaration("D000007", "VNHUU", "0101234567", "15000.00", "30049099"), null));
    return TestData.write(dir.resolve("in.jsonl"), lines);
  }

  private int run(String... args) {
    return TestData.rescore(out, err, args);
  }

  @Test
  void rescore_trialCriteria_decideNothingAndAreRecordedWithWhatTheyWouldChange() throws IOException {
    Path assessments = dir.resolve("out.jsonl");

    assertThat(run("--pack", TestData.pack("gate-trial").toString(), "--in", input().toString(),
        "--out", assessments.toString())).as(err.toString()).isZero();

    RiskgateJson json = RiskgateJson.defaults();
    List<Assessment> all = new ArrayList<>();
    long line = 0;
    for (String text : Files.readAllLines(assessments)) {
      all.add(Rescorer.readLine(json, text, ++line));
    }
    assertThat(all).extracting(Assessment::channel).containsExactly(Channel.YELLOW, Channel.GREEN, Channel.GREEN,
        Channel.GREEN, Channel.RED, Channel.GREEN, Channel.YELLOW);
    assertThat(all.get(0).trials()).containsExactly(new Assessment.Trial("T-GATE", 75, Channel.RED));
    assertThat(all.get(5).trials()).containsExactly(new Assessment.Trial("T-LICENCE", 10, Channel.YELLOW));
    assertThat(Files.readAllLines(assessments).get(0)).contains("\"trial\":true");
  }

  @Test
  void summary_marksTrialCriteriaAndCountsWhatEachWouldMove() throws IOException {
    Path summary = dir.resolve("summary.txt");

    assertThat(run("--pack", TestData.pack("gate-trial").toString(), "--in", input().toString(),
        "--out", dir.resolve("out.jsonl").toString(), "--summary", summary.toString())).as(err.toString()).isZero();

    String text = Files.readString(summary);
    assertThat(text)
        .containsPattern("T-GATE +4 .* criteria +Risky border gate \\(on trial\\)\n")
        .containsPattern("T-LICENCE +2 .* criteria +Licensed goods \\(on trial\\)\n")
        .containsPattern("T-VALUE +2 .* criteria +High invoice value\n")
        .contains("criteria on trial: hits recorded and reported, points and minimum channels not counted\n")
        .contains("T-GATE Risky border gate (on trial) [criteria]: 4 hits, 2 declarations would change channel"
            + " (score +35.0 on average over its hits)\n"
            + "  moves: GREEN -> YELLOW 1, YELLOW -> RED 1\n"
            + "  channels: GREEN 4 -> 3, YELLOW 2 -> 2, RED 1 -> 2\n"
            + "  e.g. D000001 (line 1) score 40 -> 75, YELLOW -> RED; D000002 (line 2) score 0 -> 35, GREEN -> YELLOW\n")
        .contains("T-LICENCE Licensed goods (on trial) [criteria]: 2 hits, 1 declarations would change channel"
            + " (score +10.0 on average over its hits)\n"
            + "  moves: GREEN -> YELLOW 1\n"
            + "  channels: GREEN 4 -> 3, YELLOW 2 -> 3, RED 1 -> 1\n"
            + "  e.g. D000006 (line 6) score 0 -> 10, GREEN -> YELLOW\n");
    assertThat(text).as("the channels decided without them")
        .containsPattern("GREEN +4 +57\\.1%").containsPattern("YELLOW +2 ").containsPattern("RED +1 ");
  }

  @Test
  void diffAgainstTheLivePack_putsTheMovesDownToCriteriaPutOnTrial() throws IOException {
    Path in = input();
    Path before = dir.resolve("before.jsonl");
    assertThat(run("--pack", TestData.pack("gate").toString(), "--in", in.toString(), "--out", before.toString()))
        .as(err.toString()).isZero();
    out.getBuffer().setLength(0);
    Path report = dir.resolve("report.html");

    assertThat(run("--pack", TestData.pack("gate-trial").toString(), "--in", in.toString(),
        "--out", dir.resolve("after.jsonl").toString(), "--baseline", before.toString(), "--report", report.toString()))
        .as(err.toString()).isZero();

    String text = out.toString();
    assertThat(text).contains("3 of 7 declarations change channel")
        .contains("YELLOW -> GREEN: 2 declarations, caused by:\n"
            + "           1  T-GATE Risky border gate (on trial) [criteria] (put on trial, no longer counts)\n"
            + "           1  T-LICENCE Licensed goods (on trial) [criteria] (put on trial, no longer counts)\n")
        .contains("RED -> YELLOW: 1 declarations, caused by:\n"
            + "           1  T-GATE Risky border gate (on trial) [criteria] (put on trial, no longer counts)\n")
        .contains("criteria on trial cause no move");

    String html = Files.readString(report);
    assertThat(html).contains("id=\"chart-trial\"", "id=\"trial-effects\"",
        "<tr data-code=\"T-GATE\" data-moved=\"2\">", "<tr data-code=\"T-LICENCE\" data-moved=\"1\">",
        "data-code=\"T-GATE\" data-channel=\"RED\" data-when=\"now\" data-count=\"1\"",
        "data-code=\"T-GATE\" data-channel=\"RED\" data-when=\"counted\" data-count=\"2\"",
        "GREEN -&gt; YELLOW 1<br>YELLOW -&gt; RED 1", "Risky border gate (on trial)", "<dt>on trial</dt>",
        "(put on trial, no longer counts)")
        .doesNotContain("<script").doesNotContain("src=");
  }

  @Test
  void diffWhenATrialCriterionIsTakenOffTrial_namesIt() throws IOException {
    Path in = input();
    Path before = dir.resolve("before.jsonl");
    assertThat(run("--pack", TestData.pack("gate-trial").toString(), "--in", in.toString(), "--out", before.toString()))
        .as(err.toString()).isZero();
    out.getBuffer().setLength(0);

    assertThat(run("--pack", TestData.pack("gate").toString(), "--in", in.toString(),
        "--out", dir.resolve("after.jsonl").toString(), "--baseline", before.toString())).as(err.toString()).isZero();

    assertThat(out.toString()).contains("GREEN -> YELLOW: 2 declarations, caused by:\n"
        + "           1  T-GATE Risky border gate [criteria] (taken off trial, counts now)\n"
        + "           1  T-LICENCE Licensed goods [criteria] (taken off trial, counts now)\n");
  }
}
