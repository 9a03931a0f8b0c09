package io.riskgate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riskgate.Assessment;
import io.riskgate.PackVersion;
import io.riskgate.RiskEngine;
import io.riskgate.RulePack;
import io.riskgate.RulePackException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The corpus of broken packs, {@code src/test/resources/broken-packs/<case>/}: each a pack with one
 * thing wrong and an {@code expected.txt}:
 *
 * <pre>
 * # what is broken
 * exit 2
 * rules/case.drl:12:5 System | not allowed
 * </pre>
 *
 * <p>A problem in a decision table ({@code rules/*.xlsx}, {@code rules/*.csv}) is placed the same
 * way, with the spreadsheet row as the line and the column as a number (A is 1); its sheet and cell
 * begin the message, so a keyword checks them:
 *
 * <pre>
 * rules/gate-table.xlsx:11:5 sheet 'Gates', cell E11: | not allowed
 * </pre>
 *
 * <p>For every case, {@code riskgate validate <case>} exits with the status given, and its output
 * has, for each expectation line, a line that names the file and line (and column, if given) and
 * holds every keyword. A case that does not load (exit 2) is also reloaded into a running engine,
 * which must refuse it and keep serving, and assessing with, the pack it had.
 */
class BrokenPacksTest {
  private static final Path CORPUS = resource("broken-packs");
  private static final RiskEngine ENGINE = RiskEngine.builder()
      .pack(RulePack.fromDirectory(TestData.pack("gate"))).build();

  private record Expectation(String path, int line, int column, List<String> keywords) {}

  private record Case(Path dir, String comment, int exit, List<Expectation> expectations) {}

  @TestFactory
  Stream<DynamicTest> everyBrokenPack_isReportedAtItsPlaceAndRefusedByReload() throws IOException {
    List<Path> dirs;
    try (Stream<Path> list = Files.list(CORPUS)) {
      dirs = list.filter(Files::isDirectory).sorted().toList();
    }
    assertThat(dirs).as("cases in the corpus").hasSizeGreaterThanOrEqualTo(40);
    return dirs.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(read(dir))));
  }

  private static void check(Case broken) {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream out = System.out;
    int exit;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      exit = Riskgate.run("validate", broken.dir().toString());
    } finally {
      System.setOut(out);
    }
    String printed = captured.toString(StandardCharsets.UTF_8);
    assertThat(exit).as("exit status of validate for %s (%s); it printed:%n%s", broken.dir().getFileName(),
        broken.comment(), printed).isEqualTo(broken.exit());
    assertThat(printed).as("validate's output").doesNotContain("\tat ").doesNotContain("Exception:");
    List<String> lines = printed.lines().toList();
    for (Expectation expected : broken.expectations()) {
      String place = "/" + expected.path() + ":" + expected.line() + ":"
          + (expected.column() > 0 ? expected.column() + ":" : "");
      assertThat(lines).as("a line with %s and %s in:%n%s", place, expected.keywords(), printed)
          .anySatisfy(line -> {
            assertThat(line).contains(place);
            expected.keywords().forEach(keyword -> assertThat(line).contains(keyword));
          });
    }
    if (broken.exit() == 2) {
      PackVersion serving = ENGINE.pack();
      assertThatThrownBy(() -> ENGINE.reload(RulePack.fromDirectory(broken.dir())))
          .isInstanceOf(RulePackException.class);
      assertThat(ENGINE.pack()).isEqualTo(serving);
      Assessment assessment = ENGINE.assess(TestData.plain("BROKEN-PACKS-1"));
      assertThat(assessment.pack()).isEqualTo(serving);
    }
  }

  private static Case read(Path dir) {
    try {
      List<String> lines = Files.readAllLines(dir.resolve("expected.txt"), StandardCharsets.UTF_8);
      String comment = "";
      int exit = -1;
      List<Expectation> expectations = new ArrayList<>();
      for (String line : lines) {
        if (line.isBlank()) {
          continue;
        }
        if (line.startsWith("#")) {
          comment = line.substring(1).strip();
        } else if (line.startsWith("exit ")) {
          exit = Integer.parseInt(line.substring(5).strip());
        } else {
          int space = line.indexOf(' ');
          String[] place = (space < 0 ? line : line.substring(0, space)).split(":");
          List<String> keywords = space < 0 ? List.of()
              : Arrays.stream(line.substring(space + 1).split(" \\| ")).map(String::strip).toList();
          expectations.add(new Expectation(place[0], Integer.parseInt(place[1]),
              place.length > 2 ? Integer.parseInt(place[2]) : 0, keywords));
        }
      }
      assertThat(exit).as("'exit N' in %s/expected.txt", dir).isNotNegative();
      return new Case(dir, comment, exit, expectations);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path resource(String name) {
    try {
      return Path.of(BrokenPacksTest.class.getClassLoader().getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
