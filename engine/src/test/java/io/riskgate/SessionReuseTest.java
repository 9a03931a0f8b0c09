package io.riskgate;

import static io.riskgate.TestDeclarations.declaration;
import static org.assertj.core.api.Assertions.assertThat;

import io.riskgate.declaration.Declaration;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The engine reuses a session for the next call when it comes back clean; nothing of one call may
 * reach the next: not facts a rule left behind, not the lines of an earlier declaration.
 */
class SessionReuseTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-14T09:00:00Z"), ZoneOffset.UTC);

  private static RiskEngine engine(String pack) {
    // The stateful pack reaches a named entry point through Drools' 'drools' variable.
    return RiskEngine.builder().pack(RulePack.fromDirectory(TestDeclarations.pack(pack))).clock(CLOCK)
        .allowInPacks("org.drools.core.rule.consequence.KnowledgeHelper").build();
  }

  private static List<String> codes(Assessment assessment) {
    return assessment.hits().stream().map(Hit::code).toList();
  }

  @Test
  void factLeftByARule_isNotSeenByLaterCalls() {
    RiskEngine engine = engine("stateful");

    Assessment marked = engine.assess(declaration("D-MARK").build());
    Assessment after = engine.assess(declaration("D-AFTER").build());
    List<Assessment> batch = engine.assessAll(List.of(declaration("D-B1").build(), declaration("D-B2").build()));

    assertThat(codes(marked)).containsExactlyInAnyOrder("S-MARK", "S-SEEN", "S-NOARMS");
    assertThat(codes(after)).containsExactly("S-NOARMS");
    assertThat(batch).allSatisfy(a -> assertThat(codes(a)).containsExactly("S-NOARMS"));
  }

  @Test
  void linesOfEarlierCalls_doNotCountForLaterOnes() {
    RiskEngine engine = engine("stateful");

    Assessment arms = engine.assess(declaration("D-ARMS").item("93020000").build());
    Assessment plain = engine.assess(declaration("D-PLAIN").item("85171300").build());
    Assessment armsAgain = engine.assess(declaration("D-ARMS2").item("93020000").build());

    assertThat(codes(arms)).isEmpty();
    assertThat(codes(plain)).containsExactly("S-NOARMS");
    assertThat(codes(armsAgain)).isEmpty();
  }

  @Test
  void factsARuleLeavesInANamedEntryPoint_doNotReachLaterCalls() {
    RiskEngine engine = engine("stateful");

    List<Assessment> calls = new ArrayList<>();
    for (int n = 0; n < 3; n++) {
      calls.add(engine.assess(declaration("D-NOTE-" + n).build()));
    }

    assertThat(calls).allSatisfy(a -> assertThat(a.hits()).filteredOn(hit -> hit.code().equals("S-NOTES"))
        .singleElement().satisfies(hit -> assertThat(hit.reason()).isEqualTo("1 note(s) in this session")));
  }

  @Test
  void sameDeclarationTwiceInABatch_isAssessedAsWhenAlone() {
    RiskEngine engine = engine("basic");
    Declaration medicines = declaration("D-TWICE").item("30049099").item("30021500").build();

    List<Assessment> batch = engine.assessAll(List.of(medicines, medicines));
    Assessment alone = EngineChannelsTest.withoutTime(engine.assess(medicines));

    assertThat(alone.hits()).extracting(Hit::code).containsExactly("T-LICENCE", "T-LICENCE");
    assertThat(batch).allSatisfy(a -> assertThat(EngineChannelsTest.withoutTime(a)).isEqualTo(alone));
  }

  @Test
  void sessionsOfDroppedEngines_areNotHeldByTheSharedPack() {
    RulePack pack = RulePack.fromDirectory(TestDeclarations.pack("basic"));
    for (int n = 0; n < 20; n++) {
      RiskEngine.builder().pack(pack).build().assess(declaration("D-" + n).build());
    }
    // The compiled pack is cached and shared; its KieBase must not keep the idle sessions of the
    // engines above, which nobody can dispose of any more.
    assertThat(CompiledPack.of(pack).kieBase.getKieSessions()).isEmpty();
  }

  @Test
  void manyCallsInARow_giveWhatAFreshEngineGivesForEach() {
    RiskEngine reused = engine("basic");
    List<Declaration> declarations = new ArrayList<>();
    for (int n = 0; n < 200; n++) {
      TestDeclarations d = declaration("D-" + n).invoice(n % 3 == 0 ? "20000.00" : "500.00");
      d.item(n % 5 == 0 ? "93011000" : n % 7 == 0 ? "30049099" : "85171300");
      declarations.add(d.build());
    }

    List<Assessment> one = new ArrayList<>();
    for (Declaration declaration : declarations) {
      one.add(EngineChannelsTest.withoutTime(reused.assess(declaration)));
    }
    List<Assessment> batched = reused.assessAll(declarations).stream().map(EngineChannelsTest::withoutTime).toList();
    List<Assessment> fresh = new ArrayList<>();
    for (Declaration declaration : declarations) {
      fresh.add(EngineChannelsTest.withoutTime(engine("basic").assess(declaration)));
    }

    assertThat(one).isEqualTo(fresh);
    assertThat(batched).isEqualTo(fresh);
  }
}
