package io.riskgate;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskgate.declaration.Declaration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which criteria a comparison names as behind a move: those that count, never those on trial. */
class ComparisonTest {
  private static final PackVersion PACK = new PackVersion("test", "1", "0".repeat(64));

  @Test
  void criteriaOnTrial_areNotNamedBehindAMove() {
    Assessment live = assessment(Channel.GREEN, hit("A", false));
    Assessment challenger = assessment(Channel.YELLOW, hit("A", false), hit("B", true), hit("C", false));

    Comparison comparison = new Comparison(declaration(), live, challenger);

    assertThat(comparison.onlyChallenger()).containsExactly("C");
    assertThat(comparison.onlyLive()).isEmpty();
  }

  @Test
  void aCriterionCountingUnderOnePackAndOnTrialUnderTheOther_isNamedWhereItCounts() {
    Assessment live = assessment(Channel.YELLOW, hit("A", false));
    Assessment challenger = assessment(Channel.GREEN, hit("A", true));

    Comparison comparison = new Comparison(declaration(), live, challenger);

    assertThat(comparison.onlyLive()).containsExactly("A");
    assertThat(comparison.onlyChallenger()).isEmpty();
  }

  private static Hit hit(String code, boolean trial) {
    return new Hit(code, 10, null, code + " hit", "rule " + code, trial);
  }

  private static Assessment assessment(Channel channel, Hit... hits) {
    return new Assessment("1", channel, 0, List.of(hits), Selection.TARGETED, PACK, "test", Instant.EPOCH);
  }

  private static Declaration declaration() {
    return TestDeclarations.declaration("1").build();
  }
}
