package io.riskgate.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskgate.Assessment;
import io.riskgate.RulePack;
import io.riskgate.Selection;
import io.riskgate.declaration.Declaration;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DroolsFloor's emptied pack must keep every rule and condition, and report nothing. */
class PackCopiesTest {
  private static final Pattern WHEN = Pattern.compile("(?ms)^rule .*?^then[ \\t]*$");

  @Test
  void withoutConsequences_keepsEveryRuleAndConditionAndReportsNoHit(@TempDir Path directory) {
    RulePack pack = Workload.vnBaseline();
    RulePack emptied = PackCopies.withoutConsequences(pack, directory);

    assertThat(GeneratedPack.ruleCount(emptied)).isEqualTo(GeneratedPack.ruleCount(pack));
    for (String path : pack.drlPaths()) {
      String text = emptied.text(path).orElseThrow();
      assertThat(text).as(path).doesNotContain("risk.hit", "risk.require");
      // Every condition stays: the text before each rule's 'then' is the pack's own.
      assertThat(whens(text)).as(path).isEqualTo(whens(pack.text(path).orElseThrow()));
    }
    List<Declaration> declarations = Workload.declarations(1_000, 0, Workload.SEED);
    List<Assessment> shipped = Workload.engine(pack).assessAll(declarations);
    List<Assessment> floor = Workload.engine(emptied).assessAll(declarations);
    assertThat(shipped).filteredOn(a -> !a.hits().isEmpty()).hasSizeGreaterThan(500);
    assertThat(floor).allSatisfy(a -> {
      assertThat(a.hits()).isEmpty();
      assertThat(a.selection()).isIn(Selection.NONE, Selection.RANDOM);
    });
  }

  @Test
  void copy_addsOneCommentLine(@TempDir Path directory) {
    RulePack pack = Workload.vnBaseline();
    RulePack copy = PackCopies.copy(pack, directory, "7");

    String first = pack.drlPaths().get(0);
    assertThat(copy.text(first).orElseThrow()).isEqualTo(pack.text(first).orElseThrow() + "\n// copy 7\n");
    assertThat(copy.version()).isNotEqualTo(pack.version());
  }

  /** Each rule's text from {@code rule} to {@code then}. */
  private static List<String> whens(String drl) {
    return WHEN.matcher(drl).results().map(MatchResult::group).toList();
  }
}
