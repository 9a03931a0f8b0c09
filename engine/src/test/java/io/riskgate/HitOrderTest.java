package io.riskgate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The order of an assessment's hits. */
class HitOrderTest {

  @Test
  void hitsSortByCodeThenRuleThenReasonThenPoints() {
    // Codes and rules shared, as a criterion's hits share them, and equal texts in distinct
    // objects too, so that the identity shortcut cannot stand in for a comparison.
    List<Hit> hits = new ArrayList<>();
    Random random = new Random(7);
    String[] sharedCodes = {"C-0", "C-1", "C-2"};
    for (int i = 0; i < 400; i++) {
      String code = random.nextBoolean() ? sharedCodes[random.nextInt(3)] : new String("C-" + random.nextInt(3));
      String rule = random.nextBoolean() ? "rule a" : new String("rule " + random.nextInt(2));
      hits.add(new Hit(code, random.nextInt(5) - 2, null, new String("reason " + random.nextInt(4)), rule));
    }
    Comparator<Hit> specified = Comparator.comparing(Hit::code).thenComparing(Hit::rule)
        .thenComparing(Hit::reason).thenComparingInt(Hit::points);
    List<Hit> expected = new ArrayList<>(hits);
    expected.sort(specified);
    Collections.shuffle(hits, random);
    hits.sort(Hit.ORDER);
    assertThat(hits).containsExactlyElementsOf(expected);
  }
}
