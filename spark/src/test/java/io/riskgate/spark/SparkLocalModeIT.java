package io.riskgate.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local-mode command as docs/spark.md gives it, in a JVM of its own: the main class, the JVM
 * flags Spark needs on Java 17 (the build's {@code riskgate.spark.jvmFlags}, which the documented
 * Maven command passes too) and a class path with Spark on it, no Spark installation.
 */
class SparkLocalModeIT {

  @TempDir
  Path folder;

  @Test
  void theLocalCommandRescoresTheBundledSample() throws IOException, InterruptedException {
    Path out = folder.resolve("out");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(Arrays.asList(System.getProperty("riskgate.spark.jvmFlags").trim().split("\\s+")));
    command.addAll(List.of("-Dspark.master=local[2]", "-classpath", System.getProperty("java.class.path"),
        "io.riskgate.spark.SparkRescore",
        "--pack", Path.of("../rules/src/main/resources/riskgate/packs/vn-baseline").toString(),
        "--in", Path.of("../examples/src/main/resources/riskgate/samples/vn-sample.jsonl.gz").toString(),
        "--out", out.toString(), "--compression", "gzip"));
    Path log = folder.resolve("log.txt");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    String printed = Files.readString(log, StandardCharsets.UTF_8);

    assertThat(process.exitValue()).as(printed).isZero();
    assertThat(printed).contains("lines     3,000 = 3,000 assessed + 0 rejected", "wrote " + out)
        // Spark's INFO lines stay out of a local run's output.
        .doesNotContain(" INFO ");
    try (var parts = Files.list(out.resolve("assessments"))) {
      assertThat(parts.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("part-")))
          .isNotEmpty().allMatch(n -> n.endsWith(".json.gz") || n.endsWith(".txt.gz"));
    }
    assertThat(out.resolve("assessments.parquet")).isDirectory();
    assertThat(out.resolve("summary.json")).isRegularFile();
  }
}
