package io.riskgate.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskgate.Assessment;
import io.riskgate.Hit;
import io.riskgate.RulePack;
import io.riskgate.declaration.Declaration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The engine compiles the alpha network of a pack that Drools does not index (vn-baseline's; the
 * engine's AlphaNetworkTest checks which packs): on the realistic mix the compiled network must
 * decide exactly as Drools' interpreted one. The build runs tests with
 * {@code riskgate.alphaNetworkCompiler=required}, so the compiled side cannot have failed to
 * compile unnoticed, and AlphaNetworkTest asserts that vn-baseline's network is compiled at all.
 */
class CompiledNetworkTest {
  private static final String PROPERTY = "riskgate.alphaNetworkCompiler";

  @Test
  void vnBaseline_compiledNetwork_decidesAsTheInterpretedOne() {
    RulePack pack = Workload.vnBaseline();
    List<Declaration> declarations = Workload.declarations(20_000, 0, Workload.SEED);
    List<String> compiled = outcomes(pack, declarations);

    // The engine's cache of compiled packs keys them by content and network mode, so this
    // compiles the pack again.
    String before = System.getProperty(PROPERTY);
    System.setProperty(PROPERTY, "false");
    List<String> interpreted;
    try {
      interpreted = outcomes(pack, declarations);
    } finally {
      if (before == null) {
        System.clearProperty(PROPERTY);
      } else {
        System.setProperty(PROPERTY, before);
      }
    }
    assertThat(compiled).hasSize(declarations.size()).isEqualTo(interpreted);
    assertThat(compiled).filteredOn(outcome -> outcome.contains(":")).hasSizeGreaterThan(declarations.size() / 3);
  }

  /** Per declaration: channel, score and the hits (code, points, reason), in an order of their own. */
  private static List<String> outcomes(RulePack pack, List<Declaration> declarations) {
    return Workload.engine(pack).assessAll(declarations).stream().map(CompiledNetworkTest::outcome).toList();
  }

  private static String outcome(Assessment assessment) {
    return assessment.declarationNumber() + " " + assessment.channel() + " " + assessment.score() + " "
        + assessment.hits().stream()
            .sorted(Comparator.comparing(Hit::code).thenComparing(Hit::reason))
            .map(hit -> hit.code() + ":" + hit.points() + ":" + hit.reason())
            .toList();
  }
}
