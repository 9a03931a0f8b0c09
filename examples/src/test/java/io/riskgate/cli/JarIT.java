package io.riskgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskgate.RiskgateJson;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shaded jar as a user runs it: {@code java -jar target/riskgate.jar ...} in a fresh folder.
 * This is what catches a jar whose merged META-INF/services lost a Drools part, which no unit test
 * on the class path can see.
 */
class JarIT {
  private static final Path JAR = Path.of(System.getProperty("riskgate.jar", "target/riskgate.jar")).toAbsolutePath();

  @TempDir
  Path dir;

  record Run(int status, String out, String err) {}

  @BeforeAll
  static void jarIsBuilt() {
    assertThat(JAR).as("run after the package phase (mvn verify)").isRegularFile();
  }

  private Run java(List<String> jvm, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(TestData.javaCommand());
    command.addAll(jvm);
    command.addAll(List.of("-jar", JAR.toString()));
    command.addAll(List.of(args));
    Path out = dir.resolve(".stdout");
    Path err = dir.resolve(".stderr");
    Process process = new ProcessBuilder(command).directory(dir.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    // A safety net against a hung child, not a timing assertion.
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("riskgate " + String.join(" ", args) + " did not finish");
    }
    return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  private Run riskgate(String... args) throws IOException, InterruptedException {
    return java(List.of(), args);
  }

  private static void assertOneLineError(Run run) {
    assertThat(run.status()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).as("one line, no stack trace").hasLineCount(1)
        .doesNotContain("Exception").doesNotContain("\tat ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"--help", "rescore --help", "calibrate --help", "generate --help", "validate --help",
      "help rescore"})
  void help_everyCommand_printsUsageAndExitsZero(String args) throws Exception {
    Run run = riskgate(args.split(" "));

    assertThat(run.status()).isZero();
    assertThat(run.out()).startsWith("Usage: riskgate").contains("--help");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void rescore_noArguments_runsTheBundledPackOnTheBundledSampleIntoRiskgateOut() throws Exception {
    Run run = riskgate("rescore");

    assertThat(run.status()).as(run.err()).isZero();
    Path out = dir.resolve("riskgate-out");
    assertThat(out.resolve("assessments.jsonl")).isRegularFile();
    assertThat(out.resolve("assessments.rejects.jsonl")).isEmptyFile();
    assertThat(out.resolve("report.html")).content().contains("<svg id=\"chart-channels\"");
    long assessed = Files.lines(out.resolve("assessments.jsonl")).count();
    assertThat(assessed).isGreaterThan(1_000);
    assertThat(run.out()).contains("pack      vn-baseline@")
        .contains(String.format("lines     %,d = %,d assessed + 0 rejected", assessed, assessed))
        .containsPattern("GREEN +[\\d,]+ +\\d+\\.\\d%").containsPattern("RED +[\\d,]+ +\\d+\\.\\d%")
        .contains("top criteria by hits").contains("declarations/s")
        .contains("random-selection yardstick: precision");
    assertThat(out.resolve("summary.txt")).content().contains("top criteria by hits");
    assertThat(run.err()).as("no log noise").doesNotContain("SLF4J").doesNotContain("WARN").doesNotContain("ERROR");
  }

  @Test
  void rescore_onARuntimeWithoutTheJdksCompiler_compilesThePacksConditions() throws Exception {
    Path in = TestData.write(dir.resolve("in.jsonl"), TestData.lines(20, 6, false));

    // vn-baseline's conditions are compiled (AlphaNetworkTest): required here, a failure would stop
    // the run with status 2.
    Run run = java(List.of("--limit-modules", modulesWithoutTheCompiler(), "-Driskgate.alphaNetworkCompiler=required"),
        "rescore", "-q", "--in", in.toString(), "--out", "a.jsonl");

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(Files.readAllLines(dir.resolve("a.jsonl"))).hasSize(20);
  }

  /** This JDK's modules but {@code java.compiler} and those that need it: a trimmed runtime. */
  private static String modulesWithoutTheCompiler() {
    Set<ModuleDescriptor> modules = ModuleFinder.ofSystem().findAll().stream().map(ModuleReference::descriptor)
        .collect(Collectors.toSet());
    Set<String> left = new HashSet<>(Set.of("java.compiler"));
    for (boolean more = true; more; ) {
      more = false;
      for (ModuleDescriptor module : modules) {
        if (!left.contains(module.name()) && module.requires().stream().anyMatch(r -> left.contains(r.name()))) {
          more = left.add(module.name());
        }
      }
    }
    return modules.stream().map(ModuleDescriptor::name).filter(name -> !left.contains(name)).sorted()
        .collect(Collectors.joining(","));
  }

  @Test
  void rescore_badArguments_exitTwoWithOneLineAndNoStackTrace() throws Exception {
    assertOneLineError(riskgate("rescore", "--threads", "-1"));
    assertOneLineError(riskgate("rescore", "--in"));
    assertOneLineError(riskgate("rescore", "--in", "no-such-file.jsonl", "--out", "a.jsonl"));
    assertOneLineError(riskgate("generate", "--count", "ten", "--seed", "1", "--out", "x.jsonl"));
    assertOneLineError(riskgate("frobnicate"));
    assertOneLineError(riskgate());
  }

  @Test
  void rescore_packThatDoesNotLoad_exitsTwoWithTheLocatedProblem() throws Exception {
    Path in = TestData.write(dir.resolve("in.jsonl"), TestData.lines(5, 1, false));

    Run run = riskgate("rescore", "--pack", TestData.pack("broken").toString(), "--in", in.toString(),
        "--out", "a.jsonl");

    assertOneLineError(run);
    assertThat(run.err()).containsPattern("rules/broken\\.drl:\\d+:\\d+: ");
    assertThat(dir.resolve("a.jsonl")).doesNotExist();
  }

  @Test
  void rescore_inputWithBadLines_rejectsThemWithLineNumbersAndTheCountsAddUp() throws Exception {
    List<String> lines = new ArrayList<>(TestData.lines(100, 2, true));
    lines.set(9, "{\"header\":{\"number\":\"D000010\"}}");
    lines.set(49, "{ broken");
    Path in = TestData.write(dir.resolve("in.jsonl"), lines);

    Run run = riskgate("rescore", "--pack", TestData.pack("gate").toString(), "--in", in.toString(),
        "--out", "out/a.jsonl", "--rejects", "out/bad.jsonl");

    assertThat(run.status()).as(run.err()).isEqualTo(1);
    assertThat(run.out()).contains("lines     100 = 98 assessed + 2 rejected");
    assertThat(Files.readAllLines(dir.resolve("out/a.jsonl"))).hasSize(98);
    List<String> rejects = Files.readAllLines(dir.resolve("out/bad.jsonl"));
    assertThat(rejects).hasSize(2);
    assertThat(rejects.get(0)).startsWith("{\"line\":10,\"declaration\":\"D000010\",\"reason\":\"line 10, column ");
    assertThat(rejects.get(1)).startsWith("{\"line\":50,").contains("line 50, column ");
  }

  @Test
  void rescore_withBaselineAndReport_printsTheDecisionDiffAndWritesTheCharts() throws Exception {
    Path in = TestData.write(dir.resolve("in.jsonl"), TestData.lines(1_000, 3, true));
    Run before = riskgate("rescore", "--pack", TestData.pack("gate").toString(), "--in", in.toString(),
        "--out", "before.jsonl");
    assertThat(before.status()).as(before.err()).isZero();

    Run after = riskgate("rescore", "--pack", TestData.pack("gate-v2").toString(), "--in", in.toString(),
        "--out", "after.jsonl", "--baseline", "before.jsonl", "--report", "report.html");

    assertThat(after.status()).as(after.err()).isZero();
    assertThat(after.out()).contains("decision diff against before.jsonl")
        .containsPattern("GREEN -> YELLOW: [\\d,]+ declarations, caused by:")
        .as("a criterion the new pack dropped keeps the name its baseline hits carried")
        .contains("  T-AEO Authorised economic operator [(not in this pack)] (no longer hits)\n");
    String html = Files.readString(dir.resolve("report.html"));
    assertThat(html).contains("<svg id=\"chart-channels\"", "<svg id=\"chart-diff\"", "<svg id=\"chart-hits\"",
        "<svg id=\"chart-rates\"", "data-from=\"GREEN\" data-to=\"YELLOW\"")
        .doesNotContain("<script").doesNotContain("src=").doesNotContain("href=");
  }

  @Test
  void rescore_largeGzipInputInASmallHeap_streamsThrough() throws Exception {
    Path in = dir.resolve("big.jsonl.gz");
    int lines = 60_000;
    // One block of 5,000 lines, written again and again: making 60,000 would take this JVM longer
    // than the run it feeds.
    byte[] block = (String.join("\n", TestData.lines(5_000, 1, true)) + "\n").getBytes(StandardCharsets.UTF_8);
    try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(in))) {
      for (int written = 0; written < lines; written += 5_000) {
        gz.write(block);
      }
    }

    // 60,000 assessments held in memory would need several times this heap. A heap this small
    // holds lines of 100,000 characters in flight, not the default 1,000,000, and batches of 50
    // lines, as the message for a run out of memory advises: with the default 500 it still
    // streams through, but the collector takes most of the time.
    Run run = java(List.of("-Xmx40m"), "rescore", "--pack", TestData.pack("gate").toString(),
        "--in", in.toString(), "--out", "big-out.jsonl.gz", "--max-line-chars", "100000", "--batch", "50");

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).contains("lines     60,000 = 60,000 assessed + 0 rejected");
  }

  @Test
  void rescore_standardInput_isReadWhenInIsADash() throws Exception {
    Path in = TestData.write(dir.resolve("in.jsonl"), TestData.lines(40, 4, false));
    List<String> command = new ArrayList<>(TestData.javaCommand());
    command.addAll(List.of("-jar", JAR.toString(), "rescore", "-q", "--pack",
        TestData.pack("gate").toString(), "--in", "-", "--out", "stdin.jsonl"));
    Process process = new ProcessBuilder(command)
        .directory(dir.toFile()).redirectInput(in.toFile())
        .redirectOutput(dir.resolve(".stdout").toFile()).redirectError(dir.resolve(".stderr").toFile()).start();

    assertThat(process.waitFor()).as(Files.readString(dir.resolve(".stderr"))).isZero();
    assertThat(Files.readString(dir.resolve(".stdout"))).contains("input     standard input")
        .contains("lines     40 = 40 assessed + 0 rejected");
    assertThat(Files.readAllLines(dir.resolve("stdin.jsonl"))).hasSize(40);
  }

  @Test
  void rescore_outDash_writesTheAssessmentsToStandardOutputAndTheSummaryToStandardError() throws Exception {
    Path in = TestData.write(dir.resolve("in.jsonl"), TestData.lines(40, 4, false));

    Run run = riskgate("rescore", "-q", "--pack", TestData.pack("gate").toString(), "--in", in.toString(),
        "--out", "-", "--rejects", "r.jsonl");

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out().lines()).hasSize(40).allMatch(line -> line.startsWith("{\"declarationNumber\":\"D0000"));
    assertThat(run.err()).contains("lines     40 = 40 assessed + 0 rejected").contains("wrote standard output");
    assertThat(dir.resolve("-")).doesNotExist();
  }

  @Test
  void generate_sameSeed_writesTheSameDeclarationsWhichRescoreAssesses() throws Exception {
    Run first = riskgate("generate", "--count", "300", "--seed", "11", "--out", "a.jsonl", "--with-outcomes");
    Run second = riskgate("generate", "--count", "300", "--seed", "11", "--out", "b.jsonl", "--with-outcomes");

    assertThat(first.status()).as(first.err()).isZero();
    assertThat(second.status()).isZero();
    assertThat(Files.readAllLines(dir.resolve("a.jsonl"))).hasSize(300).first().asString().contains("\"outcome\":{");
    assertThat(Files.readString(dir.resolve("a.jsonl"))).isEqualTo(Files.readString(dir.resolve("b.jsonl")));

    Run rescore = riskgate("rescore", "--pack", TestData.pack("gate").toString(), "--in", "a.jsonl",
        "--out", "a-out.jsonl");
    assertThat(rescore.status()).as(rescore.err()).isZero();
    assertThat(rescore.out()).contains("lines     300 = 300 assessed + 0 rejected");
  }

  @Test
  void rescore_ruleThatNeverFinishes_exitsThreeNamingTheLineAndTheRuleAndWritesNoOutput() throws Exception {
    Path in = TestData.write(dir.resolve("in.jsonl"), TestData.lines(20, 5, false));

    Run run = riskgate("rescore", "-q", "--pack", TestData.pack("stuck").toString(), "--in", in.toString(),
        "--out", "out/a.jsonl", "--stuck-after", "2");

    assertThat(run.status()).as(run.err()).isEqualTo(3);
    assertThat(run.err()).as("one line, no stack trace").hasLineCount(1)
        .startsWith("riskgate rescore: line 7 (declaration D000007): rule 'Spins for ever' has not finished in 2 s"
            + " (--stuck-after)");
    assertThat(dir.resolve("out/a.jsonl")).doesNotExist();
    assertThat(dir.resolve("out/rejects.jsonl")).doesNotExist();
    assertThat(run.out()).doesNotContain("wrote");
  }

  @Test
  void validate_ruleThatNeverFinishes_exitsThreeNamingTheScenarioAndTheRule() throws Exception {
    Path pack = dir.resolve("stuck");
    Files.createDirectories(pack.resolve("rules"));
    Files.createDirectories(pack.resolve("scenarios"));
    for (String file : List.of("pack.json", "rules/stuck.drl")) {
      Files.copy(TestData.pack("stuck").resolve(file), pack.resolve(file));
    }
    String declaration = RiskgateJson.defaults().writeDeclaration(TestData.plain("D000007"));
    Files.writeString(pack.resolve("scenarios/spins.json"), "{ \"description\": \"spins\", \"declaration\": "
        + declaration + ", \"expect\": { \"channel\": \"GREEN\", \"codes\": [] } }");

    Run run = riskgate("validate", "--stuck-after", "2", pack.toString());

    assertThat(run.status()).as(run.out() + run.err()).isEqualTo(3);
    assertThat(run.out().lines()).as(run.out()).containsExactly(pack.resolve("scenarios/spins.json")
        + ": stuck: rule 'Spins for ever' has not finished in 2 s (a loop that does not end?); validation stopped");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void validate_packs_exitZeroWhenAllIsWellOneForCriteriaWithoutScenariosAndTwoWhenItDoesNotLoad() throws Exception {
    Path vnBaseline = Path.of("../rules/src/main/resources/riskgate/packs/vn-baseline").toAbsolutePath().normalize();
    Run good = riskgate("validate", vnBaseline.toString());
    Run uncovered = riskgate("validate", TestData.pack("gate").toString());
    Run broken = riskgate("validate", TestData.pack("broken").toString());
    Run missing = riskgate("validate", "no-such-pack");

    assertThat(good.status()).as(good.out() + good.err()).isZero();
    assertThat(good.out()).containsPattern("vn-baseline@\\S+: (\\d+) scenarios, \\1 passed, 0 failed\\R");
    assertThat(uncovered.status()).as(uncovered.out() + uncovered.err()).isEqualTo(1);
    assertThat(uncovered.out()).contains(TestData.pack("gate").resolve("rules/criteria.drl") + ":10:6: criterion"
        + " T-VALUE (rule \"High invoice value\") has no scenario where it hits and no near miss"
        + " (scenarios/t-value-near-miss*.json, where it does not hit)")
        .contains("gate@1.0.0: compiles and its data loads; no scenarios in scenarios/")
        .contains("5 of 5 criteria not covered");
    assertThat(broken.status()).isEqualTo(2);
    assertThat(broken.out()).containsPattern("broken/rules/broken\\.drl:\\d+:\\d+: ");
    assertThat(broken.err()).doesNotContain("Exception");
    assertOneLineError(missing);
  }
}
