package io.riskgate;

import static io.riskgate.TestDeclarations.declaration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riskgate.declaration.Declaration;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class FailClosedTest {
  private static final RulePack FAULTY = RulePack.fromDirectory(TestDeclarations.pack("faulty"));
  private static final RiskEngine ENGINE = RiskEngine.builder().pack(FAULTY).maxFiringsPerDeclaration(50).build();

  @Test
  void throwingRule_failsThatDeclarationClosedWithTheRuleAndCause() {
    Assessment a = ENGINE.assess(declaration("D-THROW").build());
    assertThat(a.channel()).isEqualTo(Channel.RED);
    assertThat(a.selection()).isEqualTo(Selection.FAIL_CLOSED);
    assertThat(a.failedClosed()).isTrue();
    assertThat(a.hits()).singleElement().satisfies(hit -> {
      assertThat(hit.code()).isEqualTo(Hit.ENGINE_ERROR);
      assertThat(hit.rule()).isEqualTo("Divides by zero");
      assertThat(hit.minimumChannel()).isEqualTo(Channel.RED);
      assertThat(hit.reason()).contains("Divides by zero").contains("ArithmeticException");
    });
  }

  @Test
  void loopingRule_isStoppedAndFailsClosed() {
    Assessment a = ENGINE.assess(declaration("D-LOOP").build());
    assertThat(a.channel()).isEqualTo(Channel.RED);
    assertThat(a.selection()).isEqualTo(Selection.FAIL_CLOSED);
    assertThat(a.hits()).singleElement().satisfies(hit -> {
      assertThat(hit.rule()).isEqualTo("Loops");
      assertThat(hit.reason()).contains("fired more than 50 times").contains("maxFiringsPerDeclaration");
    });
  }

  @Test
  void loopingLineRule_isCountedAgainstItsDeclarationAndFailsItClosed() {
    List<Assessment> assessments = ENGINE.assessAll(List.of(
        declaration("D-1").invoice("9000").build(),
        declaration("D-SPIN").item("85171300").item("85171300").build(),
        declaration("D-3").invoice("100").build()));

    assertThat(assessments.get(1).selection()).isEqualTo(Selection.FAIL_CLOSED);
    assertThat(assessments.get(1).hits()).singleElement().satisfies(hit -> {
      assertThat(hit.rule()).isEqualTo("Spins on a line");
      // 50 for each of its two items.
      assertThat(hit.reason()).contains("fired more than 100 times");
    });
    assertThat(assessments.get(0).channel()).isEqualTo(Channel.YELLOW);
    assertThat(assessments.get(0).selection()).isNotEqualTo(Selection.FAIL_CLOSED);
    assertThat(assessments.get(2).selection()).isNotEqualTo(Selection.FAIL_CLOSED);
  }

  @Test
  void aLineCriterionOnEveryItem_isNoRunaway_theLimitIsPerItem() {
    RulePack basic = RulePack.fromDirectory(TestDeclarations.pack("basic"));
    RiskEngine engine = RiskEngine.builder().pack(basic).maxFiringsPerDeclaration(2).build();
    TestDeclarations many = declaration("D-MANY");
    for (int i = 0; i < 6; i++) {
      many.item("30049099");  // medicines: the licence criterion fires on each line
    }

    Assessment a = engine.assess(many.build());

    assertThat(a.failedClosed()).isFalse();
    assertThat(a.hits()).filteredOn(hit -> hit.code().equals("T-LICENCE")).hasSize(6);
  }

  @Test
  void failingDeclarations_leaveTheRestOfTheBatchUnaffected() {
    List<Declaration> batch = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      String suffix = i == 17 ? "-THROW" : i == 200 ? "-LOOP" : "";
      batch.add(declaration("D-" + i + suffix).invoice(i % 2 == 0 ? "9000" : "100").build());
    }
    List<Assessment> assessments = ENGINE.assessAll(batch);

    assertThat(assessments).hasSize(300);
    for (int i = 0; i < 300; i++) {
      Assessment a = assessments.get(i);
      assertThat(a.declarationNumber()).isEqualTo(batch.get(i).number());
      if (i == 17 || i == 200) {
        assertThat(a.selection()).isEqualTo(Selection.FAIL_CLOSED);
        assertThat(a.channel()).isEqualTo(Channel.RED);
      } else {
        Assessment alone = ENGINE.assess(batch.get(i));
        assertThat(EngineChannelsTest.withoutTime(a)).isEqualTo(EngineChannelsTest.withoutTime(alone));
        assertThat(a.channel()).isEqualTo(i % 2 == 0 ? Channel.YELLOW : Channel.GREEN);
      }
    }
  }

  @Test
  void throwingConditions_failTheirDeclarationsClosedAndLeaveTheRest() {
    List<Declaration> batch = List.of(declaration("D-1").invoice("9000").build(),
        declaration("D-COND").build(), declaration("D-INSERT").build(), declaration("D-4").build());
    List<Assessment> assessments = ENGINE.assessAll(batch);

    // A condition that throws on a declaration the engine inserted.
    assertThat(assessments.get(1).selection()).isEqualTo(Selection.FAIL_CLOSED);
    assertThat(assessments.get(1).channel()).isEqualTo(Channel.RED);
    assertThat(assessments.get(1).hits()).singleElement().satisfies(hit ->
        assertThat(hit.reason()).contains("evaluating the rules failed").contains("ArithmeticException"));
    // A condition that throws on a fact a rule inserted: Drools evaluates it inside that rule's
    // insert, so the failure names the inserting rule.
    assertThat(assessments.get(2).selection()).isEqualTo(Selection.FAIL_CLOSED);
    assertThat(assessments.get(2).channel()).isEqualTo(Channel.RED);
    assertThat(assessments.get(2).hits()).singleElement().satisfies(hit -> {
      assertThat(hit.rule()).isEqualTo("Inserts a number");
      assertThat(hit.reason()).contains("NumberFormatException");
    });
    for (int i : new int[] {0, 3}) {
      assertThat(EngineChannelsTest.withoutTime(assessments.get(i)))
          .isEqualTo(EngineChannelsTest.withoutTime(ENGINE.assess(batch.get(i))));
      assertThat(assessments.get(i).selection()).isNotEqualTo(Selection.FAIL_CLOSED);
    }
  }

  @Test
  void failureChannel_isConfigurableButNeverGreen() {
    RiskEngine yellow = RiskEngine.builder().pack(FAULTY).failureChannel(Channel.YELLOW).build();
    assertThat(yellow.assess(declaration("D-THROW").build()).channel()).isEqualTo(Channel.YELLOW);

    assertThatThrownBy(() -> RiskEngine.builder().failureChannel(Channel.GREEN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("never released GREEN");
  }

  @Test
  void tooManyItems_failsClosedWithoutRunningRules() {
    RiskEngine small = RiskEngine.builder().pack(FAULTY).maxItemsPerDeclaration(2).build();
    Assessment a = small.assess(declaration("D-BIG").item("85171300").item("85171300").item("85171300").build());
    assertThat(a.selection()).isEqualTo(Selection.FAIL_CLOSED);
    assertThat(a.hits().get(0).reason()).contains("3 items, more than the maximum 2");
  }

  @Test
  void builder_rejectsBadLimitsWithTheRule() {
    assertThatThrownBy(() -> RiskEngine.builder().maxFiringsPerDeclaration(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxFiringsPerDeclaration must be at least 1, was 0");
    assertThatThrownBy(() -> RiskEngine.builder().batchSize(200_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("between 1 and 100,000");
    assertThatThrownBy(() -> RiskEngine.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("a pack is required");
    assertThatThrownBy(() -> RiskEngine.builder().maxTimePerDeclaration(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxTimePerDeclaration must be between 1 ms and 1 hour, was 0 ms");
    assertThatThrownBy(() -> RiskEngine.builder().maxTimePerDeclaration(Duration.ofHours(2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxTimePerDeclaration must be between 1 ms and 1 hour, was 7,200,000 ms");
  }

  /** A declaration of the slow pack that its slow rule fires on once per item. */
  private static Declaration slow(String number, int items) {
    TestDeclarations slow = declaration(number);
    for (int i = 0; i < items; i++) {
      slow.item("85171300");
    }
    return slow.build();
  }

  @Test
  void slowRule_overTheTimeBudget_failsItsDeclarationClosedNamingTheRule_andTheBatchGoesOn() {
    // Each firing of the slow rule counts to 5 million; sixty of them are far over 100 ms.
    RiskEngine engine = RiskEngine.builder().pack(RulePack.fromDirectory(TestDeclarations.pack("slow")))
        .maxTimePerDeclaration(Duration.ofMillis(100)).build();
    List<Declaration> batch = List.of(declaration("D-1").invoice("9000").build(), slow("D-SLOW", 60),
        declaration("D-3").invoice("100").item("85171300").item("85171300").build());

    List<Assessment> assessments = engine.assessAll(batch);

    assertThat(assessments.get(1).selection()).isEqualTo(Selection.FAIL_CLOSED);
    assertThat(assessments.get(1).channel()).isEqualTo(Channel.RED);
    assertThat(assessments.get(1).hits()).singleElement().satisfies(hit -> {
      assertThat(hit.code()).isEqualTo(Hit.ENGINE_ERROR);
      assertThat(hit.rule()).isEqualTo("Slow on every line");
      assertThat(hit.reason()).isEqualTo("rules ran longer than 100 ms for this declaration (limit"
          + " maxTimePerDeclaration); rule 'Slow on every line' was firing when the time ran out");
    });
    assertThat(assessments.get(0).channel()).isEqualTo(Channel.YELLOW);
    assertThat(assessments.get(2).channel()).isEqualTo(Channel.GREEN);
    for (int i : new int[] {0, 2}) {
      assertThat(assessments.get(i).selection()).isNotEqualTo(Selection.FAIL_CLOSED);
      assertThat(EngineChannelsTest.withoutTime(assessments.get(i)))
          .isEqualTo(EngineChannelsTest.withoutTime(engine.assess(batch.get(i))));
    }
  }

  @Test
  void running_namesTheThreadTheDeclarationAndTheRuleOfASessionAtWork_andForgetsItWhenItEnds() throws Exception {
    RiskEngine engine = RiskEngine.builder().pack(RulePack.fromDirectory(TestDeclarations.pack("slow")))
        .maxTimePerDeclaration(Duration.ofHours(1)).build();
    Declaration slow = slow("D-SLOW", 5);
    Instant before = Instant.now();
    Thread[] worker = new Thread[1];
    CompletableFuture<Assessment> done = CompletableFuture.supplyAsync(() -> {
      worker[0] = Thread.currentThread();
      return engine.assess(slow);
    });

    // Five firings of milliseconds each: the rule is seen firing long before they end. The
    // snapshot reads fields as the engine writes them, the rule a moment before its declaration.
    RunningAssessment seen = null;
    while (seen == null && !done.isDone()) {
      seen = engine.running().stream().filter(r -> r.rule() != null && r.declaration() != null)
          .findFirst().orElse(null);
    }
    Assessment assessment = done.get();

    assertThat(seen).as("seen while firing").isNotNull();
    assertThat(seen.thread()).isSameAs(worker[0]);
    assertThat(seen.declarations()).containsExactly(slow);
    assertThat(seen.declaration()).isSameAs(slow);
    assertThat(seen.rule()).isEqualTo("Slow on every line");
    assertThat(seen.since()).isAfterOrEqualTo(before.minusSeconds(1));
    assertThat(seen.stalled().isNegative()).isFalse();
    assertThat(assessment.selection()).isNotEqualTo(Selection.FAIL_CLOSED);
    assertThat(engine.running()).isEmpty();
  }
}
