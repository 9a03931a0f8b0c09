package io.riskgate;

import static io.riskgate.TestDeclarations.declaration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hits that carry evidence: reasons as templates, filled when read, and evidence in the JSON. */
class EvidenceTest {
  private static final Path PACK = TestDeclarations.pack("evidence");
  private static final RiskEngine ENGINE = RiskEngine.builder().pack(RulePack.fromDirectory(PACK)).build();

  @Test
  void templatedHit_readsAsBefore_andCarriesItsValues() {
    Assessment a = ENGINE.assess(declaration("D-1").invoice("12345.678").build());

    Hit hit = a.hits().get(0);
    assertThat(hit.code()).isEqualTo("EV-VALUE");
    assertThat(hit.reason()).isEqualTo("invoice value 12,345.68 USD is above 10,000 (registered 2026-03-14T08:15:00Z)");
    assertThat(hit.evidence().names()).containsExactly("amount", "currency", "limit", "registeredAt", "gate");
    assertThat(hit.evidence().value("amount")).isEqualTo(new BigDecimal("12345.678"));
    assertThat(hit.evidence().value("registeredAt")).isEqualTo(Instant.parse("2026-03-14T08:15:00Z"));
  }

  @Test
  void hitsOfOneTemplate_areOrderedByTheirValues_notByTheirText() {
    TestDeclarations many = declaration("D-2").invoice("100");
    for (int i = 0; i < 11; i++) {
      many.item(i % 2 == 0 ? "30049099" : "85171300");
    }
    List<Object> items = new ArrayList<>();
    for (Hit hit : ENGINE.assess(many.build()).hits()) {
      items.add(hit.evidence().value("item"));
    }
    // As text, "item 11" would sort before "item 3".
    assertThat(items).containsExactly(1, 3, 5, 7, 9, 11);
  }

  @Test
  void evidence_isWrittenAsJsonFields_andReadBack() {
    Assessment a = ENGINE.assess(declaration("D-3").invoice("12345.678").item("30049099").build());
    RiskgateJson json = RiskgateJson.defaults();

    String written = json.writeAssessment(a);

    assertThat(written).contains("\"evidence\":{\"amount\":12345.678,\"currency\":\"USD\",\"limit\":10000,"
        + "\"registeredAt\":\"2026-03-14T08:15:00Z\",\"gate\":\"");
    assertThat(written).contains("\"evidence\":{\"item\":1,\"hs\":\"30049099\"}");
    Assessment read = json.readAssessment(written, 1);
    assertThat(read).isEqualTo(a);
    assertThat(read.hits()).extracting(Hit::reason).containsExactlyElementsOf(a.hits().stream().map(Hit::reason).toList());
    Hit value = read.hits().stream().filter(hit -> hit.code().equals("EV-VALUE")).findFirst().orElseThrow();
    assertThat(value.evidence().asMap()).containsEntry("amount", new BigDecimal("12345.678"))
        .containsEntry("limit", 10000).containsEntry("registeredAt", "2026-03-14T08:15:00Z");
    assertThat(json.writeAssessment(read)).isEqualTo(written);
  }

  @Test
  void plainReason_hasNoEvidence_andNoEvidenceField() {
    Assessment a = ENGINE.assess(declaration("D-4").invoice("100").gate("RISKY-GATE").build());
    assertThat(a.hits()).singleElement().satisfies(hit -> {
      assertThat(hit.reason()).isEqualTo("border gate RISKY-GATE is on the risk list");
      assertThat(hit.evidence().isEmpty()).isTrue();
    });
    assertThat(RiskgateJson.defaults().writeAssessment(a)).doesNotContain("\"evidence\":");
  }

  @Test
  void computedTemplateWithAPlaceholderWithoutValue_failsTheDeclarationClosed() {
    Assessment a = ENGINE.assess(declaration("D-5").invoice("100").gate("COMPUTED-GATE").build());
    assertThat(a.failedClosed()).isTrue();
    assertThat(a.channel()).isEqualTo(Channel.RED);
    assertThat(a.hits()).singleElement().satisfies(hit -> {
      assertThat(hit.rule()).isEqualTo("Computed template");
      assertThat(hit.reason()).contains("placeholder {gate} has no value").contains("the values given are gte");
    });
  }

