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
 * Does the cost per declaration depend on the size of the reference data? {@code vn-baseline} with
 * its watchlists and price table each padded to 1k, 100k and 1M entries
 * ({@link Workload#scaledReferenceData}), batched {@code assessAll} and the hand-coded baseline over
 * the same data, time per declaration. Target: at most 20% growth from 1k to 1M.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar ReferenceSizeBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class ReferenceSizeBenchmark {
  static final int DECLARATIONS = 2_000;

  @Param({"1000", "100000", "1000000"})
  int entries;

  List<Declaration> declarations;
  RiskEngine engine;
  HandCodedVnBaseline handCoded;

  @Setup
  public void setup() {
    RulePack pack = Workload.vnBaseline();
    ReferenceData data = Workload.scaledReferenceData(pack, entries);
    engine = Workload.engine(pack, data);
    handCoded = new HandCodedVnBaseline(pack.manifest(), data);
    declarations = Workload.declarations(DECLARATIONS, 0, Workload.SEED);
  }

  /** The engine, batched: per declaration. */
  @Benchmark
  @OperationsPerInvocation(DECLARATIONS)
  public List<Assessment> engineAssessAll() {
    return engine.assessAll(declarations);
  }

  /** Plain Java over the same data: per declaration. */
  @Benchmark
  @OperationsPerInvocation(DECLARATIONS)
  public void handCoded(Blackhole sink) {
    Workload.assessEach(declarations, handCoded::assess, sink);
  }
}
