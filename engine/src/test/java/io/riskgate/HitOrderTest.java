package io.riskgate;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskgate.declaration.Header;
import io.riskgate.declaration.Item;
import io.riskgate.declaration.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The order of an assessment's hits, and the country codes that criteria compare. */
class HitOrderTest {

  @Test
  void hitsSortByCodeThenRuleThenReasonThenPoints() {
    // Equal texts in distinct string objects as well as shared ones, so that the identity shortcut
    // cannot stand in for a comparison.
    List<Hit> hits = new ArrayList<>();
    Random random = new Random(7);
    for (int i = 0; i < 400; i++) {
      hits.add(new Hit(new String("C-" + random.nextInt(3)), random.nextInt(5) - 2, null,
          new String("reason " + random.nextInt(4)), random.nextBoolean() ? "rule a" : new String("rule " + random.nextInt(2))));
    }
    Comparator<Hit> specified = Comparator.comparing(Hit::code).thenComparing(Hit::rule)
        .thenComparing(Hit::reason).thenComparingInt(Hit::points);
    List<Hit> expected = new ArrayList<>(hits);
    expected.sort(specified);
    Collections.shuffle(hits, random);
    hits.sort(Hit.ORDER);
    assertThat(hits).containsExactlyElementsOf(expected);
  }

  @Test
  void countryCodesAreSharedInstances() {
    // Codes read from input: each its own string object.
    Item first = item(new String("CN"));
    Item second = item(new String("CN"));
    Header header = TestDeclarations.declaration("D-1").build().header();
    assertThat(first.origin()).isEqualTo("CN").isSameAs(second.origin()).isSameAs(header.consignmentCountry());
  }

  private static Item item(String origin) {
    return new Item(1, "85171300", "goods", origin, BigDecimal.ONE, "PCE", Money.of("1.00", "USD"),
        null, null, List.of());
  }
}
