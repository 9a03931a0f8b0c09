package io.riskgate.benchmarks;

import io.riskgate.Assessment;
import io.riskgate.RiskEngine;
import io.riskgate.RulePack;
import io.riskgate.declaration.Declaration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What does Riskgate save a first-time Drools user? The same pack and declarations, scored by the
 * engine's batched {@code assessAll} and by {@link NaiveDrools} (a new session per declaration).
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar NaiveDroolsBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class NaiveDroolsBenchmark {
  static final int DECLARATIONS = 1_000;

  List<Declaration> declarations;
  RiskEngine engine;
  NaiveDrools naive;

  @Setup
  public void setup() {
    RulePack pack = RulePack.fromClasspath("packs/basic");
    declarations = Fixtures.basicDeclarations(DECLARATIONS);
    engine = RiskEngine.builder().pack(pack).build();
    naive = new NaiveDrools(pack, java.util.Map.of());
  }

  /** The engine: one stateless batch per chunk of declarations. Time per declaration. */
  @Benchmark
  @OperationsPerInvocation(DECLARATIONS)
  public List<Assessment> engineAssessAll() {
    return engine.assessAll(declarations);
  }

  /** The first-timer: a new session per declaration. Time per declaration. */
  @Benchmark
  @OperationsPerInvocation(DECLARATIONS)
  public void naiveSessionPerDeclaration(Blackhole sink) {
    for (Declaration declaration : declarations) {
      sink.consume(naive.assess(declaration));
    }
  }
}
