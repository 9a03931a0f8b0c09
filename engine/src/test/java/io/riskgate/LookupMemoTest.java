package io.riskgate;

import static io.riskgate.TestDeclarations.declaration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.riskgate.declaration.Declaration;
import io.riskgate.reference.HsList;
import io.riskgate.reference.HsListEntry;
import io.riskgate.reference.HsLists;
import io.riskgate.reference.PriceTable;
import io.riskgate.reference.ReferencePrice;
import io.riskgate.reference.ReferenceSources;
import io.riskgate.reference.Trader;
import io.riskgate.reference.TraderRegistry;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The engine puts a memo of the last question in front of the reference sources for each batch:
 * criteria asking the same lookup about one fact in a row ask the source once, every criterion
 * still gets the source's answer, and globals declared with a class of the user's own are bound
 * as they are.
 */
public class LookupMemoTest {

  /** HS lists with a method of their own, bound to a global declared with this class. */
  public static final class TaggedLists implements HsLists {
    private final HsLists lists;

    TaggedLists(HsLists lists) {
      this.lists = lists;
    }

    @Override
    public HsListEntry find(HsList list, String hsCode, String origin) {
      return lists.find(list, hsCode, origin);
    }

    /** A tag for sensitive goods, or null. */
    public String tag(String hsCode) {
      return sensitive(hsCode) == null ? null : "tag-" + hsCode;
    }
  }

  private static final AtomicInteger traderCalls = new AtomicInteger();
  private static final AtomicInteger priceCalls = new AtomicInteger();

  private static RiskEngine engine() {
    TraderRegistry registry = ReferenceSources.traders(List.of(
        new Trader("0104", 4, false, LocalDate.parse("2020-01-01"), List.of(), BigDecimal.ZERO, 0)));
    PriceTable table = ReferenceSources.prices(List.of(
        new ReferencePrice("85171300", null, "PCE", "USD", new BigDecimal("1.00"), new BigDecimal("30"), null),
        new ReferencePrice("30049099", null, "PCE", "USD", new BigDecimal("0.10"), new BigDecimal("30"), null)));
    HsLists lists = ReferenceSources.hsLists(List.of(
        new HsListEntry(HsList.SENSITIVE, "3004", null, null, "medicines")));
    return RiskEngine.builder()
        .pack(RulePack.fromDirectory(TestDeclarations.pack("lookups")))
        .global("traders", (TraderRegistry) taxId -> {
          traderCalls.incrementAndGet();
          return registry.find(taxId);
        })
        .global("prices", (PriceTable) (hsCode, origin) -> {
          priceCalls.incrementAndGet();
          return table.find(hsCode, origin);
        })
        .global("hsLists", lists)
        .global("tagged", new TaggedLists(lists))
        .allowInPacks("io.riskgate.LookupMemoTest")  // the test's own reference type
        .build();
  }

  private static List<String> codes(Assessment assessment) {
    return assessment.hits().stream().map(Hit::code).toList();
  }

  @Test
  void traderAskedByThreeCriteria_isLookedUpOncePerDeclaration() {
    RiskEngine engine = engine();
    List<Declaration> batch = List.of(
        declaration("D-1").trader("0104").build(),
        declaration("D-2").trader("0999").build(),
        declaration("D-3").trader(new String("0104")).build());  // equal, not the same object

    traderCalls.set(0);
    List<Assessment> assessed = engine.assessAll(batch);

    // Three criteria ask about each declaration (without the memo the source got ten questions).
    assertThat(traderCalls).hasValue(3);
    assertThat(codes(assessed.get(0))).contains("L-T4").doesNotContain("L-T5", "L-TU");
    assertThat(codes(assessed.get(1))).contains("L-TU").doesNotContain("L-T4", "L-T5");
    assertThat(codes(assessed.get(2))).contains("L-T4").doesNotContain("L-T5", "L-TU");
  }

