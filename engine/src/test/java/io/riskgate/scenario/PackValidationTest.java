package io.riskgate.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskgate.Criterion;
import io.riskgate.RulePack;
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

  private static final String[] NEAR_MISSES = {"k-arms-near-miss.json", "k-hs-near-miss.json",
      "k-price-near-miss.json", "k-trader-near-miss.json", "k-value-near-miss.json", "k-watch-near-miss.json"};

  @Test
  void validate_goodPack_returns0WithASummary(@TempDir Path dir) {
    KitPacks.withScenarios(dir, "near-misses", NEAR_MISSES);
    int status = PackValidation.validate(dir, out);
    assertThat(status).as(output()).isEqualTo(PackValidation.OK).isZero();
    assertThat(output()).isEqualTo("scenario-kit@1.0.0: 16 scenarios, 16 passed, 0 failed" + System.lineSeparator());
  }

  @Test
  void validate_packWithACriterionOnTrial_namesItAndFailsTheScenarioThatCountedIt(@TempDir Path dir) throws Exception {
    KitPacks.withScenarios(dir, "near-misses", NEAR_MISSES);
    Path manifest = dir.resolve("pack.json");
    java.nio.file.Files.writeString(manifest, java.nio.file.Files.readString(manifest)
        .replace("\"seed\": 11", "\"seed\": 11,\n  \"trial\": [\"K-PRICE\"]"));

    int status = PackValidation.validate(dir, out);

    assertThat(status).as(output()).isEqualTo(PackValidation.SCENARIOS_FAILED);
    assertThat(output())
        .contains("scenario-kit@1.0.0: on trial (hits recorded and expected, points and minimum channels not counted): K-PRICE"
            + System.lineSeparator() + "scenario-kit@1.0.0: 16 scenarios, 15 passed, 1 failed")
        .contains("channel: expected YELLOW, actual GREEN")
        .contains("(on trial, not counted)");
  }

  @Test
  void validate_criteriaWithoutANearMissOrAHit_returns1ListingEachAtItsRule(@TempDir Path dir) throws Exception {
    KitPacks.withScenarios(dir, "near-misses", NEAR_MISSES);
    Files.delete(dir.resolve("scenarios/k-watch-near-miss.json"));
    Files.delete(dir.resolve("scenarios/watchlist-override.json"));
    Files.delete(dir.resolve("scenarios/k-hs-near-miss.json"));
    // A near miss that expects its criterion to hit is no near miss.
    Files.writeString(dir.resolve("scenarios/k-value-near-miss-2.json"),
        Files.readString(dir.resolve("scenarios/value-yellow.json")));

    int status = PackValidation.validate(dir, out);

    assertThat(status).isEqualTo(PackValidation.SCENARIOS_FAILED);
    Path drl = dir.resolve("rules/criteria.drl");
    assertThat(output().lines()).containsExactly(
        drl + ":60:6: criterion K-HS (rule \"Price-risk goods\") has no near miss"
            + " (scenarios/k-hs-near-miss*.json, where it does not hit)",
        drl + ":18:6: criterion K-VALUE (rule \"High invoice value\") is expected to hit in its near miss"
            + " k-value-near-miss-2.json: a near miss is a scenario where it does not",
        drl + ":37:6: criterion K-WATCH (rule \"Watchlisted company\") has no scenario where it hits and no"
            + " near miss (scenarios/k-watch-near-miss*.json, where it does not hit)",
        "scenario-kit@1.0.0: 14 scenarios, 14 passed, 0 failed; 3 of 6 criteria not covered (each needs a"
            + " scenario where it hits and a near miss)");
  }

  @Test
  void coverageGaps_ofTheKitAsShipped_nameEveryCriterionButThePriceWithoutANearMiss() {
    Scenarios kit = Scenarios.of(RulePack.fromDirectory(KitPacks.KIT));
    assertThat(kit.criteria()).extracting(Criterion::code)
        .containsExactly("K-ARMS", "K-HS", "K-PRICE", "K-TRADER", "K-VALUE", "K-WATCH");
    assertThat(kit.coverageGaps()).extracting(gap -> gap.criterion().code() + " " + gap.missing())
        .containsExactly(
            "K-ARMS has no near miss (scenarios/k-arms-near-miss*.json, where it does not hit)",
            "K-HS has no near miss (scenarios/k-hs-near-miss*.json, where it does not hit)",
            "K-PRICE has no near miss (scenarios/k-price-near-miss*.json, where it does not hit)",
            "K-TRADER has no near miss (scenarios/k-trader-near-miss*.json, where it does not hit)",
            "K-VALUE has no near miss (scenarios/k-value-near-miss*.json, where it does not hit)",
            "K-WATCH has no near miss (scenarios/k-watch-near-miss*.json, where it does not hit)");
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
        .endsWith("scenario-kit@1.0.0: 13 scenarios, 10 passed, 3 failed; 6 of 6 criteria not covered"
            + " (each needs a scenario where it hits and a near miss)" + System.lineSeparator());
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
  void validate_packWithoutScenarios_returns1ListingItsCriteria() {
    Path basic = Path.of("src/test/resources/packs/basic");
    int status = PackValidation.validate(basic, out);
    assertThat(status).isEqualTo(PackValidation.SCENARIOS_FAILED);
    assertThat(output()).contains("basic@1.0.0: compiles and its data loads; no scenarios in scenarios/")
        .contains(" criteria not covered")
        .containsPattern(java.util.regex.Pattern.quote(basic.resolve("rules").toString())
            + "/\\S+\\.drl:\\d+:\\d+: criterion \\S+ \\(rule \"[^\"]+\"\\) has no scenario where it hits and no near miss");
  }
}
