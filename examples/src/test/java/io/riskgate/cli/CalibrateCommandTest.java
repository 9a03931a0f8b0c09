package io.riskgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskgate.Assessment;
import io.riskgate.Channel;
import io.riskgate.RiskgateJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The calibrate command in process: the thresholds it finds hold when the pack it writes is run. */
class CalibrateCommandTest {
  private static final Path VN_BASELINE =
      Path.of("../rules/src/main/resources/riskgate/packs/vn-baseline").toAbsolutePath().normalize();
  private static final Pattern REACHED = Pattern.compile(
      "(?m)^(RED|YELLOW) +(\\d+) +([\\d,]+) +([\\d.]+)% +([\\d.]+)% +(?:(\\d+) gives ([\\d.]+)% \\(([\\d,]+)\\))?");

  @TempDir
  static Path shared;
  private static Path history;

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void generateHistory() {
    history = shared.resolve("history.jsonl");
    CommandLine cli = Riskgate.commandLine();
    cli.setOut(new PrintWriter(new StringWriter(), true));
    assertThat(cli.execute("generate", "--count", "5000", "--seed", "3", "--with-outcomes",
        "--out", history.toString())).isZero();
  }

  private int calibrate(String... args) {
    CommandLine cli = Riskgate.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    List<String> all = new ArrayList<>(List.of("calibrate"));
    all.addAll(List.of(args));
    return cli.execute(all.toArray(String[]::new));
  }

  /** What calibrate printed for a channel: threshold, count, and the count one step lower. */
  private record Reached(int threshold, long count, long countOneLower) {}

  private Reached reached(String channel) {
    Matcher matcher = REACHED.matcher(out.toString());
    while (matcher.find()) {
      if (matcher.group(1).equals(channel)) {
        return new Reached(Integer.parseInt(matcher.group(2)), count(matcher.group(3)),
            matcher.group(8) == null ? -1 : count(matcher.group(8)));
      }
    }
    throw new AssertionError("no " + channel + " line in:\n" + out);
  }

  private static long count(String text) {
    return Long.parseLong(text.replace(",", ""));
  }

  private static long[] channels(Path assessments) throws IOException {
    long[] counts = new long[Channel.values().length];
    RiskgateJson json = RiskgateJson.defaults();
    long line = 0;
    for (String text : Files.readAllLines(assessments)) {
      // rescore's lines carry no time of their own: read them as rescore reads a baseline.
      Assessment assessment = Rescorer.readLine(json, text, ++line);
      counts[assessment.channel().ordinal()]++;
    }
    return counts;
  }