  @Test
  void equality_isWhatTheOfficerReads_evidenceOnlyThroughTheReason() {
    Hit templated = Hit.withEvidence("C-1", 10, null, "item {item} is late", Evidence.of("item", 3, "days", 12),
        "rule", false);
    Hit plain = new Hit("C-1", 10, null, "item 3 is late", "rule");
    Hit sameValues = Hit.withEvidence("C-1", 10, null, "item {item} is late", Evidence.of("item", 3, "days", 12),
        "rule", false);
    Hit otherUnprintedValue = Hit.withEvidence("C-1", 10, null, "item {item} is late", Evidence.of("item", 3, "days", 9),
        "rule", false);
    Hit otherItem = Hit.withEvidence("C-1", 10, null, "item {item} is late", Evidence.of("item", 4), "rule", false);

    assertThat(templated).isEqualTo(plain).isEqualTo(sameValues).isEqualTo(otherUnprintedValue)
        .hasSameHashCodeAs(plain).isNotEqualTo(otherItem);
    assertThat(plain).isEqualTo(templated);
  }

  @Test
  void evidence_refusesWhatCannotPrint_andNamesGivenTwice() {
    assertThatThrownBy(() -> Evidence.of("trader", new Object()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("evidence \"trader\" is a Object");
    assertThatThrownBy(() -> Evidence.of("a", 1, "a", 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("evidence \"a\" is given twice");
    assertThatThrownBy(() -> Evidence.of("a", 1, "b"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the last name (\"b\") has no value");
    assertThatThrownBy(() -> Evidence.of(1, "a"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("evidence name 1 is a Integer");
    assertThatThrownBy(() -> Hit.withEvidence("C", 1, null, "{n:0.00} days", Evidence.of("n", "x"), "r", false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{n} has a number format, but its value is a String");
    assertThat(Evidence.of("day", LocalDate.of(2026, 1, 2), "channel", Channel.RED).toString())
        .isEqualTo("{day=2026-01-02, channel=RED}");
  }

  @Test
  void plainReasonWithBraces_readsAsATemplateWithoutPlaceholders() {
    Assessment a = ENGINE.assess(declaration("D-6").invoice("100").gate("BRACED-GATE").build());
    assertThat(a.hits()).singleElement().extracting(Hit::reason).isEqualTo("border gate {B} is braced");
  }

  @Test
  void numbersAndTextUnderOnePlaceholder_sortNumbersFirst_inAnOrderThatHolds() {
    List<Hit> hits = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      // As printed text, 10 sorts before "9" and 9 equals "9": no total order; by kind, there is one.
      hits.add(Hit.withEvidence("C", 1, null, "{v}", Evidence.of("v", String.valueOf(19 - i)), "r", false));
      hits.add(Hit.withEvidence("C", 1, null, "{v}", Evidence.of("v", i), "r", false));
    }
    hits.sort(Hit.ORDER);
    List<Object> values = hits.stream().map(hit -> hit.evidence().value("v")).toList();
    assertThat(values.subList(0, 20)).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 20).boxed().toList());
    assertThat(values.subList(20, 40)).allMatch(String.class::isInstance)
        .isSortedAccordingTo(java.util.Comparator.comparing(Object::toString));
  }

  @Test
  void valuesAreTakenAsTheyAreWhenTheRuleFires_andAFloatPrintsItsOwnDigits() {
    StringBuilder name = new StringBuilder("ACME");
    java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger(5);
    Hit hit = Hit.withEvidence("C", 1, null, "{name}: {count} at {rate}", Evidence.of("name", name, "count", count,
        "rate", 3.1f), "r", false);
    name.append(" LTD");
    count.set(6);
    assertThat(hit.reason()).isEqualTo("ACME: 5 at 3.1");
    Assessment base = ENGINE.assess(declaration("D-7").invoice("100").build());
    assertThat(RiskgateJson.defaults().writeAssessment(new Assessment("D-7", Channel.GREEN, 1, List.of(hit), List.of(),
        base.selection(), base.pack(), base.engineVersion(), Instant.EPOCH))).contains("\"evidence\":{\"name\":\"ACME\",\"count\":5,\"rate\":3.1}");
  }
}
