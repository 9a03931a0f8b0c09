package io.riskgate;

import static io.riskgate.TestDeclarations.declaration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Criteria on trial: recorded and reported, never counted. The pack is {@code basic} (T-VALUE 40,
 * T-GATE 35, T-ARMS at least RED, T-LICENCE 10 and at least YELLOW, T-AEO -60; YELLOW from 30,
 * RED from 70), with criteria put on trial by pack.json's {@code trial} list or by {@code @trial}.
 */
class TrialTest {
  @TempDir
  Path dir;

  /** A copy of basic with {@code manifestTail} added to pack.json and {@code @trial} on {@code drlTrial}. */
  private RiskEngine engine(String manifestTail, String randomRates, String... drlTrial) throws IOException {
    Path basic = TestDeclarations.pack("basic");
    Path pack = dir.resolve("pack-" + System.nanoTime());
    Files.createDirectories(pack.resolve("rules"));
    String manifest = Files.readString(basic.resolve("pack.json"));
    if (randomRates != null) {
      manifest = manifest.replace("\"randomRates\": { \"yellow\": 0, \"red\": 0 }", "\"randomRates\": " + randomRates);
    }
    if (!manifestTail.isEmpty()) {
      manifest = manifest.replace("\"seed\": 42", "\"seed\": 42,\n  " + manifestTail);
    }
    Files.writeString(pack.resolve("pack.json"), manifest);
    String drl = Files.readString(basic.resolve("rules/criteria.drl"));
    for (String code : drlTrial) {
      drl = drl.replace("@code(\"" + code + "\")", "@code(\"" + code + "\")\n  @trial");
    }
    Files.writeString(pack.resolve("rules/criteria.drl"), drl);
    return RiskEngine.builder().pack(RulePack.fromDirectory(pack)).build();
  }

