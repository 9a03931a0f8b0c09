package io.riskgate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskgate.RiskEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Building a well-formed pack logs no warning: an integrator's log stays quiet by default. Runs the
 * build in a fresh JVM with SLF4J's simple provider at WARN, since Drools warns once per compile
 * and a pack cached by an earlier test in this JVM would not compile again.
 */
class QuietBuildTest {
  /** Builds vn-baseline; run in the child JVM. */
  public static void main(String[] args) {
    RiskEngine.builder().pack(VnBaseline.pack()).build();
    System.out.println("built");
  }

  @Test
  void buildingTheReferencePack_logsNoWarning() throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    // The first JIT tier only: the child compiles a pack once and exits, too soon to gain from the second.
    Process child = new ProcessBuilder(java.toString(), "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"),
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", QuietBuildTest.class.getName())
        .redirectErrorStream(true)
        .start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();

    List<String> warnings = output.lines().filter(line -> line.contains("WARN")).toList();
    assertThat(output).as(output).contains("built");
    assertThat(warnings).as("warnings while building vn-baseline").isEmpty();
  }
}
