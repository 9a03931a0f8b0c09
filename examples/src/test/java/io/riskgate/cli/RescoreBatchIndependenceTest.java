package io.riskgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * One declaration per match, through the command line: re-scoring 10,000 generated declarations
 * with the bundled vn-baseline gives the same assessments on one thread or two, in batches of one
 * line or 500.
 */
class RescoreBatchIndependenceTest {
  @TempDir
  Path dir;

  private static int run(String... args) {
    CommandLine cli = Riskgate.commandLine();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(new StringWriter(), true));
    cli.setErr(new PrintWriter(err, true));
    int status = cli.execute(args);
    assertThat(status).as(err.toString()).isZero();
    return status;
  }

  @Test
  void rescore_givesTheSameAssessmentsWhateverTheThreadsAndBatches() throws IOException {
    Path in = dir.resolve("declarations.jsonl");
    run("generate", "--count", "10000", "--seed", "7", "--out", in.toString());

    // On two cores or more, one worker leaves its lines to the writer to format and two format
    // their own (Rescorer.workersFormat): both must write the same lines.
    List<String> reference = rescore(in, "1", "500");
    assertThat(reference).hasSize(10_000);
    assertThat(rescore(in, "1", "1")).isEqualTo(reference);
    assertThat(rescore(in, "2", "1")).isEqualTo(reference);
    assertThat(rescore(in, "2", "500")).isEqualTo(reference);
  }

  @Test
  void charactersOutsideTheBasicPlane_areWrittenAsUtf8WhicheverThreadFormats() throws IOException {
    Path generated = dir.resolve("generated.jsonl");
    run("generate", "--count", "3", "--seed", "7", "--out", generated.toString());
    List<String> lines = Files.readAllLines(generated);
    // An emoji, and an unpaired surrogate escaped in the input JSON, in the declaration number that
    // every assessment line repeats.
    Path in = dir.resolve("unicode.jsonl");
    Files.write(in, List.of(lines.get(0).replaceFirst("\"number\":\"", "\"number\":\"\uD83D\uDE00-"),
        lines.get(1).replaceFirst("\"number\":\"", "\"number\":\"\\\\uD800-"), lines.get(2)));

    for (String threads : List.of("1", "2")) {
      List<String> out = rescore(in, threads, "500");
      assertThat(out.get(0)).as("%s threads", threads).contains("\"declarationNumber\":\"\uD83D\uDE00-")
          .doesNotContain("\\u");
      // What a text writer makes of an unpaired surrogate: a question mark.
      assertThat(out.get(1)).as("%s threads", threads).contains("\"declarationNumber\":\"?-");
    }
  }

  /** The assessments of a run, without the time each was made. */
  private List<String> rescore(Path in, String threads, String batch) throws IOException {
    Path out = dir.resolve("t" + threads + "-b" + batch + "/assessments.jsonl");
    run("rescore", "-q", "--in", in.toString(), "--out", out.toString(), "--threads", threads, "--batch", batch);
    return Files.readAllLines(out).stream()
        .map(line -> line.replaceAll("\"assessedAt\":\"[^\"]*\",?", ""))
        .toList();
  }
}
