package io.riskgate.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskgate.Assessment;
import io.riskgate.Hit;
import io.riskgate.RulePack;
import io.riskgate.declaration.Declaration;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine compiles a pack's alpha network (Drools' alpha network compiler, which got rules
 * wrong before the engine turned Drools' hashing of literal tests off): on generated packs, whose
 * criteria test many fields against many literals, the compiled network must decide exactly as
 * Drools' interpreted one. The build runs tests with {@code riskgate.alphaNetworkCompiler=required},
 * so the first side cannot have fallen back to the interpreted network unnoticed.
 */
class CompiledNetworkTest {
  private static final String PROPERTY = "riskgate.alphaNetworkCompiler";

  // 120 rules is a size at which Drools' hashing, left on, lost nine criteria; at 600 it did not.
  @ParameterizedTest(name = "{0} rules")
  @ValueSource(ints = {50, 120, 600})
  void generatedPack_compiledNetwork_decidesAsTheInterpretedOne(int rules, @TempDir Path directory) throws IOException {
    RulePack pack = GeneratedPack.write(Workload.vnBaseline(), rules, directory);
    List<Declaration> declarations = Workload.declarations(4_000, 0, Workload.SEED);
    List<String> compiled = outcomes(pack, declarations);

    // The engine's cache of compiled packs keys them by content and network mode, so this
    // compiles the pack again.
    String before = System.getProperty(PROPERTY);
    System.setProperty(PROPERTY, "false");
    List<String> interpreted;
    try {
      interpreted = outcomes(pack, declarations);
    } finally {
      System.setProperty(PROPERTY, before == null ? "true" : before);
    }
    assertThat(compiled).hasSize(declarations.size()).isEqualTo(interpreted);
    assertThat(compiled).filteredOn(outcome -> outcome.contains("GEN-")).hasSizeGreaterThan(declarations.size() / 10);
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
