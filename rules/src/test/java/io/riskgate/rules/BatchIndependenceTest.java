package io.riskgate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskgate.Assessment;
import io.riskgate.RiskEngine;
import io.riskgate.declaration.Declaration;
import io.riskgate.rules.sample.SampleGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One declaration per match: an assessment never depends on which declarations share a Drools
 * session. vn-baseline on 10,000 generated declarations gives the same assessments in batches of
 * 1, 7 and 250 and one declaration per call (the pack checker refuses rules that could join two
 * declarations; this is the end-to-end proof on the reference pack).
 */
class BatchIndependenceTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);

  @Test
  void assessments_doNotDependOnTheBatch() {
    SampleGenerator generator = new SampleGenerator(20261207);
    List<Declaration> declarations = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      declarations.add(generator.next().declaration());
    }

    List<Assessment> reference = engine(250).assessAll(declarations);
    RiskEngine single = engine(250);
    List<Assessment> oneByOne = declarations.stream().map(single::assess).toList();

    assertThat(reference).hasSize(declarations.size());
    assertThat(reference.stream().filter(a -> !a.hits().isEmpty()).count())
        .as("declarations with hits").isGreaterThan(1_000);
    assertThat(engine(1).assessAll(declarations)).isEqualTo(reference);
    assertThat(engine(7).assessAll(declarations)).isEqualTo(reference);
    assertThat(oneByOne).isEqualTo(reference);
  }

  private static RiskEngine engine(int batchSize) {
    return RiskEngine.builder().pack(VnBaseline.pack()).batchSize(batchSize).clock(CLOCK).build();
  }
}
