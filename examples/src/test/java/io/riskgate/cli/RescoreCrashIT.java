package io.riskgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code kill -9} of the real process (the shaded jar in a child JVM) at named points of a run,
 * then {@code rescore --resume}: every input line ends in the assessments or the rejects exactly
 * once, the summary's counts add up, and the files are byte for byte those of an uninterrupted run.
 * The run stops at each point through the test-only property {@code riskgate.test.haltAt} and is
 * killed there with SIGKILL; checkpoints are made after every batch.
 */
class RescoreCrashIT {
  private static final Path JAR = Path.of(System.getProperty("riskgate.jar", "target/riskgate.jar")).toAbsolutePath();
  private static final int DECLARATIONS = 2_000;
  private static final Pattern LINES = Pattern.compile("lines\\s+([\\d,]+) = ([\\d,]+) assessed \\+ ([\\d,]+) rejected");

  @TempDir
  static Path shared;
  private static Path input;
  private static Path reference;

  @TempDir
  Path dir;

  record Run(int status, String err) {}

  @BeforeAll
  static void inputAndAnUninterruptedRun() throws Exception {
    Path generated = shared.resolve("generated.jsonl");
    assertThat(java(shared, null, "generate", "--count", String.valueOf(DECLARATIONS), "--seed", "21",
        "--out", generated.toString()).status()).isZero();
    List<String> lines = new ArrayList<>(Files.readAllLines(generated));
    // Rejects among the assessments, so that both outputs are cut back and resumed.
    lines.add(5, "{not json");
    lines.add(850, "");
    lines.add("[1, 2]");
    input = Files.write(shared.resolve("in.jsonl"), lines);
    reference = Files.createDirectory(shared.resolve("reference"));
    assertThat(rescore(reference, null).status()).isEqualTo(1);
  }

  private static Run rescore(Path folder, String haltAt, String... more) throws Exception {
    // A small pack: what is under test is the run's files, and each child JVM compiles the pack.
    List<String> args = new ArrayList<>(List.of("rescore", "-q", "--pack", TestData.pack("gate").toString(),
        "--in", input.toString(), "--out",
        folder.resolve("out.jsonl").toString(), "--summary", folder.resolve("summary.txt").toString(),
        "--batch", "75", "--threads", "2"));
    args.addAll(List.of(more));
    return java(folder, haltAt, args.toArray(String[]::new));
  }

  /** Runs the jar; with {@code haltAt}, waits until the run stops there and kills it with SIGKILL. */
  private static Run java(Path folder, String haltAt, String... args) throws Exception {
    List<String> command = new ArrayList<>(TestData.javaCommand());
    command.add("-Driskgate.test.checkpointMillis=0");
    if (haltAt != null) {
      command.add("-Driskgate.test.haltAt=" + haltAt);
    }
    command.addAll(List.of("-jar", JAR.toString()));
    command.addAll(List.of(args));
    Path err = Files.createTempFile(shared, "stderr", ".txt");
    Process process = new ProcessBuilder(command).directory(folder.toFile())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
    if (haltAt != null) {
      // A safety net against a run that never gets there, not a timing assertion.
      for (int i = 0; i < 6_000 && !Files.readString(err).contains("halted at " + haltAt) && process.isAlive(); i++) {
        Thread.sleep(50);
      }
      assertThat(Files.readString(err)).as("the run reached " + haltAt).contains("halted at " + haltAt);
      process.destroyForcibly();  // SIGKILL: no shutdown hook, no finally block runs
      process.waitFor();
      return new Run(process.exitValue(), Files.readString(err));
    }
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("riskgate " + String.join(" ", args) + " did not finish");
    }
    return new Run(process.exitValue(), Files.readString(err));
  }

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"started", "checkpoint-2", "writing", "finished", "committed", "renaming"})
  void killedAnywhere_resumesToTheBytesOfAnUninterruptedRun(String point) throws Exception {
    Run killed = rescore(dir, point);
    assertThat(killed.status()).as("killed").isNotZero().isNotEqualTo(1);

    // What a kill leaves cannot pass for a complete run: the journal says it was interrupted, and
    // no target is in place until every output is written down (only the renames may have begun).
    assertThat(names(dir)).contains(".out.jsonl.journal");
    if (!point.equals("renaming")) {
      assertThat(names(dir)).doesNotContain("out.jsonl", "out.rejects.jsonl", "summary.txt");
    }

    Run resumed = rescore(dir, null, "--resume");

    assertThat(resumed.status()).as(resumed.err()).isEqualTo(1);
    assertThat(names(dir)).as("no leftovers").noneMatch(name -> name.startsWith(".out") || name.startsWith(".summary"));
    assertThat(Files.readAllBytes(dir.resolve("out.jsonl"))).isEqualTo(Files.readAllBytes(reference.resolve("out.jsonl")));
    assertThat(Files.readAllBytes(dir.resolve("out.rejects.jsonl")))
        .isEqualTo(Files.readAllBytes(reference.resolve("out.rejects.jsonl")));
    everyLineOnce(dir);
  }

  @Test
  void killedMidRun_thenRunAgainWithoutResume_removesTheLeftoversAndStartsOver() throws Exception {
    rescore(dir, "writing");

    Run again = rescore(dir, null);

    assertThat(again.status()).as(again.err()).isEqualTo(1);
    assertThat(again.err()).contains("removed the leftovers of an interrupted run").contains(".out.jsonl.part");
    assertThat(Files.readAllBytes(dir.resolve("out.jsonl"))).isEqualTo(Files.readAllBytes(reference.resolve("out.jsonl")));
    everyLineOnce(dir);
  }

  /** Each input line in the assessments (in input order) or the rejects, once; the summary adds up. */
  private static void everyLineOnce(Path folder) throws IOException {
    List<String> inputLines = Files.readAllLines(input);
    JsonMapper mapper = JsonMapper.builder().build();
    Set<Long> rejected = new HashSet<>();
    for (String line : Files.readAllLines(folder.resolve("out.rejects.jsonl"))) {
      assertThat(rejected.add(mapper.readTree(line).get("line").asLong())).as("rejected once: " + line).isTrue();
    }
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < inputLines.size(); i++) {
      if (!rejected.contains(i + 1L)) {
        expected.add(mapper.readTree(inputLines.get(i)).at("/header/number").asText());
      }
    }
    List<String> assessed = new ArrayList<>();
    for (String line : Files.readAllLines(folder.resolve("out.jsonl"))) {
      JsonNode assessment = mapper.readTree(line);
      assessed.add(assessment.get("declarationNumber").asText());
    }
    assertThat(assessed).as("every assessable line once, in input order").isEqualTo(expected);
    assertThat(rejected).hasSize(3);

    Matcher counts = LINES.matcher(Files.readString(folder.resolve("summary.txt")));
    assertThat(counts.find()).as("the summary's line counts").isTrue();
    assertThat(number(counts.group(1))).isEqualTo(inputLines.size());
    assertThat(number(counts.group(2))).isEqualTo(assessed.size());
    assertThat(number(counts.group(3))).isEqualTo(rejected.size());
  }

  private static long number(String text) {
    return Long.parseLong(text.replace(",", ""));
  }
}
