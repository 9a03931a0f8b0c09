package io.riskgate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The root README's Java example is a complete program that runs as written: this test takes the
 * block from the README itself, and runs it with Java's source launcher from the repository's
 * root, as the README tells a reader to.
 */
class ReadmeExampleTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @TempDir
  Path dir;

  @Test
  void readmeExample_compilesAndRunsAsWritten() throws IOException, InterruptedException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    Matcher block = Pattern.compile("<!-- README-EXAMPLE[^>]*-->.*?```java\\n(.*?)```", Pattern.DOTALL)
        .matcher(readme);
    assertThat(block.find()).as("README has the marked Java example").isTrue();
    Path program = Files.writeString(dir.resolve("QuickStart.java"), block.group(1));

    // The first JIT tier only: the child compiles the program and a pack once, too soon to gain from the second.
    Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), program.toString())
        .directory(ROOT.toFile())
        .redirectErrorStream(true)
        .start();
    String printed = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(java.waitFor(2, TimeUnit.MINUTES)).isTrue();

    assertThat(java.exitValue()).as(printed).isZero();
    assertThat(printed).as(printed)
        .containsPattern("(?m)^(GREEN|YELLOW|RED) score -?\\d+ \\(\\w+, pack vn-baseline@")
        .containsPattern("(?m)^104512345670 (GREEN|YELLOW|RED)$")
        .containsPattern("(?m)^305512345671 (GREEN|YELLOW|RED)$");
  }
}
