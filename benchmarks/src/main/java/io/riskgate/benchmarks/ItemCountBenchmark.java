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
 * How does the cost per declaration grow with its number of items? {@code vn-baseline},
 * declarations of exactly 1, 10 and 100 items, batched {@code assessAll} and the hand-coded
 * baseline over 500 generated declarations, time per declaration.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar ItemCountBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 1)
// Five forks, not one: the same code settles at different speeds in different JVMs (the JIT's
// choices; one-item declarations took 2.7-3.0 us in six forks and 5.5 us in a seventh), so one
// fork can be a ratio's outlier. The median over the forks' iterations is the figure.
@Measurement(iterations = 4, time = 1)
@Fork(5)
public class ItemCountBenchmark {
  static final int DECLARATIONS = 500;

  @Param({"1", "10", "100"})
  int items;

  List<Declaration> declarations;
  RiskEngine engine;
  HandCodedVnBaseline handCoded;

  @Setup
  public void setup() {
    RulePack pack = Workload.vnBaseline();
    engine = Workload.engine(pack);
    handCoded = new HandCodedVnBaseline(pack.manifest(), ReferenceData.load(pack));
    declarations = Workload.declarations(DECLARATIONS, items, Workload.SEED);
  }

  /** The engine, batched: per declaration. */
  @Benchmark
  @OperationsPerInvocation(DECLARATIONS)
  public List<Assessment> engineAssessAll() {
    return engine.assessAll(declarations);
  }

  /** Plain Java: per declaration. */
  @Benchmark
  @OperationsPerInvocation(DECLARATIONS)
  public void handCoded(Blackhole sink) {
    Workload.assessEach(declarations, handCoded::assess, sink);
  }
}
