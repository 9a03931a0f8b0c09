package io.riskgate.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riskgate.Channel;
import io.riskgate.RulePack;
import io.riskgate.Selection;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenariosTest {
  private static final Scenarios KIT = Scenarios.of(RulePack.fromDirectory(KitPacks.KIT));

  @Test
  void paths_listsTopLevelJsonFilesOnly_notBaseDeclarations() {
    assertThat(KIT.paths())
        .hasSize(10)
        .contains("scenarios/clean-green.json", "scenarios/value-yellow.json")
        .allMatch(path -> path.startsWith("scenarios/") && path.indexOf('/', "scenarios/".length()) < 0)
        .isSorted();
  }

  @Test
  void runAll_kitPack_everyScenarioPasses() {
    List<ScenarioResult> results = KIT.runAll();
    assertThat(results).hasSize(10);
    assertThat(results).allSatisfy(result -> assertThat(result.passed()).as(result.report()).isTrue());
  }

  @Test
  void load_patchAtItem_changesThatItemOnly() {
    Scenario scenario = KIT.load("scenarios/price-below-reference.json");
    assertThat(scenario.declaration().items()).singleElement().satisfies(item -> {
      assertThat(item.customsValue().amount()).isEqualByComparingTo("500");
      assertThat(item.customsValue().currencyCode()).isEqualTo("USD");   // merged, not replaced
      assertThat(item.hsCode()).isEqualTo("85171300");
    });
    assertThat(scenario.file()).isEqualTo(KitPacks.KIT.resolve("scenarios/price-below-reference.json").toString());
    assertThat(scenario.fileName()).isEqualTo("price-below-reference.json");
  }

  @Test
  void load_patchAtItemsDash_appendsAnItem() {
    Scenario scenario = KIT.load("scenarios/appended-weapon.json");
    assertThat(scenario.declaration().items()).hasSize(2);
    assertThat(scenario.declaration().items().get(1).hsCode()).isEqualTo("93020000");
  }

  @Test
  void load_rootMergePatch_keepsSiblingFields() {
    Scenario scenario = KIT.load("scenarios/value-yellow.json");
    assertThat(scenario.declaration().header().invoiceValue().amount()).isEqualByComparingTo("20000");
    assertThat(scenario.declaration().header().traderTaxId()).isEqualTo("0101234567");
    assertThat(scenario.expected().reasons()).containsKey("K-VALUE");
  }

  @Test
  void run_referenceOverride_appliesToItsScenarioOnly() {
    ScenarioResult overridden = KIT.run("scenarios/trader-override.json");
    ScenarioResult plain = KIT.run("scenarios/clean-green.json");
    assertThat(overridden.actualCodes()).containsExactly("K-TRADER");
    assertThat(plain.actualCodes()).isEmpty();
    assertThat(plain.actualChannel()).isEqualTo(Channel.GREEN);
    assertThat(plain.selection()).isEqualTo(Selection.NONE);
  }

  @Test
  void run_priceOverride_takesPrecedenceOverThePacksPrice() {
    ScenarioResult packPrice = KIT.run("scenarios/price-below-reference.json");
    ScenarioResult scenarioPrice = KIT.run("scenarios/price-override-near-miss.json");
    assertThat(packPrice.actualCodes()).containsExactly("K-PRICE");
    assertThat(scenarioPrice.actualCodes()).isEmpty();
  }

  @Test
  void run_wrongChannel_failsWithExpectedAndActualAndHits(@TempDir Path dir) {
    Scenarios scenarios = Scenarios.of(RulePack.fromDirectory(
        KitPacks.withScenarios(dir, "failing", "wrong-channel.json")));
    ScenarioResult result = scenarios.run("scenarios/wrong-channel.json");
    assertThat(result.passed()).isFalse();
    assertThat(result.expectedChannel()).isEqualTo(Channel.RED);
    assertThat(result.actualChannel()).isEqualTo(Channel.YELLOW);
    assertThat(result.expectedCodes()).containsExactly("K-VALUE");
    assertThat(result.actualCodes()).containsExactly("K-VALUE");
    assertThat(result.failures()).containsExactly("channel: expected RED, actual YELLOW");
    assertThat(result.report())
        .startsWith(dir.resolve("scenarios/wrong-channel.json") + ": Expects RED where")
        .contains("expected: RED [K-VALUE]")
        .contains("actual:   YELLOW [K-VALUE] (score 40, selection TARGETED)")
        .contains("K-VALUE +40: invoice value 20000 USD is above 10000 (rule \"High invoice value\")");
  }

  @Test
  void run_criterionOnTrial_isExpectedToHitButItsPointsDecideNothing(@TempDir Path dir) throws java.io.IOException {
    KitPacks.copyTree(KitPacks.KIT, dir);
    Path manifest = dir.resolve("pack.json");
    java.nio.file.Files.writeString(manifest, java.nio.file.Files.readString(manifest)
        .replace("\"seed\": 11", "\"seed\": 11,\n  \"trial\": [\"K-PRICE\"]"));
    java.nio.file.Files.writeString(dir.resolve("scenarios/price-on-trial.json"), """
        {
          "description": "Phones 75% below the reference hit K-PRICE, on trial: recorded, still GREEN",
          "basedOn": "base/import.json",
          "patches": [
            { "at": "/items/0", "merge": { "customsValue": { "amount": 500 } } }
          ],
          "expect": { "channel": "GREEN", "codes": ["K-PRICE"] }
        }
        """);
    Scenarios scenarios = Scenarios.of(RulePack.fromDirectory(dir));

    ScenarioResult onTrial = scenarios.run("scenarios/price-on-trial.json");
    ScenarioResult counted = scenarios.run("scenarios/price-below-reference.json");

    assertThat(onTrial.passed()).as(onTrial.report()).isTrue();
    assertThat(counted.passed()).isFalse();
    assertThat(counted.failures()).containsExactly("channel: expected YELLOW, actual GREEN");
    assertThat(counted.report()).containsPattern("K-PRICE \\+\\d+ \\(on trial, not counted\\): ");
  }

  @Test
  void run_wrongCodes_namesMissingAndUnexpectedCodes(@TempDir Path dir) {
    Scenarios scenarios = Scenarios.of(RulePack.fromDirectory(
        KitPacks.withScenarios(dir, "failing", "wrong-codes.json")));
    ScenarioResult result = scenarios.run("scenarios/wrong-codes.json");
    assertThat(result.passed()).isFalse();
    assertThat(result.failures()).containsExactly(
        "expected codes that did not hit: K-TRADER",
        "codes that hit but are not expected: K-VALUE");
  }

  @Test
  void run_reasonFragmentAbsent_failsOnThatFragmentOnly(@TempDir Path dir) {
    Scenarios scenarios = Scenarios.of(RulePack.fromDirectory(
        KitPacks.withScenarios(dir, "failing", "wrong-reason.json")));
    ScenarioResult result = scenarios.run("scenarios/wrong-reason.json");
    assertThat(result.passed()).isFalse();
    assertThat(result.failures()).containsExactly("no reason of K-VALUE contains \"above 50000\"");
  }

  @Test
  void load_misspeltField_isLocatedWithTheKnownFields(@TempDir Path dir) {
    Scenarios scenarios = broken(dir, "misspelt-field.json");
    assertThatThrownBy(() -> scenarios.load("scenarios/misspelt-field.json"))
        .isInstanceOf(ScenarioException.class)
        .hasMessageStartingWith(dir.resolve("scenarios/misspelt-field.json") + ":4:13:")
        .hasMessageContaining("at $.expcet: unknown field 'expcet' (known here: basedOn, declaration, description, expect, patches, referenceData)");
  }

  @Test
  void load_unknownChannel_namesTheChannels(@TempDir Path dir) {
    Scenarios scenarios = broken(dir, "unknown-channel.json");
    assertThatThrownBy(() -> scenarios.load("scenarios/unknown-channel.json"))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("unknown-channel.json:4:")
        .hasMessageEndingWith("at $.expect.channel: expected one of GREEN, YELLOW, RED");
  }

  @Test
  void load_badValueFromAPatch_isLocatedInThePatch(@TempDir Path dir) {
    Scenarios scenarios = broken(dir, "bad-hs-code-in-patch.json");
    assertThatThrownBy(() -> scenarios.load("scenarios/bad-hs-code-in-patch.json"))
        .isInstanceOf(ScenarioException.class)
        .satisfies(e -> {
          ScenarioException error = (ScenarioException) e;
          assertThat(error.file()).endsWith("bad-hs-code-in-patch.json");
          assertThat(error.line()).isEqualTo(5);
          assertThat(error.column()).isEqualTo(46);
          assertThat(error.jsonPath()).isEqualTo("$.patches[0].merge.hsCode");
        })
        .hasMessageContaining("hsCode must be an HS code of 6, 8 or 10 digits")
        .hasMessageContaining("(declaration at $.items[0].hsCode)");
  }

  @Test
  void load_missingValueInAnAppendedItem_isLocatedInTheAppendingPatch(@TempDir Path dir) {
    Scenarios scenarios = broken(dir, "appended-item-without-currency.json");
    assertThatThrownBy(() -> scenarios.load("scenarios/appended-item-without-currency.json"))
        .isInstanceOf(ScenarioException.class)
        .hasMessageStartingWith(dir.resolve("scenarios/appended-item-without-currency.json") + ":10:25:")
        .hasMessageContaining("at $.patches[0].merge.customsValue.currency: currency is required");
  }

  @Test
  void load_badValueInTheBaseDeclaration_isLocatedInTheBaseFile(@TempDir Path dir) {
    Scenarios scenarios = broken(dir, "bad-base.json");
    assertThatThrownBy(() -> scenarios.load("scenarios/bad-base.json"))
        .isInstanceOf(ScenarioException.class)
        .hasMessageStartingWith(dir.resolve("scenarios/base/bad-origin.json") + ":29:17:")
        .hasMessageContaining("at $.items[0].origin: origin must be an ISO 3166-1 alpha-2 country code");
  }

  @Test
  void load_baseThatIsMissingOrOutsideThePack_isRefused(@TempDir Path dir) {
    Scenarios scenarios = broken(dir, "missing-base.json", "escaping-base.json");
    assertThatThrownBy(() -> scenarios.load("scenarios/missing-base.json"))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("missing-base.json:3:")
        .hasMessageContaining("at $.basedOn: basedOn names no file in the pack");
    assertThatThrownBy(() -> scenarios.load("scenarios/escaping-base.json"))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("at $.basedOn: basedOn names no file in the pack");
  }

  @Test
  void load_invalidJson_givesTheParsersLineAndColumn(@TempDir Path dir) {
    Scenarios scenarios = broken(dir, "not-json.json");
    assertThatThrownBy(() -> scenarios.load("scenarios/not-json.json"))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("not-json.json:3:")
        .hasMessageContaining("Unexpected character (',' (code 44))");
  }

  @Test
  void load_duplicateKey_isRefusedWithItsLocation(@TempDir Path dir) {
    Scenarios scenarios = broken(dir, "duplicate-key.json");
    assertThatThrownBy(() -> scenarios.load("scenarios/duplicate-key.json"))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("duplicate-key.json:4:")
        .hasMessageContaining("Duplicate field 'channel'");
  }

  @Test
  void load_semanticMistakes_areLocated(@TempDir Path dir) {
    Scenarios scenarios = broken(dir, "reason-for-unexpected-code.json", "patch-at-nothing.json",
        "both-declaration-and-base.json", "duplicate-override-trader.json", "invalid-override-trader.json");
    assertThatThrownBy(() -> scenarios.load("scenarios/reason-for-unexpected-code.json"))
        .hasMessageContaining("reason-for-unexpected-code.json:4:")
        .hasMessageContaining("at $.expect.reasons.K-VALUE: reasons names K-VALUE, which is not in expect.codes");
    assertThatThrownBy(() -> scenarios.load("scenarios/patch-at-nothing.json"))
        .hasMessageContaining("patch-at-nothing.json:4:")
        .hasMessageContaining("at $.patches[0].at: at names nothing in the declaration");
    assertThatThrownBy(() -> scenarios.load("scenarios/both-declaration-and-base.json"))
        .hasMessageContaining("at $.basedOn: give either a declaration (inline) or basedOn")
        .hasMessageContaining("not both");
    assertThatThrownBy(() -> scenarios.load("scenarios/duplicate-override-trader.json"))
        .hasMessageContaining("at $.referenceData.traders: trader tax id 0101234567 appears twice");
    assertThatThrownBy(() -> scenarios.load("scenarios/invalid-override-trader.json"))
        .hasMessageContaining("invalid-override-trader.json:6:")
        .hasMessageContaining("at $.referenceData.traders[0]: complianceLevel must be 1 to 5, was 7");
  }

  @Test
  void run_unreadableFile_givesAFailedResultWithTheLocatedError(@TempDir Path dir) {
    Scenarios scenarios = broken(dir, "unknown-channel.json");
    ScenarioResult result = scenarios.run("scenarios/unknown-channel.json");
    assertThat(result.passed()).isFalse();
    assertThat(result.actualChannel()).isNull();
    assertThat(result.failures()).singleElement().asString()
        .contains("unknown-channel.json:4:").contains("expected one of GREEN, YELLOW, RED");
    assertThat(result.report()).contains("expected one of GREEN, YELLOW, RED");
  }

  @Test
  void fromClasspath_scenarioFilesAreNamedByTheirClasspathLocation() {
    Scenarios scenarios = Scenarios.of(RulePack.fromClasspath("packs/scenario-kit"));
    ScenarioResult result = scenarios.run("scenarios/clean-green.json");
    assertThat(result.passed()).isTrue();
    assertThat(result.file()).isEqualTo("classpath:packs/scenario-kit/scenarios/clean-green.json");
  }

  private static Scenarios broken(Path dir, String... files) {
    return Scenarios.of(RulePack.fromDirectory(KitPacks.withScenarios(dir, "broken", files)));
  }
}