  @Test
  void trialInPackJson_hitIsRecordedAndMarkedButNotCountedInScoreOrChannel() throws IOException {
    RiskEngine engine = engine("\"trial\": [\"T-VALUE\"]", null);

    Assessment a = engine.assess(declaration("D-1").invoice("20000").gate("RISKY-GATE").build());

    assertThat(a.score()).as("T-GATE's 35 only").isEqualTo(35);
    assertThat(a.channel()).isEqualTo(Channel.YELLOW);
    assertThat(a.selection()).isEqualTo(Selection.TARGETED);
    assertThat(a.hits()).extracting(Hit::code, Hit::points, Hit::trial)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("T-GATE", 35, false),
            org.assertj.core.groups.Tuple.tuple("T-VALUE", 40, true));
    assertThat(a.hasHit("T-VALUE")).isTrue();
    assertThat(a.trials()).containsExactly(new Assessment.Trial("T-VALUE", 75, Channel.RED));
  }

  @Test
  void onlyATrialHit_isReleasedGreenWithNoSelection() throws IOException {
    RiskEngine engine = engine("\"trial\": [\"T-VALUE\"]", null);

    Assessment a = engine.assess(declaration("D-2").invoice("20000").build());

    assertThat(a.channel()).isEqualTo(Channel.GREEN);
    assertThat(a.selection()).isEqualTo(Selection.NONE);
    assertThat(a.score()).isZero();
    assertThat(a.trials()).containsExactly(new Assessment.Trial("T-VALUE", 40, Channel.YELLOW));
  }

  @Test
  void trialAttributeInDrl_minimumChannelIsIgnored() throws IOException {
    RiskEngine engine = engine("", null, "T-ARMS");

    Assessment a = engine.assess(declaration("D-3").item("93020000").build());

    assertThat(a.channel()).as("T-ARMS's RED does not count").isEqualTo(Channel.GREEN);
    assertThat(a.selection()).isEqualTo(Selection.NONE);
    assertThat(a.hits()).singleElement().satisfies(hit -> {
      assertThat(hit.trial()).isTrue();
      assertThat(hit.minimumChannel()).isEqualTo(Channel.RED);
    });
    assertThat(a.trials()).containsExactly(new Assessment.Trial("T-ARMS", 0, Channel.RED));
  }

  @Test
  void trialFacilitation_doesNotLowerTheScore() throws IOException {
    RiskEngine engine = engine("\"trial\": [\"T-AEO\"]", null);

    Assessment a = engine.assess(declaration("D-4").trader("AEO0101").invoice("20000").gate("RISKY-GATE").build());

    assertThat(a.score()).isEqualTo(75);
    assertThat(a.channel()).isEqualTo(Channel.RED);
    assertThat(a.trials()).containsExactly(new Assessment.Trial("T-AEO", 15, Channel.GREEN));
  }

  @Test
  void severalCriteriaOnTrial_eachIsCountedAloneWhileTheOthersStayOnTrial() throws IOException {
    RiskEngine engine = engine("\"trial\": [\"T-VALUE\"]", null, "T-LICENCE");

    Assessment a = engine.assess(declaration("D-5").invoice("20000").gate("RISKY-GATE").item("30049099").build());

    assertThat(a.score()).isEqualTo(35);
    assertThat(a.channel()).isEqualTo(Channel.YELLOW);
    assertThat(a.trials()).containsExactly(new Assessment.Trial("T-LICENCE", 45, Channel.YELLOW),
        new Assessment.Trial("T-VALUE", 75, Channel.RED));
    assertThat(engine.criteria()).filteredOn(Criterion::trial).extracting(Criterion::code)
        .containsExactly("T-LICENCE", "T-VALUE");
  }

  @Test
  void randomSelection_isDrawnAsWithoutTrialAndRaisesTheChannelHadItCounted() throws IOException {
    String everyDeclarationYellow = "{ \"yellow\": 1, \"red\": 0 }";
    RiskEngine trial = engine("\"trial\": [\"T-VALUE\"]", everyDeclarationYellow);
    RiskEngine live = engine("", everyDeclarationYellow);

    Assessment a = trial.assess(declaration("D-6").item("93020000").build());
    Assessment b = trial.assess(declaration("D-7").invoice("20000").gate("RISKY-GATE").build());

    assertThat(a.channel()).isEqualTo(Channel.RED);
    assertThat(a.trials()).isEmpty();
    assertThat(b.channel()).isEqualTo(Channel.YELLOW);
    assertThat(b.selection()).as("the score of 35 is YELLOW on its own").isEqualTo(Selection.TARGETED);
    assertThat(b.trials()).containsExactly(new Assessment.Trial("T-VALUE", 75, Channel.RED));
    Assessment onlyTrial = trial.assess(declaration("D-8").invoice("20000").build());
    assertThat(onlyTrial.channel()).isEqualTo(Channel.YELLOW);
    assertThat(onlyTrial.selection()).as("only the draw selects it").isEqualTo(Selection.RANDOM);
    assertThat(live.assess(declaration("D-8").invoice("20000").build()).selection()).isEqualTo(Selection.TARGETED);
  }

  @Test
  void noCriterionOnTrial_assessmentsCarryNoTrialAndTheJsonNoTrialField() throws IOException {
    RiskEngine engine = engine("", null);

    Assessment a = engine.assess(declaration("D-9").invoice("20000").gate("RISKY-GATE").build());

    assertThat(a.score()).isEqualTo(75);
    assertThat(a.hits()).noneMatch(Hit::trial);
    assertThat(a.trials()).isEmpty();
    assertThat(engine.criteria()).noneMatch(Criterion::trial);
    assertThat(RiskgateJson.defaults().writeAssessment(a)).doesNotContain("trial");
  }

  @Test
  void json_marksTrialHitsAndTheirEffectAndReadsBackEqual() throws IOException {
    RiskEngine engine = engine("\"trial\": [\"T-VALUE\"]", null);
    Assessment a = engine.assess(declaration("D-10").invoice("20000").gate("RISKY-GATE").build());

    String json = RiskgateJson.defaults().writeAssessment(a);

    assertThat(json).contains("\"code\":\"T-VALUE\"", "\"trial\":true",
        "\"trials\":[{\"code\":\"T-VALUE\",\"score\":75,\"channel\":\"RED\"}]");
    assertThat(json.indexOf("\"trial\":")).as("only the trial hit carries the field")
        .isEqualTo(json.lastIndexOf("\"trial\":"));
    assertThat(RiskgateJson.defaults().readAssessment(json, 1)).isEqualTo(a);
  }

  @Test
  void json_anAssessmentWrittenBeforeTrialsExisted_readsWithNone() {
    String old = "{\"declarationNumber\":\"1\",\"channel\":\"YELLOW\",\"score\":40,\"hits\":[{\"code\":\"T-VALUE\","
        + "\"points\":40,\"reason\":\"r\",\"rule\":\"High invoice value\"}],\"selection\":\"TARGETED\","
        + "\"pack\":{\"id\":\"basic\",\"version\":\"1\",\"contentHash\":\"" + "0".repeat(64) + "\"},"
        + "\"engineVersion\":\"x\",\"assessedAt\":\"2026-01-01T00:00:00Z\"}";

    Assessment a = RiskgateJson.defaults().readAssessment(old, 1);

    assertThat(a.hits()).singleElement().extracting(Hit::trial).isEqualTo(false);
    assertThat(a.trials()).isEmpty();
  }

  @Test
  void trialListWithAnUnknownCode_isABuildErrorAtItsPlaceInPackJson() throws IOException {
    assertThatThrownBy(() -> engine("\"trial\": [\"T-GATE\", \"T-VALU\"]", null))
        .isInstanceOf(RulePackException.class)
        .hasMessageContaining("pack.json:8:23: trial lists 'T-VALU', which is not a criterion of the pack"
            + " (no rule has @code(\"T-VALU\")); did you mean 'T-VALUE'?");
  }

  @Test
  void trialListWithACodeTwice_isRefused() {
    assertThatThrownBy(() -> engine("\"trial\": [\"T-GATE\", \"T-GATE\"]", null))
        .isInstanceOf(RulePackException.class)
        .hasMessageContaining("pack.json:8:")
        .hasMessageContaining("trial lists 'T-GATE' twice");
  }

  @Test
  void trialAttributeWithAValueOtherThanTrue_isRefused() throws IOException {
    Path basic = TestDeclarations.pack("basic");
    Path pack = dir.resolve("false");
    Files.createDirectories(pack.resolve("rules"));
    Files.copy(basic.resolve("pack.json"), pack.resolve("pack.json"));
    Files.writeString(pack.resolve("rules/criteria.drl"), Files.readString(basic.resolve("rules/criteria.drl"))
        .replace("@code(\"T-GATE\")", "@code(\"T-GATE\")\n  @trial(false)"));

    assertThatThrownBy(() -> RiskEngine.builder().pack(RulePack.fromDirectory(pack)).build())
        .isInstanceOf(RulePackException.class)
        .hasMessageContaining("rule 'Risky border gate' has @trial(false); write @trial to put its criterion on trial");
  }

  @Test
  void assessAll_marksTrialHitsInEveryDeclarationOfABatch() throws IOException {
    RiskEngine engine = engine("\"trial\": [\"T-GATE\"]", null);

    List<Assessment> all = engine.assessAll(List.of(declaration("D-11").gate("RISKY-GATE").build(),
        declaration("D-12").invoice("20000").build(), declaration("D-13").gate("RISKY-GATE").invoice("20000").build()));

    assertThat(all).extracting(Assessment::channel).containsExactly(Channel.GREEN, Channel.YELLOW, Channel.YELLOW);
    assertThat(all).extracting(Assessment::trials).containsExactly(
        List.of(new Assessment.Trial("T-GATE", 35, Channel.YELLOW)), List.of(),
        List.of(new Assessment.Trial("T-GATE", 75, Channel.RED)));
  }
}
