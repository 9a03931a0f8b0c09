package io.riskgate.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskgate.Assessment;
import io.riskgate.Hit;
import io.riskgate.RiskEngine;
import io.riskgate.RulePack;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The growth benchmark's packs must compile, have the size asked for, and actually hit. */
class GeneratedPackTest {

  @Test
  void write_120Rules_compilesWithThatManyRulesAndEveryShapeHits(@TempDir Path directory) {
    RulePack pack = GeneratedPack.write(Workload.vnBaseline(), 120, directory);

    assertThat(GeneratedPack.ruleCount(pack)).isEqualTo(120);
    RiskEngine engine = Workload.engine(pack);
    List<Assessment> assessments = engine.assessAll(Workload.declarations(3_000, 0, Workload.SEED));
    Set<Integer> shapesHit = new TreeSet<>();
    for (Assessment assessment : assessments) {
      assertThat(assessment.failedClosed()).as(assessment.declarationNumber()).isFalse();
      for (Hit hit : assessment.hits()) {
        if (hit.code().startsWith("GEN-")) {
          shapesHit.add(Integer.parseInt(hit.code().substring(4)) % 6);
        }
      }
    }
    assertThat(shapesHit).as("generated criteria shapes (rule number mod 6) that hit").containsExactly(0, 1, 2, 3, 4, 5);
  }

  @Test
  void drl_sameCount_isTheSameText() {
    assertThat(GeneratedPack.drl(300)).isEqualTo(GeneratedPack.drl(300));
  }
}
