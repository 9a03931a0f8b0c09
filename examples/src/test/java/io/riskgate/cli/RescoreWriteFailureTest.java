package io.riskgate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Outputs of a rescore run: the same bytes on every run, nothing renamed into place before every
 * output is written, a failed write named with its cause (exit 3), a killed run's leftovers named
 * and removed.
 */
class RescoreWriteFailureTest {
  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  /** Runs rescore with every output stream passed through {@code filter}. */
  private int run(StagedFile.StreamFilter filter, String... args) {
    CommandLine cli = Riskgate.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    ((RescoreCommand) cli.getSubcommands().get("rescore").getCommand()).streamFilter = filter;
    List<String> all = new ArrayList<>(List.of("rescore", "-q"));
    all.addAll(List.of(args));
    return cli.execute(all.toArray(String[]::new));
  }

  /** A stream that fails as a full disk does once {@code limit} bytes have reached it. */
  private static StagedFile.StreamFilter diskFullAfter(String fileName, long limit) {
    return (target, stream) -> !target.getFileName().toString().equals(fileName) ? stream
        : new FilterOutputStream(stream) {
          long written;

          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            written += len;
            if (written > limit) {
              throw new IOException("No space left on device");
            }
            out.write(b, off, len);
          }
        };
  }

  private List<String> filesIn(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    }
  }

  private Path input() throws IOException {
    List<String> lines = new ArrayList<>(TestData.lines(400, 5, true));
    lines.add(7, "{not json");
    lines.add("");
    return TestData.write(dir.resolve("in.jsonl"), lines);
  }

  private String pack() {
    return TestData.pack("gate").toString();
  }

  @Test
  void twoRunsWithTheSameArguments_writeTheSameBytes() throws IOException {
    Path in = input();
    for (String run : List.of("a", "b")) {
      assertThat(run(StagedFile.StreamFilter.NONE, "--pack", pack(), "--in", in.toString(), "--out",
          dir.resolve(run + "/out.jsonl").toString(), "--threads", run.equals("a") ? "1" : "3", "--batch",
          run.equals("a") ? "500" : "7")).as(err.toString()).isEqualTo(Riskgate.FAILURES);
    }

    assertThat(Files.readAllBytes(dir.resolve("b/out.jsonl"))).isEqualTo(Files.readAllBytes(dir.resolve("a/out.jsonl")));
    assertThat(Files.readAllBytes(dir.resolve("b/out.rejects.jsonl")))
        .isEqualTo(Files.readAllBytes(dir.resolve("a/out.rejects.jsonl")));
    assertThat(Files.readString(dir.resolve("a/out.jsonl"))).doesNotContain("assessedAt");
  }

  @Test
  void summaryWriteFails_exitsThreeNamingTheFileAndRenamesNothing() throws IOException {
    Path in = input();
    Path older = Files.writeString(dir.resolve("out.jsonl"), "an older complete run\n");
    Path summary = dir.resolve("summary.txt");

    int status = run(diskFullAfter("summary.txt", 100), "--pack", pack(), "--in", in.toString(),
        "--out", older.toString(), "--summary", summary.toString());

    assertThat(status).as(err.toString()).isEqualTo(Riskgate.INCOMPLETE);
    assertThat(err.toString()).hasLineCount(1).contains(summary.toString()).contains("No space left on device")
        .doesNotContain("Exception");
    assertThat(older).hasContent("an older complete run");
    assertThat(filesIn(dir)).containsExactly("in.jsonl", "out.jsonl");
  }

  @Test
  void assessmentsWriteFailsMidRun_exitsThreeAndLeavesNoOutput() throws IOException {
    Path in = input();

    int status = run(diskFullAfter("out.jsonl", 20_000), "--pack", pack(), "--in", in.toString(),
        "--out", dir.resolve("out.jsonl").toString(), "--batch", "10");

    assertThat(status).as(err.toString()).isEqualTo(Riskgate.INCOMPLETE);
    assertThat(err.toString()).hasLineCount(1).contains(dir.resolve("out.jsonl").toString())
        .contains("No space left on device");
    assertThat(filesIn(dir)).containsExactly("in.jsonl");
  }

  @Test
  void aKilledRunsLeftovers_areNamedAndRemovedByTheNextRun() throws IOException {
    Path in = input();
    Path outFile = dir.resolve("out.jsonl");
    Files.writeString(dir.resolve(".out.jsonl.part"), "{\"declarationNumber\":\"1\",\"chan");
    Files.writeString(dir.resolve(".out.rejects.jsonl.part"), "");
    Files.writeString(dir.resolve(".out.jsonl.journal"), "riskgate-rescore-journal 1 in=x\ncheckpoint 1 2 0\n");

    int status = run(StagedFile.StreamFilter.NONE, "--pack", pack(), "--in", in.toString(), "--out", outFile.toString());

    assertThat(status).as(err.toString()).isEqualTo(Riskgate.FAILURES);
    assertThat(err.toString()).contains("removed the leftovers of an interrupted run")
        .contains(".out.jsonl.part").contains(".out.jsonl.journal");
    assertThat(filesIn(dir)).containsExactly("in.jsonl", "out.jsonl", "out.rejects.jsonl");
  }

  @Test
  void resume_withNothingToResume_isRefused() throws IOException {
    Path in = input();

    int status = run(StagedFile.StreamFilter.NONE, "--pack", pack(), "--in", in.toString(), "--out",
        dir.resolve("out.jsonl").toString(), "--resume");

    assertThat(status).isEqualTo(Riskgate.USAGE);
    assertThat(err.toString()).hasLineCount(1).contains("no interrupted run to resume");
    assertThat(filesIn(dir)).containsExactly("in.jsonl");
  }

  @Test
  void resume_ofAGzipOutput_isRefused() throws IOException {
    Path in = input();

    int status = run(StagedFile.StreamFilter.NONE, "--pack", pack(), "--in", in.toString(), "--out",
        dir.resolve("out.jsonl.gz").toString(), "--resume");

    assertThat(status).isEqualTo(Riskgate.USAGE);
    assertThat(err.toString()).contains("--resume needs");
  }

  /** A real full disk: a 1 MB tmpfs, where the machine lets the test mount one (root on Linux). */
  @Test
  void aRealFullDisk_exitsThreeNamingTheFileAndLeavesNoOutput() throws Exception {
    Path small = Files.createDirectory(dir.resolve("small"));
    assumeThat(command("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", small.toString()))
        .as("mounting a tmpfs needs root").isZero();
    try {
      Path in = TestData.write(dir.resolve("in.jsonl"), TestData.lines(3_000, 9, false));

      int status = run(StagedFile.StreamFilter.NONE, "--pack", pack(), "--in", in.toString(),
          "--out", small.resolve("out.jsonl").toString());

      assertThat(status).as(err.toString()).isEqualTo(Riskgate.INCOMPLETE);
      assertThat(err.toString()).hasLineCount(1).contains(small.resolve("out.jsonl").toString())
          .contains("No space left on device");
      assertThat(filesIn(small)).isEmpty();
    } finally {
      command("umount", small.toString());
    }
  }

  private static int command(String... command) throws IOException, InterruptedException {
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      return -1;
    }
    return process.waitFor(1, TimeUnit.MINUTES) ? process.exitValue() : -1;
  }
}
