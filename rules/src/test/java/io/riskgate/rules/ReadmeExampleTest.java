package io.riskgate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskgate.Assessment;
import io.riskgate.Hit;
import io.riskgate.RiskEngine;
import io.riskgate.RiskgateJson;
import io.riskgate.RulePack;
import io.riskgate.declaration.Declaration;
import io.riskgate.rules.sample.SampleGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Java example in the root README compiles, runs, and is the code below, line for line. */
class ReadmeExampleTest {
  private static final Path README = Path.of("../README.md");
  private static final Path SELF = Path.of("src/test/java/io/riskgate/rules/ReadmeExampleTest.java");

  @Test
  void readmeExample_runsAndPrintsTheChannelAndReasons() throws IOException {
    SampleGenerator generator = new SampleGenerator(7);
    String json = RiskgateJson.defaults().writeDeclaration(generator.next().declaration());
    List<Declaration> declarations = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      declarations.add(generator.next().declaration());
    }
    Path next = Files.createTempDirectory("vn-baseline-next");
    copyPack(next);
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      // README-EXAMPLE-START
      RiskEngine engine = RiskEngine.builder()
          .pack(RulePack.fromClasspath("riskgate/packs/vn-baseline"))  // or fromDirectory(Path)
          .build();                                  // compile once; thread-safe, share it

      Declaration declaration = RiskgateJson.defaults().readDeclaration(json);
      Assessment assessment = engine.assess(declaration);

      System.out.println(assessment.channel() + " score " + assessment.score()
          + " (" + assessment.selection() + ", pack " + assessment.pack() + ")");
      for (Hit hit : assessment.hits()) {
        System.out.println("  " + hit.code() + " " + hit.points() + ": " + hit.reason());
      }
      List<Assessment> batch = engine.assessAll(declarations);   // in order; one Drools session per batch
      engine.reload(RulePack.fromDirectory(next));  // atomic swap
      // README-EXAMPLE-END
      assertThat(batch).hasSize(100);
      assertThat(engine.pack().id()).isEqualTo("vn-baseline");
    } finally {
      System.setOut(stdout);
    }
    assertThat(printed.toString(StandardCharsets.UTF_8)).matches("(?s)(GREEN|YELLOW|RED) score -?\\d+ \\(\\w+, pack vn-baseline@.*");
  }

  @Test
  void readmeExample_isTheCodeThisTestRuns() throws IOException {
    String readme = Files.readString(README);
    Matcher block = Pattern.compile("<!-- README-EXAMPLE[^>]*-->\\s*```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
    assertThat(block.find()).as("README has the marked Java example").isTrue();
    String source = Files.readString(SELF);
    String tested = source.substring(source.indexOf("// README-EXAMPLE-START\n") + "// README-EXAMPLE-START\n".length(),
        source.indexOf("      // README-EXAMPLE-END"));
    assertThat(normalise(block.group(1)))
        .isEqualTo(normalise(tested.replace("RulePack.fromDirectory(next)",
            "RulePack.fromDirectory(Path.of(\"packs/vn-baseline-next\"))")));
  }

  private static String normalise(String code) {
    StringBuilder out = new StringBuilder();
    for (String line : code.split("\n")) {
      out.append(line.strip()).append('\n');
    }
    return out.toString().strip();
  }

  private static void copyPack(Path target) throws IOException {
    Path source = Path.of("src/main/resources/riskgate/packs/vn-baseline");
    try (var files = Files.walk(source)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path to = target.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(to);
        } else {
          Files.copy(file, to);
        }
      }
    }
  }
}
