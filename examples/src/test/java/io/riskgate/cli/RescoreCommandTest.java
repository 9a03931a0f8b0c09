package io.riskgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.riskgate.RiskgateJson;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The rescore command in process: the pipeline, its outputs and its failures. */
class RescoreCommandTest {
  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return TestData.rescore(out, err, args);
  }

  private static List<String> numbers(Path assessments) throws IOException {
    RiskgateJson json = RiskgateJson.defaults();
    List<String> numbers = new ArrayList<>();
    long line = 0;
    for (String text : Files.readAllLines(assessments)) {
      numbers.add(Rescorer.readLine(json, text, ++line).declarationNumber());
    }
    return numbers;
  }

  private List<String> filesIn(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void rescore_manyLinesOnSeveralThreadsInSmallBatches_writesEveryAssessmentInInputOrder() throws IOException {
    Path in = TestData.write(dir.resolve("in.jsonl"), TestData.lines(3_000, 1, false));
    Path assessments = dir.resolve("out/assessments.jsonl");

    int status = run("--pack", TestData.pack("gate").toString(), "--in", in.toString(),
        "--out", assessments.toString(), "--threads", "3", "--batch", "7");

    assertThat(status).as(err.toString()).isZero();
    List<String> expected = new ArrayList<>();
    for (int i = 1; i <= 3_000; i++) {
      expected.add(String.format("D%06d", i));
    }
    assertThat(numbers(assessments)).containsExactlyElementsOf(expected);
    assertThat(dir.resolve("out/assessments.rejects.jsonl")).isEmptyFile();
    assertThat(out.toString()).contains("lines     3,000 = 3,000 assessed + 0 rejected")
        .contains("top criteria by hits").contains("T-VALUE").contains("throughput")
        .containsPattern("worker time per declaration: \\d+\\.\\d us reading, \\d+\\.\\d us assessing,"
            + " \\d+\\.\\d us writing");
  }

  @Test
  void rescore_badLines_areRejectedWithLineNumberAndReasonAndTheCountsAddUp() throws IOException {
    List<String> lines = new ArrayList<>(TestData.lines(10, 2, false));
    lines.set(1, "{\"header\": 1}");
    lines.set(4, "");
    lines.set(8, lines.get(8).replace("\"hsCode\":\"", "\"hsCode\":\"x"));
    lines.add("not json at all");
    Path in = TestData.write(dir.resolve("in.jsonl"), lines);
    Path assessments = dir.resolve("a.jsonl");
    Path rejects = dir.resolve("rejected.jsonl");

    int status = run("--pack", TestData.pack("gate").toString(), "--in", in.toString(),
        "--out", assessments.toString(), "--rejects", rejects.toString());

    assertThat(status).isEqualTo(Riskgate.FAILURES);
    JsonMapper mapper = JsonMapper.builder().build();
    List<JsonNode> rejected = new ArrayList<>();
    for (String line : Files.readAllLines(rejects)) {
      rejected.add(mapper.readTree(line));
    }
    assertThat(rejected).extracting(n -> n.get("line").asLong()).containsExactly(2L, 5L, 9L, 11L);
    assertThat(rejected.get(0).get("reason").asText()).startsWith("line 2, column ").contains("$.header");
    assertThat(rejected.get(1).get("reason").asText()).isEqualTo("line 5: empty line, expected a declaration");
    assertThat(rejected.get(2).get("reason").asText()).contains("$.items[0].hsCode").contains("(declaration D000009)");
    assertThat(rejected.get(2).get("declaration").asText()).isEqualTo("D000009");
    assertThat(rejected.get(3).get("reason").asText()).startsWith("line 11");
    assertThat(numbers(assessments)).hasSize(7).doesNotContain("D000002", "D000005", "D000009");
    assertThat(out.toString()).contains("lines     11 = 7 assessed + 4 rejected");
  }

  @Test
  void rescore_lineLongerThanTheLimit_isRejectedAndTheNextLineAssessed() throws IOException {
    List<String> lines = new ArrayList<>(TestData.lines(3, 3, false));
    lines.add(1, "{\"header\": \"" + "x".repeat(5_000) + "\"}");
    Path in = TestData.write(dir.resolve("in.jsonl"), lines);

    int status = run("--pack", TestData.pack("gate").toString(), "--in", in.toString(),
        "--out", dir.resolve("a.jsonl").toString(), "--max-line-chars", "2000");

    assertThat(status).isEqualTo(Riskgate.FAILURES);
    assertThat(Files.readString(dir.resolve("a.rejects.jsonl")))
        .contains("\"line\":2").contains("more than the maximum 2,000 (--max-line-chars)");
    assertThat(numbers(dir.resolve("a.jsonl"))).containsExactly("D000001", "D000002", "D000003");
  }

  @Test
  void rescore_byteOrderMarkBeforeTheFirstLine_isIgnored() throws IOException {
    List<String> lines = new ArrayList<>(TestData.lines(2, 10, false));
    lines.set(0, "\uFEFF" + lines.get(0));
    Path in = TestData.write(dir.resolve("in.jsonl"), lines);

    int status = run("--pack", TestData.pack("gate").toString(), "--in", in.toString(),
        "--out", dir.resolve("a.jsonl").toString());

    assertThat(status).as(Files.readString(dir.resolve("a.rejects.jsonl"))).isZero();
  }

  @Test
  void rescore_gzipInputAndOutput_roundTrip() throws IOException {
    Path in = dir.resolve("in.jsonl.gz");
    try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(in))) {
      gz.write(String.join("\n", TestData.lines(50, 4, true)).getBytes(StandardCharsets.UTF_8));
    }
    Path assessments = dir.resolve("a.jsonl.gz");

    int status = run("--pack", TestData.pack("gate").toString(), "--in", in.toString(), "--out", assessments.toString());

    assertThat(status).as(err.toString()).isZero();
    assertThat(out.toString()).contains("lines     50 = 50 assessed + 0 rejected")
        .contains("(50 of 50 assessed declarations carry an outcome)");
    Path plain = dir.resolve("plain.jsonl");
    assertThat(run("--pack", TestData.pack("gate").toString(), "--in", assessments.toString(),
        "--out", plain.toString())).as("assessments are not declarations").isEqualTo(Riskgate.FAILURES);
    assertThat(Files.readAllLines(dir.resolve("plain.rejects.jsonl"))).hasSize(50);
  }

  @Test
  void rescore_editedPackAgainstBaseline_reportsMovesTheirCausesAndExamples() throws IOException {
    Path in = TestData.write(dir.resolve("in.jsonl"), TestData.lines(2_000, 5, true));
    Path before = dir.resolve("before.jsonl");
    assertThat(run("--pack", TestData.pack("gate").toString(), "--in", in.toString(), "--out", before.toString()))
        .isZero();
    out.getBuffer().setLength(0);
    Path report = dir.resolve("report.html");

    int status = run("--pack", TestData.pack("gate-v2").toString(), "--in", in.toString(),
        "--out", dir.resolve("after.jsonl").toString(), "--baseline", before.toString(),
        "--report", report.toString());

    assertThat(status).as(err.toString()).isZero();
    String summary = out.toString();
    assertThat(summary).contains("decision diff against " + before)
        .contains("GREEN -> YELLOW").contains("YELLOW -> RED")
        .contains("T-AEO Authorised economic operator [(not in this pack)] (no longer hits)")
        .contains("T-GATE Risky border gate [criteria] (changed)")
        .containsPattern("e\\.g\\. D\\d{6} \\(line \\d+\\)");
    assertThat(summary).doesNotContain("-> GREEN");
    String html = Files.readString(report);
    assertThat(html).contains("id=\"chart-channels\"", "id=\"chart-diff\"", "id=\"chart-hits\"",
        "id=\"chart-rates\"", "class=\"cell\" data-from=\"GREEN\" data-to=\"YELLOW\"");
  }

  @Test
  void rescore_baselineOfAnotherInput_failsOnOneLineAndLeavesNoOutput() throws IOException {
    Path first = TestData.write(dir.resolve("first.jsonl"), TestData.lines(20, 6, false));
    Path before = dir.resolve("before.jsonl");
    assertThat(run("--pack", TestData.pack("gate").toString(), "--in", first.toString(), "--out", before.toString()))
        .isZero();
    List<String> other = new ArrayList<>(TestData.lines(20, 6, false));
    other.remove(3);
    Path second = TestData.write(dir.resolve("second.jsonl"), other);
    Path results = Files.createDirectory(dir.resolve("results"));

    int status = run("--pack", TestData.pack("gate").toString(), "--in", second.toString(),
        "--out", results.resolve("after.jsonl").toString(), "--baseline", before.toString(),
        "--report", results.resolve("report.html").toString());

    assertThat(status).isEqualTo(Riskgate.USAGE);
    assertThat(err.toString()).hasLineCount(1)
        .contains("line 4 is declaration D000004, but the matching assessment (input line 4) is declaration D000005")
        .contains("a baseline must be the --out of a rescore of the same input");
    assertThat(filesIn(results)).isEmpty();
  }

  @Test
  void rescore_randomPackWithOutcomes_measuresTheYardstickOnRandomSelections() throws IOException {
    Path in = TestData.write(dir.resolve("in.jsonl"), TestData.lines(3_000, 7, true));

    int status = run("--pack", TestData.pack("random").toString(), "--in", in.toString(),
        "--out", dir.resolve("a.jsonl").toString());

    assertThat(status).isZero();
    assertThat(out.toString()).containsPattern("random selections +\\d{3} +\\d+ \\(")
        .containsPattern("random-selection yardstick: precision \\d+\\.\\d% \\[\\d+\\.\\d, \\d+\\.\\d\\] of \\d+ inspected");
  }

  @Test
  void rescore_packWithASyntaxError_exitsTwoWithOneLocatedLine() throws IOException {
    Path in = TestData.write(dir.resolve("in.jsonl"), TestData.lines(3, 8, false));

    int status = run("--pack", TestData.pack("broken").toString(), "--in", in.toString(),
        "--out", dir.resolve("a.jsonl").toString());

    assertThat(status).isEqualTo(Riskgate.USAGE);
    assertThat(err.toString()).hasLineCount(1).containsPattern("does not load: rules/broken\\.drl:\\d+:\\d+: ")
        .doesNotContain("Exception");
    assertThat(dir.resolve("a.jsonl")).doesNotExist();
  }

  @Test
  void rescore_packWithSeveralErrors_namesTheFirstAndPointsToValidate() throws IOException {
    Path in = TestData.write(dir.resolve("in.jsonl"), TestData.lines(3, 8, false));
    Path pack = TestData.pack("broken-twice");

    int status = run("--pack", pack.toString(), "--in", in.toString(), "--out", dir.resolve("a.jsonl").toString());

    assertThat(status).isEqualTo(Riskgate.USAGE);
    assertThat(err.toString()).hasLineCount(1).contains("does not load: rules/two-errors.drl:10:")
        .containsPattern("\\(and \\d+ more; 'riskgate validate " + java.util.regex.Pattern.quote(pack.toString())
            + "' lists them all\\)");
  }

  @Test
  void rescore_badArguments_exitTwoWithOneLine() throws IOException {
    Path in = TestData.write(dir.resolve("in.jsonl"), TestData.lines(3, 9, false));
    String pack = TestData.pack("gate").toString();
    String a = dir.resolve("a.jsonl").toString();

    assertThat(run("--pack", pack, "--in", in.toString(), "--out", a, "--threads", "0")).isEqualTo(Riskgate.USAGE);
    assertThat(run("--pack", pack, "--in", dir.resolve("missing.jsonl").toString(), "--out", a)).isEqualTo(Riskgate.USAGE);
    assertThat(run("--pack", dir.resolve("no-pack").toString(), "--in", in.toString(), "--out", a)).isEqualTo(Riskgate.USAGE);
    assertThat(run("--pack", pack, "--in", in.toString(), "--out", a, "--rejects", a)).isEqualTo(Riskgate.USAGE);
    assertThat(run("--pack", pack, "--in", in.toString(), "--out", a, "--threads", "many")).isEqualTo(Riskgate.USAGE);
    assertThat(run("--pack", pack, "--nonsense")).isEqualTo(Riskgate.USAGE);

    assertThat(err.toString()).hasLineCount(6)
        .contains("rescore: --threads must be between 1 and 256, was 0 (see 'riskgate rescore --help')")
        .contains("--in " + dir.resolve("missing.jsonl") + ": no such file")
        .contains("no-pack: no such folder")
        .contains("--rejects " + a + " is the same file as --out " + a + ": each output needs its own file")
        .contains("Unknown option: '--nonsense'")
        .doesNotContain("Exception");
    assertThat(Path.of(a)).doesNotExist();
  }

  // ---- Paths that cannot destroy data ----

  private String pack() {
    return TestData.pack("gate").toString();
  }

  private void assertRefusedBeforeWriting(int status, String message, Path... untouched) throws IOException {
    assertThat(status).as(err.toString()).isEqualTo(Riskgate.USAGE);
    assertThat(err.toString()).hasLineCount(1).contains(message).doesNotContain("Exception");
    for (Path file : untouched) {
      assertThat(file).as("untouched").hasContent(String.join("\n", TestData.lines(3, 12, false)));
    }
    assertThat(filesIn(dir)).noneMatch(name -> name.endsWith(".part") || name.contains("rejects"));
    err.getBuffer().setLength(0);
  }

  @Test
  void rescore_anOutputThatIsAnInput_isRefusedBeforeAnythingIsWritten() throws IOException {
    Path in = TestData.write(dir.resolve("in.jsonl"), TestData.lines(3, 12, false));
    Path baseline = TestData.write(dir.resolve("base.jsonl"), TestData.lines(3, 12, false));
    Path link = Files.createSymbolicLink(dir.resolve("link.jsonl"), in);
    Path hard = Files.createLink(dir.resolve("hard.jsonl"), in);

    assertRefusedBeforeWriting(run("--pack", pack(), "--in", in.toString(), "--out", in.toString()),
        "--out " + in + " is the same file as --in " + in + ": writing it would destroy the input", in);
    assertRefusedBeforeWriting(run("--pack", pack(), "--in", in.toString(), "--out", baseline.toString(),
        "--baseline", baseline.toString()), "is the same file as --baseline", in, baseline);
    assertRefusedBeforeWriting(run("--pack", pack(), "--in", in.toString(), "--out", dir.resolve("a.jsonl").toString(),
        "--rejects", link.toString()), "--rejects " + link + " is the same file as --in", in);
    assertRefusedBeforeWriting(run("--pack", pack(), "--in", in.toString(), "--out", dir.resolve("a.jsonl").toString(),
        "--summary", hard.toString()), "--summary " + hard + " is the same file as --in", in);
    assertRefusedBeforeWriting(run("--pack", pack(), "--in", link.toString(), "--out",
        dir.resolve("sub/../in.jsonl").toString()), "is the same file as --in " + link, in);
    assertThat(dir.resolve("a.jsonl")).doesNotExist();
  }

  @Test
  void rescore_twoOutputsThatAreOneFileThroughALink_areRefused() throws IOException {
    Path in = TestData.write(dir.resolve("in.jsonl"), TestData.lines(3, 12, false));
    Path out = dir.resolve("a.jsonl");
    Path link = Files.createSymbolicLink(dir.resolve("report.html"), out);

    assertRefusedBeforeWriting(run("--pack", pack(), "--in", in.toString(), "--out", out.toString(),
        "--report", link.toString()), "--report " + link + " is the same file as --out " + out, in);
  }

  @Test
  void rescore_packOrOutWithoutIn_isRefused() throws IOException {
    Path out = dir.resolve("a.jsonl");

    assertThat(run("--pack", pack(), "--out", out.toString())).isEqualTo(Riskgate.USAGE);
    assertThat(run("--out", out.toString())).isEqualTo(Riskgate.USAGE);
    assertThat(run("--pack", pack())).isEqualTo(Riskgate.USAGE);

    assertThat(err.toString()).hasLineCount(3).contains("--in is required with --pack or --out"
        + " (only a bare 'riskgate rescore' runs the bundled sample)");
    assertThat(out).doesNotExist();
  }

  @Test
  void rescore_aFolderForAFileAndAFileForAFolder_areNamedAsSuch() throws IOException {
    Path in = TestData.write(dir.resolve("in.jsonl"), TestData.lines(3, 12, false));
    Path folder = Files.createDirectory(dir.resolve("folder"));
    Path packJson = TestData.pack("gate").resolve("pack.json");
    String a = dir.resolve("a.jsonl").toString();

    assertThat(run("--pack", pack(), "--in", folder.toString(), "--out", a)).isEqualTo(Riskgate.USAGE);
    assertThat(run("--pack", packJson.toString(), "--in", in.toString(), "--out", a)).isEqualTo(Riskgate.USAGE);
    assertThat(run("--pack", pack(), "--in", in.toString(), "--out", folder.toString())).isEqualTo(Riskgate.USAGE);
    assertThat(run("--pack", pack(), "--in", in.toString(), "--out", a, "--baseline", folder.toString()))
        .isEqualTo(Riskgate.USAGE);
    assertThat(run("--pack", pack(), "--in", in.toString(), "--out", in.resolve("x.jsonl").toString()))
        .isEqualTo(Riskgate.USAGE);

    assertThat(err.toString()).hasLineCount(5)
        .contains("--in " + folder + ": is a folder, expected a JSON Lines file")
        .contains("--pack " + packJson + ": is a file, expected the folder that holds pack.json; give its folder, "
            + packJson.getParent())
        .contains("--out " + folder + ": is a folder, expected a file name")
        .contains("--baseline " + folder + ": is a folder, expected the assessments of an earlier rescore")
        .contains(in + " is a file, so it cannot hold x.jsonl");
  }

  @Test
  void rescore_twoRunsIntoOneFolder_keepTheirOwnRejects() throws IOException {
    List<String> lines = new ArrayList<>(TestData.lines(3, 13, false));
    lines.set(1, "{}");
    Path in = TestData.write(dir.resolve("in.jsonl"), lines);

    assertThat(run("--pack", pack(), "--in", in.toString(), "--out", dir.resolve("first.jsonl").toString()))
        .isEqualTo(Riskgate.FAILURES);
    assertThat(run("--pack", pack(), "--in", in.toString(), "--out", dir.resolve("second.jsonl.gz").toString()))
        .isEqualTo(Riskgate.FAILURES);

    assertThat(Files.readAllLines(dir.resolve("first.rejects.jsonl"))).hasSize(1);
    assertThat(Files.readAllLines(dir.resolve("second.rejects.jsonl"))).hasSize(1);
    assertThat(out.toString()).contains("wrote " + dir.resolve("first.rejects.jsonl"));
  }

  @Test
  void rescore_outDash_writesTheAssessmentsToStandardOutputAndTheSummaryToStandardError() throws IOException {
    Path in = TestData.write(dir.resolve("in.jsonl"), TestData.lines(5, 14, false));
    CommandLine cli = Riskgate.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    java.io.ByteArrayOutputStream stdout = new java.io.ByteArrayOutputStream();
    ((RescoreCommand) cli.getSubcommands().get("rescore").getCommand()).standardOutput = stdout;

    int status = cli.execute("rescore", "-q", "--pack", pack(), "--in", in.toString(), "--out", "-",
        "--rejects", dir.resolve("r.jsonl").toString());

    assertThat(status).as(err.toString()).isZero();
    assertThat(stdout.toString(StandardCharsets.UTF_8).lines()).hasSize(5).allMatch(l -> l.startsWith("{\"declarationNumber\""));
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).contains("lines     5 = 5 assessed + 0 rejected").contains("wrote standard output");
    assertThat(dir.resolve("-")).doesNotExist();
    assertThat(run("--pack", pack(), "--in", in.toString(), "--out", "-")).isEqualTo(Riskgate.USAGE);
    assertThat(err.toString()).contains("--out - writes the assessments to standard output; name a file for"
        + " the rejected lines with --rejects");
  }

  @Test
  void rescore_outputThatIsANamedPipe_isWrittenToNotReplaced() throws Exception {
    Path fifo = dir.resolve("pipe");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo");
    Path in = TestData.write(dir.resolve("in.jsonl"), TestData.lines(20, 15, false));
    java.util.concurrent.CompletableFuture<List<String>> received = java.util.concurrent.CompletableFuture
        .supplyAsync(() -> {
          try {
            return Files.readAllLines(fifo);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });

    int status = run("--pack", pack(), "--in", in.toString(), "--out", fifo.toString(),
        "--rejects", dir.resolve("r.jsonl").toString());

    assertThat(status).as(err.toString()).isZero();
    assertThat(received.get(60, java.util.concurrent.TimeUnit.SECONDS)).hasSize(20);
    assertThat(Files.isRegularFile(fifo)).as("still a pipe").isFalse();
    assertThat(Files.exists(fifo)).isTrue();
  }

  // ---- Exact input ----

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"LF", "CRLF", "CR"})
  void rescore_everyLineTerminator_givesTheSameLineNumbersInRejectsAndReasons(String name) throws IOException {
    String terminator = name.replace("CR", "\r").replace("LF", "\n");
    List<String> lines = new ArrayList<>(TestData.lines(5, 16, false));
    lines.set(2, lines.get(2).replace("\"hsCode\":\"", "\"hsCode\":\"x"));
    lines.set(3, "{\"header\": ");
    Path in = Files.writeString(dir.resolve("in.jsonl"), String.join(terminator, lines) + terminator);

    int status = run("--pack", pack(), "--in", in.toString(), "--out", dir.resolve("a.jsonl").toString());

    assertThat(status).isEqualTo(Riskgate.FAILURES);
    List<JsonNode> rejected = rejects(dir.resolve("a.rejects.jsonl"));
    assertThat(rejected).extracting(n -> n.get("line").asLong()).containsExactly(3L, 4L);
    assertThat(rejected.get(0).get("reason").asText()).startsWith("line 3, column ");
    assertThat(rejected.get(1).get("reason").asText()).startsWith("line 4, column ");
    assertThat(numbers(dir.resolve("a.jsonl"))).containsExactly("D000001", "D000002", "D000005");
  }

  private static List<JsonNode> rejects(Path file) throws IOException {
    return TestData.rejects(file);
  }

  @Test
  void rescore_gzipWithPlainLinesAppended_isRefusedNotHalfRead() throws IOException {
    Path in = dir.resolve("in.jsonl.gz");
    Files.write(in, SourceTest.gzip(String.join("\n", TestData.lines(50, 17, false)) + "\n"));
    Files.write(in, (String.join("\n", TestData.lines(50, 18, false)) + "\n").getBytes(StandardCharsets.UTF_8),
        java.nio.file.StandardOpenOption.APPEND);

    int status = run("--pack", pack(), "--in", in.toString(), "--out", dir.resolve("a.jsonl").toString());

    assertThat(status).isEqualTo(Riskgate.USAGE);
    assertThat(err.toString()).hasLineCount(1).contains(in + ": cannot read: ")
        .contains("bytes that are not gzip follow (such as plain lines appended to the compressed file)");
    assertThat(dir.resolve("a.jsonl")).doesNotExist();
  }

  @Test
  void rescore_concatenatedGzipMembers_areAllRead() throws IOException {
    Path in = dir.resolve("in.jsonl.gz");
    List<String> lines = TestData.lines(60, 19, false);
    Files.write(in, SourceTest.gzip(String.join("\n", lines.subList(0, 30)) + "\n"));
    Files.write(in, SourceTest.gzip(String.join("\n", lines.subList(30, 60)) + "\n"),
        java.nio.file.StandardOpenOption.APPEND);

    assertThat(run("--pack", pack(), "--in", in.toString(), "--out", dir.resolve("a.jsonl").toString())).isZero();
    assertThat(out.toString()).contains("lines     60 = 60 assessed + 0 rejected");
  }

  @Test
  void rescore_aLineThatIsNotUtf8_isRejectedAtItsLineAndByte() throws IOException {
    List<String> lines = TestData.lines(3, 20, false);
    byte[] second = lines.get(1).replace("D000002", "D0000?2").getBytes(StandardCharsets.UTF_8);
    int at = new String(second, StandardCharsets.ISO_8859_1).indexOf('?');
    second[at] = (byte) 0xFF;
    Path in = dir.resolve("in.jsonl");
    Files.write(in, (lines.get(0) + "\n").getBytes(StandardCharsets.UTF_8));
    Files.write(in, second, java.nio.file.StandardOpenOption.APPEND);
    Files.write(in, ("\n" + lines.get(2) + "\n").getBytes(StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.APPEND);

    int status = run("--pack", pack(), "--in", in.toString(), "--out", dir.resolve("a.jsonl").toString());

    assertThat(status).isEqualTo(Riskgate.FAILURES);
    List<JsonNode> rejected = rejects(dir.resolve("a.rejects.jsonl"));
    assertThat(rejected).hasSize(1);
    assertThat(rejected.get(0).get("line").asLong()).isEqualTo(2);
    assertThat(rejected.get(0).get("reason").asText()).isEqualTo("line 2, column " + (at + 1) + ", at $: byte "
        + (at + 1) + " of the line (0xFF) is not valid UTF-8: bytes that are not UTF-8 are refused, not replaced;"
        + " convert the input to UTF-8");
    assertThat(numbers(dir.resolve("a.jsonl"))).containsExactly("D000001", "D000003");
  }
}
