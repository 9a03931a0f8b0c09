package io.riskgate.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.riskgate.Criterion;
import io.riskgate.RiskEngine;
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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The decision table example of docs/rule-authoring.md (section 10) works as written: its files,
 * taken from the guide (each code block preceded by {@code <!-- table example: path -->}), are
 * added to a copy of vn-baseline, and validation gives what the guide says.
 */
class DecisionTableGuideTest {
  private static final Path GUIDE = Path.of("../docs/rule-authoring.md");
  private static final Pattern TABLE_BLOCK =
      Pattern.compile("<!-- table example: (\\S+) -->\\s*\\n```[a-z]*\\n(.*?)\\n```", Pattern.DOTALL);
  private static final String TABLE = "rules/office-procedure.csv";

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  @Test
  void example_asWritten_validatesWithStatus0_andItsRowsAreCriteria(@TempDir Path pack) throws IOException {
    Map<String, String> files = exampleFiles();
    assertThat(files).containsOnlyKeys(TABLE, "scenarios/oxp-01-fires.json", "scenarios/oxp-01-near-miss.json",
        "scenarios/oxp-02-fires.json", "scenarios/oxp-02-near-miss.json");
    RuleAuthoringGuideTest.apply(pack, files);

    int status = PackValidation.validate(pack, out);

    assertThat(status).as(output()).isZero();
    assertThat(RiskEngine.builder().pack(RulePack.fromDirectory(pack)).build().criteria())
        .filteredOn(criterion -> criterion.path().equals(TABLE))
        .extracting(Criterion::code, Criterion::rule, Criterion::line, Criterion::column)
        .containsExactly(tuple("OXP-01", "Processing imports at Hai Phong port", 10, 1),
            tuple("OXP-02", "Export processing imports at Hai Phong port", 11, 1));
    ScenarioResult fires = Scenarios.of(RulePack.fromDirectory(pack)).run("scenarios/oxp-01-fires.json");
    assertThat(fires.hits()).singleElement().satisfies(hit -> {
      assertThat(hit.points()).isEqualTo(25);
      assertThat(hit.reason()).isEqualTo("procedure E31 at office 03CE is on the office x procedure table");
    });
  }

  @Test
  void example_withAMisspeltHeader_givesStatus2AtTheHeaderCell(@TempDir Path pack) throws IOException {
    Map<String, String> files = exampleFiles();
    files.computeIfPresent(TABLE, (path, csv) -> csv.replace("CONDITION,CONDITION", "CONDITION,CONDITON"));
    assertThat(files.get(TABLE)).as("the typo went in").contains("CONDITON");
    RuleAuthoringGuideTest.apply(pack, files);

    assertThat(PackValidation.validate(pack, out)).isEqualTo(PackValidation.PACK_DOES_NOT_LOAD);
    assertThat(output()).contains(pack.resolve(TABLE) + ":6:4: cell D6: unknown column header 'CONDITON'"
        + " (did you mean CONDITION?)");
  }

  @Test
  void example_withoutItsNearMiss_isAnUncoveredRowLocatedAtItsRow(@TempDir Path pack) throws IOException {
    Map<String, String> files = exampleFiles();
    files.remove("scenarios/oxp-02-near-miss.json");
    RuleAuthoringGuideTest.apply(pack, files);

    assertThat(PackValidation.validate(pack, out)).isEqualTo(PackValidation.SCENARIOS_FAILED);
    assertThat(output()).contains(pack.resolve(TABLE) + ":11:1: criterion OXP-02");
  }

  private String output() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static Map<String, String> exampleFiles() throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    Matcher matcher = TABLE_BLOCK.matcher(Files.readString(GUIDE));
    while (matcher.find()) {
      files.put(matcher.group(1), matcher.group(2) + "\n");
    }
    return files;
  }
}
