package io.riskgate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskgate.RulePack;
import io.riskgate.scenario.PackValidation;
import io.riskgate.scenario.ScenarioResult;
import io.riskgate.scenario.Scenarios;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worked example of docs/rule-authoring.md works as written: its files, taken from the guide
 * itself (each code block preceded by {@code <!-- file: path -->}), are added to a copy of
 * vn-baseline, and validation gives what the guide says it gives.
 */
class RuleAuthoringGuideTest {
  private static final Path GUIDE = Path.of("../docs/rule-authoring.md");
  private static final Pattern FILE_BLOCK =
      Pattern.compile("<!-- file: (\\S+) -->\\s*\\n```[a-z]*\\n(.*?)\\n```", Pattern.DOTALL);

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  @Test
  void workedExample_asWritten_validatesWithStatus0AndTheNewCriterionFires(@TempDir Path pack) throws IOException {
    Map<String, String> files = exampleFiles();
    assertThat(files).containsOnlyKeys(
        "rules/descriptions.drl", "scenarios/dsc-01-fires.json", "scenarios/dsc-01-near-miss.json");
    apply(pack, files);

    int status = PackValidation.validate(pack, out);

    assertThat(status).as(output()).isZero();
    assertThat(output()).containsPattern("vn-baseline@\\S+: (\\d+) scenarios, \\1 passed, 0 failed");
    ScenarioResult fires = Scenarios.of(RulePack.fromDirectory(pack)).run("scenarios/dsc-01-fires.json");
    assertThat(fires.actualCodes()).containsExactly("DSC-01");
    assertThat(fires.hits()).singleElement().satisfies(hit -> {
      assertThat(hit.points()).isEqualTo(15);
      assertThat(hit.reason()).isEqualTo("item 1 (HS 39269099) is described only as 'Spare parts': "
          + "the goods cannot be identified from the declaration");
    });
  }

  @Test
  void workedExample_withoutTheRule_theFiringScenarioFails(@TempDir Path pack) throws IOException {
    Map<String, String> files = exampleFiles();
    files.remove("rules/descriptions.drl");
    apply(pack, files);

    assertThat(PackValidation.validate(pack, out)).isEqualTo(PackValidation.SCENARIOS_FAILED);
    assertThat(output()).contains("FAIL " + pack.resolve("scenarios/dsc-01-fires.json"))
        .contains("expected codes that did not hit: DSC-01");
  }

  @Test
  void workedExample_patternEndingInDotStar_failsTheNearMissAsTheGuideShows(@TempDir Path pack) throws IOException {
    Map<String, String> files = exampleFiles();
    files.computeIfPresent("rules/descriptions.drl", (path, drl) -> drl.replace("merchandise)\\\\s*\"", "merchandise).*\""));
    assertThat(files.get("rules/descriptions.drl")).contains("merchandise).*\"");
    apply(pack, files);

    assertThat(PackValidation.validate(pack, out)).isEqualTo(1);
    assertThat(output())
        .contains("FAIL " + pack.resolve("scenarios/dsc-01-near-miss.json")
            + ": 'Spare parts for air conditioners' says what the goods are: no hit")
        .contains("  expected: GREEN []")
        .contains("  actual:   GREEN [DSC-01] (score 15, selection NONE)")
        .contains("  codes that hit but are not expected: DSC-01")
        .contains("    DSC-01 +15: item 1 (HS 39269099) is described only as 'Spare parts for air conditioners': ")
        .doesNotContain("FAIL " + pack.resolve("scenarios/dsc-01-fires.json"));
  }

  @Test
  void workedExample_typoInTheRule_givesStatus2AndTheFileLocation(@TempDir Path pack) throws IOException {
    Map<String, String> files = exampleFiles();
    files.computeIfPresent("rules/descriptions.drl", (path, drl) -> drl.replace("description matches", "descripton matches"));
    assertThat(files.get("rules/descriptions.drl")).as("the typo went in").contains("descripton matches");
    apply(pack, files);

    assertThat(PackValidation.validate(pack, out)).isEqualTo(2);
    assertThat(output()).containsPattern(Pattern.quote(pack.resolve("rules/descriptions.drl").toString()) + ":\\d+:\\d+: ");
  }

  private String output() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static Map<String, String> exampleFiles() throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    Matcher matcher = FILE_BLOCK.matcher(Files.readString(GUIDE));
    while (matcher.find()) {
      files.put(matcher.group(1), matcher.group(2) + "\n");
    }
    return files;
  }

  /** A copy of vn-baseline in {@code target}, with the example's files added. */
  static void apply(Path target, Map<String, String> files) throws IOException {
    Path source = VnBaselineScenariosTest.PACK;
    try (Stream<Path> paths = Files.walk(source)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        Path copy = target.resolve(source.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(path, copy, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    for (Map.Entry<String, String> file : files.entrySet()) {
      Files.writeString(target.resolve(file.getKey()), file.getValue());
    }
  }
}
