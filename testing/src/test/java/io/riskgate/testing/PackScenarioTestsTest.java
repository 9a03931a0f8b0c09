package io.riskgate.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riskgate.RulePack;
import io.riskgate.scenario.KitPacks;
import io.riskgate.RulePackException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** The harness itself, driven by hand: its dynamic tests are run here and their failures read. */
class PackScenarioTestsTest {

  private static PackScenarioTests harness(Path pack) {
    return new PackScenarioTests() {
      @Override
      protected RulePack pack() {
        return RulePack.fromDirectory(pack);
      }
    };
  }

  @Test
  void scenarios_oneTestPerFile_namedByFileAndDescription() {
    List<DynamicTest> tests = harness(KitPacks.KIT).scenarios().toList();
    assertThat(tests).hasSize(10);
    assertThat(tests).extracting(DynamicTest::getDisplayName)
        .contains("clean-green.json: A known compliant trader importing phones at the reference price: no criterion hits");
    assertThat(tests.get(0).getTestSourceUri()).hasValueSatisfying(uri ->
        assertThat(Path.of(uri)).isEqualTo(KitPacks.KIT.resolve("scenarios/appended-weapon.json").toAbsolutePath()));
  }

  @Test
  void scenarios_passingScenarios_runWithoutFailure() throws Throwable {
    for (DynamicTest test : harness(KitPacks.KIT).scenarios().toList()) {
      test.getExecutable().execute();
    }
  }

  @Test
  void scenarios_failingScenario_messageHasPathExpectedActualAndReasons(@TempDir Path dir) {
    Path pack = KitPacks.withScenarios(dir, "failing", "wrong-channel.json");
    DynamicTest test = only(harness(pack), "wrong-channel.json");
    assertThat(test.getDisplayName()).isEqualTo("wrong-channel.json: Expects RED where a high invoice value alone gives YELLOW");
    assertThatThrownBy(() -> test.getExecutable().execute())
        .isInstanceOfSatisfying(AssertionFailedError.class, e -> {
          assertThat(e.getExpected().getStringRepresentation()).isEqualTo("RED [K-VALUE]");
          assertThat(e.getActual().getStringRepresentation()).isEqualTo("YELLOW [K-VALUE]");
        })
        .hasMessageContaining(dir.resolve("scenarios/wrong-channel.json").toString())
        .hasMessageContaining("expected: RED [K-VALUE]")
        .hasMessageContaining("actual:   YELLOW [K-VALUE] (score 40, selection TARGETED)")
        .hasMessageContaining("channel: expected RED, actual YELLOW")
        .hasMessageContaining("K-VALUE +40: invoice value 20000 USD is above 10000 (rule \"High invoice value\")");
  }

  @Test
  void scenarios_wrongReason_messageNamesTheMissingFragment(@TempDir Path dir) {
    Path pack = KitPacks.withScenarios(dir, "failing", "wrong-reason.json");
    DynamicTest test = only(harness(pack), "wrong-reason.json");
    assertThatThrownBy(() -> test.getExecutable().execute())
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("no reason of K-VALUE contains \"above 50000\"")
        .hasMessageContaining("invoice value 20000 USD is above 10000");
  }

  @Test
  void scenarios_unreadableScenario_failsItsOwnTestWithTheLocation(@TempDir Path dir) {
    Path pack = KitPacks.withScenarios(dir, "broken", "unknown-channel.json");
    List<DynamicTest> tests = harness(pack).scenarios().toList();
    assertThat(tests).hasSize(11);
    DynamicTest test = only(harness(pack), "unknown-channel.json");
    assertThat(test.getDisplayName()).isEqualTo("unknown-channel.json");
    assertThatThrownBy(() -> test.getExecutable().execute())
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("scenario cannot be read: " + dir.resolve("scenarios/unknown-channel.json") + ":4:")
        .hasMessageContaining("expected one of GREEN, YELLOW, RED");
  }

  @Test
  void scenarios_packThatDoesNotCompile_failsTheFactoryWithLocatedErrors(@TempDir Path dir) throws Exception {
    KitPacks.copyTree(KitPacks.KIT, dir);
    Path drl = dir.resolve("rules/criteria.drl");
    Files.writeString(drl, Files.readString(drl).replace("header.invoiceValue.amount > 10000",
        "header.invoiceValue.amount >> 10000"));
    assertThatThrownBy(() -> harness(dir).scenarios())
        .isInstanceOf(RulePackException.class)
        .hasMessageContaining("rules/criteria.drl:");
  }

  private static DynamicTest only(PackScenarioTests harness, String fileName) {
    return harness.scenarios().filter(test -> test.getDisplayName().startsWith(fileName))
        .findFirst().orElseThrow();
  }
}
