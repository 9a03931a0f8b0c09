package io.riskgate.benchmarks;

import io.riskgate.Assessment;
import io.riskgate.RiskEngine;
import io.riskgate.RulePack;
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
 * the same data, on the realistic mix: time per declaration. Target: at most 20% growth from 1k to
 * 1M.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar ReferenceSizeBenchmark</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class ReferenceSizeBenchmark {

  /** The engine and plain Java over vn-baseline's reference data padded to {@code entries}. */
  @State(Scope.Benchmark)
  public static class Padded {
    @Param({"1000", "100000", "1000000"})
    int entries;

    RiskEngine engine;
    HandCodedVnBaseline handCoded;

    @Setup
    public void setup() {
      RulePack pack = Workload.vnBaseline();
      ReferenceData data = Workload.scaledReferenceData(pack, entries);
      engine = Workload.engine(pack, data);
      handCoded = new HandCodedVnBaseline(pack.manifest(), data);
    }
  }

  /** The engine, batched: per declaration. */
  @Benchmark
  @OperationsPerInvocation(Fixtures.BATCH)
  public List<Assessment> engineAssessAll(Padded scorers, Fixtures.Mixed batch) {
    return scorers.engine.assessAll(batch.declarations);
  }

  /** Plain Java over the same data: per declaration. */
  @Benchmark
  @OperationsPerInvocation(Fixtures.BATCH)
  public void handCoded(Padded scorers, Fixtures.Mixed batch, Blackhole sink) {
    Workload.assessEach(batch.declarations, scorers.handCoded::assess, sink);
  }
}
