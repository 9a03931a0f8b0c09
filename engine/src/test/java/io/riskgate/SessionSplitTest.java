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
 * assessAll cuts a batch into several sessions when its declarations hold more than
 * {@link DroolsRiskEngine#MAX_ITEMS_PER_SESSION} items; where it cuts must not change any result.
 */
class SessionSplitTest {

  @Test
  void assessAll_batchWithMoreItemsThanOneSessionHolds_givesEachDeclarationItsOwnAssessment() {
    RiskEngine engine = RiskEngine.builder()
        .pack(RulePack.fromDirectory(TestDeclarations.pack("basic")))
        .clock(Clock.fixed(Instant.parse("2026-03-14T09:00:00Z"), ZoneOffset.UTC))
        .build();
    List<Declaration> declarations = new ArrayList<>();
    for (int n = 0; n < 70; n++) {
      TestDeclarations d = declaration("D-SPLIT-" + n).invoice(n % 3 == 0 ? "20000.00" : "500.00");
      for (int i = 0; i < 100; i++) {
        // Arms on a few lines of some declarations, so that hits sit on both sides of each cut.
        d.item(n % 4 == 0 && i % 37 == 5 ? "93011000" : "85171300");
      }
      declarations.add(d.build());
    }
    int items = declarations.stream().mapToInt(d -> d.items().size()).sum();
    assertThat(items).as("enough items for three sessions").isGreaterThan(2 * DroolsRiskEngine.MAX_ITEMS_PER_SESSION);

    List<Assessment> batched = engine.assessAll(declarations);

    assertThat(batched).hasSize(declarations.size());
    for (int n = 0; n < declarations.size(); n++) {
      assertThat(batched.get(n)).isEqualTo(engine.assess(declarations.get(n)));
    }
    assertThat(batched).filteredOn(a -> a.hasHit("T-ARMS")).hasSize(18);
    assertThat(batched).filteredOn(a -> a.hasHit("T-VALUE")).hasSize(24);
  }
}
