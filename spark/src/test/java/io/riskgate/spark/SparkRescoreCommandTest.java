package io.riskgate.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the job refuses before it starts any task, in one line and exit status 2. */
class SparkRescoreCommandTest {
  private static final Path GATE = Path.of("../examples/src/test/resources/packs/gate");
  private static SparkSession spark;

  @TempDir
  Path folder;
  private Path input;
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private PrintStream originalErr;

  @BeforeAll
  static void start() {
    spark = SparkSession.builder().master("local[1]").appName("SparkRescoreCommandTest")
        .config("spark.ui.enabled", "false").getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @BeforeEach
  void captureStandardError() throws IOException {
    input = Files.writeString(folder.resolve("in.jsonl"), "{}\n");
    originalErr = System.err;
    System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreStandardError() {
    System.setErr(originalErr);
  }

  @Test
  void aPackThatDoesNotCompileIsNamedWithItsFileAndLine() throws IOException {
    Path pack = copyOfGate();
    Path drl = pack.resolve("rules/criteria.drl");
    Files.writeString(drl, Files.readString(drl) + "\nrule \"broken\" when then nonsense( end\n");

    int status = run("--pack", pack.toString(), "--in", input.toString(), "--out", folder.resolve("out").toString());

    assertThat(status).isEqualTo(2);
    assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("riskgate-spark: rule pack", "rules/criteria.drl:")
        .doesNotContain("\tat ");
    assertThat(folder.resolve("out")).doesNotExist();
  }

  @Test
  void anOutputFolderWithAnEarlierRunIsKeptWithoutOverwrite() throws IOException {
    Path out = Files.createDirectories(folder.resolve("out"));
    Files.writeString(out.resolve("summary.txt"), "yesterday");

    int status = run("--pack", GATE.toString(), "--in", input.toString(), "--out", out.toString());

    assertThat(status).isEqualTo(2);
    assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("--out " + out + " exists and is not empty",
        "--overwrite");
    assertThat(out.resolve("summary.txt")).hasContent("yesterday");
  }

  @Test
  void anInputThatNamesNothingIsRefused() {
    int status = run("--pack", GATE.toString(), "--in", folder.resolve("missing-*.jsonl").toString(),
        "--out", folder.resolve("out").toString());

    assertThat(status).isEqualTo(2);
    assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("missing-*.jsonl: no such file or folder");
  }

  @Test
  void optionsOutOfRangeAreNamedWithTheirValue() {
    int status = run("--pack", GATE.toString(), "--in", input.toString(), "--out", folder.resolve("out").toString(),
        "--partitions", "0", "--compression", "rar");

    assertThat(status).isEqualTo(2);
    assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("--partitions must be between 1 and 100000, was 0",
        "--compression must be one of none, gzip", "was rar");
  }

  @Test
  void commasSeparateInputsButNotTheAlternativesOfAGlob() {
    SparkRescore command = new SparkRescore(spark, null);
    new picocli.CommandLine(command).parseArgs("--pack", "p", "--out", "o",
        "--in", "hdfs:///customs/{2023,2024}/*.jsonl.gz,extra.jsonl", "--in", "more.jsonl");

    assertThat(command.in).containsExactly("hdfs:///customs/{2023,2024}/*.jsonl.gz", "extra.jsonl", "more.jsonl");
  }

  private static int run(String... args) {
    return SparkRescore.run(spark, new ByteArrayOutputStream(), args);
  }

  private Path copyOfGate() throws IOException {
    Path pack = folder.resolve("pack");
    Files.createDirectories(pack.resolve("rules"));
    Files.copy(GATE.resolve("pack.json"), pack.resolve("pack.json"));
    Files.copy(GATE.resolve("rules/criteria.drl"), pack.resolve("rules/criteria.drl"));
    return pack;
  }
}
