package io.riskgate.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackValidationTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private String output() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void validate_goodPack_returns0WithASummary() {
    int status = PackValidation.validate(KitPacks.KIT, out);
    assertThat(status).isEqualTo(PackValidation.OK).isZero();
    assertThat(output()).isEqualTo("scenario-kit@1.0.0: 10 scenarios, 10 passed, 0 failed" + System.lineSeparator());
  }

  @Test
  void validate_failingAndUnreadableScenarios_returns1WithAFailLineEach(@TempDir Path dir) throws Exception {
    KitPacks.withScenarios(dir, "failing", "wrong-channel.json", "wrong-codes.json");
    KitPacks.copyTree(Path.of("src/test/resources/scenarios/broken/base"), dir.resolve("scenarios/base"));
    Files.copy(Path.of("src/test/resources/scenarios/broken/unknown-channel.json"),
        dir.resolve("scenarios/unknown-channel.json"));
    int status = PackValidation.validate(dir, out);
    assertThat(status).isEqualTo(PackValidation.SCENARIOS_FAILED).isEqualTo(1);
    assertThat(output())
        .contains("FAIL " + dir.resolve("scenarios/wrong-channel.json") + ": Expects RED where")
        .contains("channel: expected RED, actual YELLOW")
        .contains("FAIL " + dir.resolve("scenarios/wrong-codes.json"))
        .contains("expected codes that did not hit: K-TRADER")
        .contains("FAIL " + dir.resolve("scenarios/unknown-channel.json"))
        .contains(dir.resolve("scenarios/unknown-channel.json") + ":4:")
        .doesNotContain("FAIL " + dir.resolve("scenarios/clean-green.json"))
        .doesNotContain("Exception")
        .endsWith("scenario-kit@1.0.0: 13 scenarios, 10 passed, 3 failed" + System.lineSeparator());
  }

  @Test
  void validate_compileErrors_returns2WithPathLineColumnEach(@TempDir Path dir) throws Exception {
    KitPacks.copyTree(KitPacks.KIT, dir);
    Path drl = dir.resolve("rules/criteria.drl");
    Files.writeString(drl, Files.readString(drl)
        .replace("complianceLevel >= 4", "complianceLevel >= ")
        .replace("$i : Item( chapter == 93 )", "$i : Itemm( chapter == 93 )"));
    int status = PackValidation.validate(dir, out);
    assertThat(status).isEqualTo(PackValidation.PACK_DOES_NOT_LOAD).isEqualTo(2);
    assertThat(output().lines().toList())
        .allMatch(line -> line.matches(".+:\\d+:\\d+: .+") || line.startsWith("the pack in "))
        .anyMatch(line -> line.startsWith(dir.resolve("rules/criteria.drl") + ":"))
        .last().asString().startsWith("the pack in " + dir + " does not load (");
    assertThat(output()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void validate_badReferenceData_returns2WithTheDataFileLocated(@TempDir Path dir) throws Exception {
    KitPacks.copyTree(KitPacks.KIT, dir);
    Files.writeString(dir.resolve("data/traders.json"),
        "[\n  { \"taxId\": \"0104444444\", \"complianceLevel\": 9, \"registeredOn\": \"2015-03-01\" }\n]\n");
    int status = PackValidation.validate(dir, out);
    assertThat(status).isEqualTo(2);
    assertThat(output()).contains(dir.resolve("data/traders.json") + ":2:")
        .contains("complianceLevel must be 1 to 5");
  }

  @Test
  void validate_notAPack_returns2() {
    int status = PackValidation.validate(Path.of("src/test/resources/no-such-pack"), out);
    assertThat(status).isEqualTo(2);
    assertThat(output()).contains("no-such-pack:0:0: not a folder, or it cannot be read");
  }

  @Test
  void validate_packWithoutScenarios_returns0AndSaysSo() {
    int status = PackValidation.validate(Path.of("src/test/resources/packs/basic"), out);
    assertThat(status).isZero();
    assertThat(output()).contains("basic@1.0.0: compiles and its data loads; no scenarios in scenarios/");
  }
}