  @Test
  void priceAskedByTwoCriteria_isLookedUpOncePerLineAndAgainOnlyByConsequences() {
    RiskEngine engine = engine();
    Declaration declaration = declaration("D-P").item("85171300").item("30049099").item("99999999").build();

    priceCalls.set(0);
    Assessment assessed = engine.assess(declaration);

    // Lines 1 and 2 are priced (L-P1 fires and looks the price up again for its reason); line 1 is
    // below its reference. Without the memo the conditions alone ask nine times.
    assertThat(assessed.hits()).filteredOn(hit -> !hit.code().startsWith("L-T"))
        .extracting(Hit::code, Hit::reason).containsExactlyInAnyOrder(
        tuple("L-P1", "item 1 priced 1.00"),
        tuple("L-P1", "item 2 priced 0.10"),
        tuple("L-P2", "item 1 below reference"),
        tuple("L-S1", "item 2 sensitive: medicines"),
        tuple("L-S2", "item 2 tagged tag-30049099"));
    assertThat(priceCalls.get()).isBetween(3, 3 + 2);
  }

  @Test
  void manyDeclarationsInABatch_getTheAnswersEachGetsAlone() {
    RiskEngine engine = engine();
    List<Declaration> declarations = new ArrayList<>();
    for (int n = 0; n < 60; n++) {
      declarations.add(declaration("D-" + n).trader(n % 3 == 0 ? "0104" : "0" + n)
          .item(n % 2 == 0 ? "85171300" : "30049099").item(n % 5 == 0 ? "30049099" : "85171300").build());
    }

    List<Assessment> batched = engine.assessAll(declarations).stream().map(EngineChannelsTest::withoutTime).toList();
    List<Assessment> alone = new ArrayList<>();
    for (Declaration declaration : declarations) {
      alone.add(EngineChannelsTest.withoutTime(engine().assess(declaration)));
    }

    assertThat(batched).isEqualTo(alone);
  }

  @Test
  void questionsInTurn_eachGetTheSourcesAnswer() {
    AtomicInteger calls = new AtomicInteger();
    TraderRegistry source = taxId -> {
      calls.incrementAndGet();
      return taxId == null ? null
          : new Trader(taxId, 3, false, LocalDate.parse("2020-01-01"), List.of(), BigDecimal.ZERO, 0);
    };
    TraderRegistry memo = (TraderRegistry) LookupMemo.wrap(TraderRegistry.class.getName(), source);

    assertThat(memo.find(null)).isNull();  // the first question is asked, even a null one
    assertThat(memo.find("A").taxId()).isEqualTo("A");
    assertThat(memo.find("B").taxId()).isEqualTo("B");
    assertThat(memo.find(new String("B")).taxId()).isEqualTo("B");
    assertThat(calls).hasValue(4);
    String a = "A";
    memo.find(a);
    memo.find(a);
    assertThat(calls).hasValue(5);
  }

  @Test
  void wrap_onlyTheReferenceInterfacesAsDeclared() {
    HsLists lists = ReferenceSources.noHsLists();
    TaggedLists tagged = new TaggedLists(lists);

    assertThat(LookupMemo.wrap(HsLists.class.getName(), tagged)).isNotSameAs(tagged).isInstanceOf(HsLists.class);
    assertThat(LookupMemo.wrap(TaggedLists.class.getName(), tagged)).isSameAs(tagged);
    assertThat(LookupMemo.wrap("java.util.Map", Map.of())).isEqualTo(Map.of());
  }

  @Test
  void wrapped_printsAsItsSource() {
    PriceTable prices = ReferenceSources.prices(List.of(
        new ReferencePrice("8517", null, "PCE", "USD", BigDecimal.ONE, BigDecimal.TEN, null)));
    TraderRegistry traders = ReferenceSources.noTraders();
    HsLists lists = ReferenceSources.noHsLists();

    assertThat(LookupMemo.wrap(PriceTable.class.getName(), prices)).hasToString(prices.toString());
    assertThat(LookupMemo.wrap(TraderRegistry.class.getName(), traders)).hasToString(traders.toString());
    assertThat(LookupMemo.wrap(HsLists.class.getName(), lists)).hasToString(lists.toString());
  }
}
