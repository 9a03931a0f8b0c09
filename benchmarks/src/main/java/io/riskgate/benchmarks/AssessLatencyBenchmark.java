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
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long does a clearance system wait for one {@code assess}? The latency distribution of single
 * assessments on {@code vn-baseline} (JMH SampleTime: p50, p99, p99.9), for declarations of 1, 5 and
 * 50 items, cycling through 4,096 generated declarations. Target: p99 under 50 microseconds.
 *
 * <p>{@link #handCoded} samples the same declarations through {@link HandCodedVnBaseline}, the same
 * criteria in plain Java, in the same run: its tail is what this machine imposes on any scorer
 * (GC pauses, a shared CPU), and its p50 at 50 items is the work itself. The engine cannot beat
 * either, so where the plain Java misses 50 microseconds, so must the engine.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar AssessLatencyBenchmark</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 1)
// Five forks: see ItemCountBenchmark; the percentiles are over the samples of all five.
@Measurement(iterations = 4, time = 1)
@Fork(5)
public class AssessLatencyBenchmark {
  private static final int POOL = 4_096;

  @Param({"1", "5", "50"})
  int items;

  Declaration[] declarations;
  RiskEngine engine;
  HandCodedVnBaseline handCoded;
  int next;

  @Setup
  public void setup() {
    List<Declaration> generated = Workload.declarations(POOL, items, Workload.SEED);
    declarations = generated.toArray(Declaration[]::new);
    RulePack pack = Workload.vnBaseline();
    engine = Workload.engine(pack);
    handCoded = new HandCodedVnBaseline(pack.manifest(), ReferenceData.load(pack));
  }

  /** One declaration, one call. */
  @Benchmark
  public Assessment assess() {
    Declaration declaration = declarations[next];
    next = (next + 1) & (POOL - 1);
    return engine.assess(declaration);
  }

  /** The same declaration through the plain-Java baseline. */
  @Benchmark
  public HandCodedVnBaseline.Result handCoded() {
    Declaration declaration = declarations[next];
    next = (next + 1) & (POOL - 1);
    return handCoded.assess(declaration);
  }
}
