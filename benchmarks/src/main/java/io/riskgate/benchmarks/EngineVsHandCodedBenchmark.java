package io.riskgate.benchmarks;

import io.riskgate.Assessment;
import io.riskgate.RiskEngine;
import io.riskgate.RulePack;
import io.riskgate.declaration.Declaration;
import io.riskgate.reference.ReferenceData;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * How far is the engine from plain Java? {@code vn-baseline} on the engine's batched
 * {@code assessAll}, against {@link HandCodedVnBaseline}, the same criteria written as Java over the
 * same reference data; time per declaration, for declarations of 1, 5 and 50 items. The ratio of
 * the two is the headline figure (target: at most 5x).
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar EngineVsHandCodedBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 1)
// Five forks, not one: see ItemCountBenchmark.
@Measurement(iterations = 4, time = 1)
@Fork(5)
public class EngineVsHandCodedBenchmark {
  static final int DECLARATIONS = 2_000;

  @Param({"1", "5", "50"})
  int items;

  List<Declaration> declarations;
  RiskEngine engine;
  HandCodedVnBaseline handCoded;

  @Setup
  public void setup() {
    RulePack pack = Workload.vnBaseline();
    declarations = Workload.declarations(DECLARATIONS, items, Workload.SEED);
    engine = Workload.engine(pack);
    handCoded = new HandCodedVnBaseline(pack.manifest(), ReferenceData.load(pack));
  }

  /** The engine, batched: per declaration. */
  @Benchmark
  @OperationsPerInvocation(DECLARATIONS)
  public List<Assessment> engineAssessAll() {
    return engine.assessAll(declarations);
  }

  /** The same criteria in plain Java: per declaration. */
  @Benchmark
  @OperationsPerInvocation(DECLARATIONS)
  public void handCoded(Blackhole sink) {
    Workload.assessEach(declarations, handCoded::assess, sink);
  }
}
