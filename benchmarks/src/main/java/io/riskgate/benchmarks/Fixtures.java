package io.riskgate.benchmarks;

import io.riskgate.declaration.Declaration;
import io.riskgate.declaration.DeclarationType;
import io.riskgate.declaration.Header;
import io.riskgate.declaration.Item;
import io.riskgate.declaration.Money;
import io.riskgate.declaration.TransportMode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

final class Fixtures {
  private Fixtures() {}

  static List<Declaration> basicDeclarations(int count) {
    SplittableRandom random = new SplittableRandom(7);
    List<Declaration> out = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      Header header = new Header("D" + n, DeclarationType.IMPORT, "A11", "20BC",
          random.nextInt(4) == 0 ? "RISKY-GATE" : "GATE", Instant.parse("2026-03-14T08:15:00Z"),
          random.nextInt(10) == 0 ? "AEO1" : "0101", null, null, null, null, TransportMode.ROAD,
          null, null, "CN", null, Money.of(String.valueOf(random.nextInt(20000)), "USD"), 1,
          BigDecimal.ONE, List.of());
      out.add(new Declaration(header, List.of(new Item(1, random.nextInt(5) == 0 ? "93011000" : "85171300",
          "goods", "CN", BigDecimal.TEN, "PCE", Money.of("10", "USD"), BigDecimal.ONE, null, List.of())),
          List.of()));
    }
    return out;
  }
}
