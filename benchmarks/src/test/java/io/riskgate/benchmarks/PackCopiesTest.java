package io.riskgate.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riskgate.Assessment;
import io.riskgate.RiskEngine;
import io.riskgate.RulePack;
import io.riskgate.Selection;
import io.riskgate.declaration.Declaration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DroolsFloor's emptied pack must keep every rule and condition, fire as shipped, and report nothing. */
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
  void withoutConsequences_rulesStillFireAsShipped(@TempDir Path directory) {
    RulePack pack = Workload.vnBaseline();
    RulePack emptied = PackCopies.withoutConsequences(pack, directory);
    List<Declaration> declarations = Workload.declarations(1_000, 0, Workload.SEED);

    // With one firing allowed per declaration, exactly the declarations on which two or more rules
    // fire fail closed: the same ones for both packs if the emptied rules match and fire as shipped.
    Set<String> shipped = failedOnSecondFiring(pack, declarations);
    Set<String> floor = failedOnSecondFiring(emptied, declarations);
    assertThat(shipped).hasSizeGreaterThan(100);
    assertThat(floor).isEqualTo(shipped);
  }

  @Test
  void withoutConsequences_aRuleWithoutItsOwnThenAndEndLines_isRefused(@TempDir Path directory) throws IOException {
    Path source = directory.resolve("pack");
    Files.createDirectories(source.resolve("rules"));
    Files.writeString(source.resolve(RulePack.MANIFEST), """
        {"id": "one-line", "version": "1", "thresholds": {"yellow": 25, "red": 70},
         "randomRates": {"yellow": 0, "red": 0}, "seed": 1}""");
    Files.writeString(source.resolve("rules/one.drl"), """
        package p;
        rule "On one line" when then end
        """);
    RulePack pack = RulePack.fromDirectory(source);

    assertThatThrownBy(() -> PackCopies.withoutConsequences(pack, directory.resolve("copy")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rules/one.drl has 1 rules but 0 consequences");
  }

  private static Set<String> failedOnSecondFiring(RulePack pack, List<Declaration> declarations) {
    RiskEngine engine = RiskEngine.builder().pack(pack).maxFiringsPerDeclaration(1).build();
    return engine.assessAll(declarations).stream().filter(Assessment::failedClosed)
        .map(Assessment::declarationNumber).collect(Collectors.toSet());
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
