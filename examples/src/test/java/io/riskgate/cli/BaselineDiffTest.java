package io.riskgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskgate.Assessment;
import io.riskgate.Channel;
import io.riskgate.Hit;
import io.riskgate.PackVersion;
import io.riskgate.Selection;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselineDiffTest {
  private final BaselineDiff diff = new BaselineDiff();

  private static Assessment assessment(String number, Channel channel, Selection selection, Hit... hits) {
    return new Assessment(number, channel, 0, List.of(hits), selection,
        new PackVersion("p", "1", "0123456789abcdef"), "test", Instant.EPOCH);
  }

  private static Hit hit(String code, int points) {
    return new Hit(code, points, null, "reason", "rule " + code);
  }

  @Test
  void compare_newCriterionHits_isTheCauseOfTheMoveUp() {
    diff.compare(assessment("A", Channel.GREEN, Selection.NONE),
        assessment("A", Channel.YELLOW, Selection.TARGETED, hit("VAL-01", 40)), 1);

    BaselineDiff.Move move = new BaselineDiff.Move(Channel.GREEN, Channel.YELLOW);
    assertThat(diff.matrix[0][1]).isEqualTo(1);
    assertThat(diff.moves()).containsExactly(move);
    assertThat(diff.causes(move)).containsExactly(new BaselineDiff.Cause("VAL-01", "", 1));
    assertThat(diff.examples(move)).containsExactly("A (line 1)");
  }

  @Test
  void compare_facilitationNoLongerHits_causesAMoveUp() {
    diff.compare(assessment("A", Channel.GREEN, Selection.NONE, hit("AEO", -60), hit("VAL-01", 40)),
        assessment("A", Channel.YELLOW, Selection.TARGETED, hit("VAL-01", 40)), 1);

    assertThat(diff.causes(new BaselineDiff.Move(Channel.GREEN, Channel.YELLOW)))
        .containsExactly(new BaselineDiff.Cause("AEO", "no longer hits", 1));
  }

  @Test
  void compare_pointsLowered_causesAMoveDownAndUnchangedCriteriaDoNot() {
    diff.compare(assessment("A", Channel.RED, Selection.TARGETED, hit("GATE", 70), hit("VAL-01", 40)),
        assessment("A", Channel.YELLOW, Selection.TARGETED, hit("GATE", 35), hit("VAL-01", 40)), 4);

    assertThat(diff.causes(new BaselineDiff.Move(Channel.RED, Channel.YELLOW)))
        .containsExactly(new BaselineDiff.Cause("GATE", "changed", 1));
  }

  @Test
  void compare_randomDrawOrNoCriterionChange_isNamedAsSuch() {
    diff.compare(assessment("A", Channel.GREEN, Selection.NONE),
        assessment("A", Channel.RED, Selection.RANDOM), 1);
    diff.compare(assessment("B", Channel.YELLOW, Selection.TARGETED, hit("VAL-01", 40)),
        assessment("B", Channel.RED, Selection.TARGETED, hit("VAL-01", 40)), 2);

    assertThat(diff.causes(new BaselineDiff.Move(Channel.GREEN, Channel.RED)))
        .containsExactly(new BaselineDiff.Cause(BaselineDiff.RANDOM, "", 1));
    assertThat(diff.causes(new BaselineDiff.Move(Channel.YELLOW, Channel.RED)))
        .containsExactly(new BaselineDiff.Cause(BaselineDiff.OTHER, "", 1));
  }

  @Test
  void compare_manyMoves_keepsFewExamplesAndCountsAll() {
    for (int i = 1; i <= 20; i++) {
      diff.compare(assessment("N" + i, Channel.GREEN, Selection.NONE),
          assessment("N" + i, Channel.YELLOW, Selection.TARGETED, hit("VAL-01", 40)), i);
    }
    diff.compare(assessment("S", Channel.GREEN, Selection.NONE), assessment("S", Channel.GREEN, Selection.NONE), 21);

    BaselineDiff.Move move = new BaselineDiff.Move(Channel.GREEN, Channel.YELLOW);
    assertThat(diff.count(move)).isEqualTo(20);
    assertThat(diff.moved()).isEqualTo(20);
    assertThat(diff.compared).isEqualTo(21);
    assertThat(diff.examples(move)).hasSize(BaselineDiff.EXAMPLES).first().isEqualTo("N1 (line 1)");
    assertThat(diff.causes(move)).containsExactly(new BaselineDiff.Cause("VAL-01", "", 20));
  }
}