  @Test
  void calibrate_vnBaselineToRed5Yellow20_rescoringTheWrittenPackGivesExactlyThePrintedSharesAndOnlyThresholdsChange() throws IOException {
    Path calibrated = dir.resolve("calibrated");

    int status = calibrate("--pack", VN_BASELINE.toString(), "--in", history.toString(), "--red", "5",
        "--yellow", "20", "--out", calibrated.toString());

    assertThat(status).as(out + "\n" + err).isZero();
    Reached red = reached("RED");
    Reached yellow = reached("YELLOW");
    Path assessments = dir.resolve("assessments.jsonl");
    assertThat(TestData.rescore(new StringWriter(), err, "--pack", calibrated.toString(), "--in", history.toString(),
        "--out", assessments.toString())).as(err.toString()).isZero();
    long[] rescored = channels(assessments);
    assertThat(rescored[Channel.RED.ordinal()]).isEqualTo(red.count());
    assertThat(rescored[Channel.YELLOW.ordinal()]).isEqualTo(yellow.count());
    // None above its target, and one step lower would be: the thresholds are the lowest that do.
    assertThat(red.count() * 100).isLessThanOrEqualTo(5L * 5000);
    assertThat(yellow.count() * 100).isLessThanOrEqualTo(20L * 5000);
    assertThat(red.countOneLower() * 100).isGreaterThan(5L * 5000);
    assertThat(yellow.countOneLower() * 100).isGreaterThan(20L * 5000);
    assertThat(out.toString()).contains(String.format("%5.2f%%", 100.0 * red.count() / 5000));

    // Only the thresholds and the version change; the rules and data are copied as they were.
    String before = Files.readString(VN_BASELINE.resolve("pack.json"));
    String expected = before.replace("\"version\": \"2026.11.0\"", "\"version\": \"2026.11.1\"")
        .replaceFirst("\"thresholds\": \\{ \"yellow\": \\d+, \"red\": \\d+ }", "\"thresholds\": { \"yellow\": "
            + reached("YELLOW").threshold() + ", \"red\": " + reached("RED").threshold() + " }");
    assertThat(Files.readString(calibrated.resolve("pack.json"))).isEqualTo(expected).isNotEqualTo(before);
    try (var files = Files.walk(VN_BASELINE)) {
      for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.endsWith("pack.json")).toList()) {
        assertThat(calibrated.resolve(VN_BASELINE.relativize(file).toString())).hasSameBinaryContentAs(file);
      }
    }
    assertThat(out.toString()).contains("version 2026.11.1");
    // examples/README.md shows this very run: it cannot drift from what the command prints.
    String readme = Files.readString(Path.of("README.md"));
    List<String> table = out.toString().lines().filter(l -> l.matches("(RED|YELLOW|GREEN|channel) .*")).toList();
    assertThat(table).hasSize(4);
    for (String printed : table) {
      assertThat(readme).as("examples/README.md, calibrate").contains(printed);
    }
  }

  @Test
  void calibrate_packWithCriteriaOnTrial_ignoresTheirMinimumChannelsAsTheEngineDoesAndKeepsTheTrialList()
      throws IOException {
    Path in = TestData.write(dir.resolve("in.jsonl"), TestData.lines(2_000, 7, false));
    Path calibrated = dir.resolve("calibrated");

    int status = calibrate("--pack", TestData.pack("gate-trial").toString(), "--in", in.toString(), "--red", "10",
        "--yellow", "30", "--out", calibrated.toString());

    assertThat(status).as(out + "\n" + err).isZero();
    Path assessments = dir.resolve("assessments.jsonl");
    assertThat(TestData.rescore(new StringWriter(), err, "--pack", calibrated.toString(), "--in", in.toString(),
        "--out", assessments.toString())).as(err.toString()).isZero();
    long[] rescored = channels(assessments);
    assertThat(rescored[Channel.RED.ordinal()]).isEqualTo(reached("RED").count());
    assertThat(rescored[Channel.YELLOW.ordinal()]).isEqualTo(reached("YELLOW").count());
    assertThat(Files.readString(calibrated.resolve("pack.json"))).contains("\"trial\": [\"T-GATE\"]");
    assertThat(Files.readString(assessments)).contains("\"trial\":true");
  }

  @Test
  void nextVersion_bumpsTheLastNumber() {
    assertThat(CalibratedPack.nextVersion("2026.11.0")).isEqualTo("2026.11.1");
    assertThat(CalibratedPack.nextVersion("1.0-rc9")).isEqualTo("1.0-rc10");
    assertThat(CalibratedPack.nextVersion("2.1.0-beta")).isEqualTo("2.1.1-beta");
    assertThat(CalibratedPack.nextVersion("spring")).isEqualTo("spring.1");
  }

  /**
   * Six declarations at two offices with the {@code gate} pack: scores 75, 40, 35, 40 and 0, and one
   * arms declaration RED whatever its score.
   */
  private Path gateHistory() throws IOException {
    List<String> lines = List.of(
        line("D1", "RISKY-GATE", "30000.00", "87089999", "15BB"),
        line("D2", "VNHUU", "30000.00", "87089999", "15BB"),
        line("D3", "RISKY-GATE", "500.00", "87089999", "15BB"),
        line("D4", "VNHUU", "500.00", "93020000", "15BB"),
        line("D5", "VNHUU", "500.00", "87089999", "15BB"),
        line("D6", "VNHUU", "15000.00", "87089999", "01B1"));
    return TestData.write(dir.resolve("gate-history.jsonl"), lines);
  }

  private static String line(String number, String gate, String invoice, String hs, String office) {
    return TestData.line(TestData.declaration(number, gate, "0101234567", invoice, hs), null)
        .replace("\"customsOffice\":\"15BB\"", "\"customsOffice\":\"" + office + "\"");
  }

  @Test
  void calibrate_minimumChannelsAboveTheRedTarget_exits1NamingTheCriteriaAndWritesNothing() throws IOException {
    Path calibrated = dir.resolve("calibrated");

    int status = calibrate("--pack", TestData.pack("gate").toString(), "--in", gateHistory().toString(),
        "--red", "10", "--yellow", "50", "--out", calibrated.toString());

    assertThat(status).as(err.toString()).isEqualTo(1);
    assertThat(out.toString()).contains("the RED target 10% cannot be met: 1 declarations (16.67%) are RED")
        .contains("criteria with minimum channel RED: T-ARMS (1)")
        .contains("random selection: 0 declarations (randomRates.red 0.0)");
    assertThat(calibrated).doesNotExist();
  }

  @Test
  void calibrate_withCapacity_reportsOfficesOverCapacityAndTheThresholdsThatKeepThemWithin() throws IOException {
    Path offices = TestData.write(dir.resolve("offices.csv"),
        List.of("office,physicalPerDay,documentaryPerDay", "15BB,1,2", "99ZZ,5,5"));

    int status = calibrate("--pack", TestData.pack("gate").toString(), "--in", gateHistory().toString(),
        "--red", "50", "--yellow", "50", "--out", dir.resolve("calibrated").toString(),
        "--capacity", offices.toString());

    assertThat(status).as(err.toString()).isZero();
    // Six declarations, at most three each: red 41 keeps D1 and the arms; yellow 1 takes D2, D3, D6.
    assertThat(reached("RED")).isEqualTo(new Reached(41, 2, 4));
    assertThat(reached("YELLOW")).isEqualTo(new Reached(1, 3, -1));
    // 15BB holds five of them: D1 and D4 RED against one inspection, D2 and D3 YELLOW (within two).
    assertThat(out.toString())
        .containsPattern("(?m)^15BB +1 +2 +1 +1 +1 +0$")
        .containsPattern("(?m)^01B1 +no capacity given \\(1 day\\)$")
        // Red 76 leaves only the arms RED at 15BB; yellow 36 leaves D1 (75) and D2 (40) YELLOW there.
        .contains("thresholds that keep every office within capacity: yellow 36, red 76");
  }

  @ParameterizedTest
  @ValueSource(strings = {"5%", "-1", "100.5", "0.05e2", "five"})
  void calibrate_percentNotAPlainNumberFrom0To100_exits2(String percent) throws IOException {
    int status = calibrate("--pack", TestData.pack("gate").toString(), "--in", gateHistory().toString(),
        "--red", percent, "--yellow", "20", "--out", dir.resolve("calibrated").toString());

    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains("--red takes a percentage as a plain number between 0 and 100");
  }

  @Test
  void calibrate_outIsThePackOrNotEmpty_exits2AndWritesNothing() throws IOException {
    Path pack = dir.resolve("pack");
    Files.createDirectories(pack.resolve("rules"));
    Files.copy(TestData.pack("gate").resolve("pack.json"), pack.resolve("pack.json"));
    Files.copy(TestData.pack("gate").resolve("rules/criteria.drl"), pack.resolve("rules/criteria.drl"));
    String history = gateHistory().toString();

    assertThat(calibrate("--pack", pack.toString(), "--in", history, "--red", "5", "--yellow", "20",
        "--out", pack.toString())).isEqualTo(2);
    assertThat(calibrate("--pack", pack.toString(), "--in", history, "--red", "5", "--yellow", "20",
        "--out", pack.resolve("rules").toString())).isEqualTo(2);
    assertThat(calibrate("--pack", pack.toString(), "--in", history, "--red", "5", "--yellow", "20",
        "--out", dir.toString())).isEqualTo(2);
    assertThat(calibrate("--pack", pack.toString(), "--in", dir.resolve("missing.jsonl").toString(),
        "--red", "5", "--yellow", "20", "--out", dir.resolve("new").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--out " + pack + ": is the --pack folder or inside it")
        .contains("is a folder that is not empty").contains("missing.jsonl: no such file");
    assertThat(Files.readString(pack.resolve("pack.json")))
        .isEqualTo(Files.readString(TestData.pack("gate").resolve("pack.json")));
    assertThat(dir.resolve("new")).doesNotExist();
  }

  @Test
  void calibrate_gzipHistory_isReadAsThePlainOne() throws IOException {
    Path gzip = dir.resolve("gate-history.jsonl.gz");
    try (var zipped = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gzip))) {
      zipped.write(Files.readAllBytes(gateHistory()));
    }

    int status = calibrate("--pack", TestData.pack("gate").toString(), "--in", gzip.toString(),
        "--red", "50", "--yellow", "50", "--out", dir.resolve("calibrated").toString());

    assertThat(status).as(err.toString()).isZero();
    assertThat(out.toString()).contains("6 declarations assessed");
    assertThat(reached("RED")).isEqualTo(new Reached(41, 2, 4));
  }

  @Test
  void calibrate_emptyOutFolder_receivesThePack() throws IOException {
    Path calibrated = Files.createDirectories(dir.resolve("empty"));

    int status = calibrate("--pack", TestData.pack("gate").toString(), "--in", gateHistory().toString(),
        "--red", "50", "--yellow", "50", "--out", calibrated.toString());

    assertThat(status).as(err.toString()).isZero();
    assertThat(Files.readString(calibrated.resolve("pack.json")))
        .contains("\"version\": \"1.0.1\"").contains("\"thresholds\": { \"yellow\": 1, \"red\": 41 }");
  }
}
