package io.riskgate.benchmarks;

import io.riskgate.Assessment;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * How far is the engine from plain Java, and how does that change with the size of a declaration?
 * {@code vn-baseline} on the engine's batched {@code assessAll}, against {@link HandCodedVnBaseline}
 * (the same 39 criteria, reason templates and evidence, and channel decision in plain Java over
 * the same reference data), on 2,048 declarations of each {@link Fixtures.Shape}: time per declaration. The ratio of
 * the two, read within one run, is the headline figure (target: at most 5x).
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar EngineVsHandCodedBenchmark -rf json -rff evh.json</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 4, time = 1)
// Three forks: the same code settles at different speeds in different JVMs (what the JIT compiled,
// and when), so one fork can make a ratio's outlier; the median over all forks' iterations is read.
@Fork(3)
public class EngineVsHandCodedBenchmark {

  /** The engine, batched: per declaration. */
  @Benchmark
  @OperationsPerInvocation(Fixtures.BATCH)
  public List<Assessment> engineAssessAll(Fixtures.Scorers scorers, Fixtures.Shaped batch) {
    return scorers.engine.assessAll(batch.declarations);
  }

  /** The same criteria in plain Java: per declaration. */
  @Benchmark
  @OperationsPerInvocation(Fixtures.BATCH)
  public void handCoded(Fixtures.Scorers scorers, Fixtures.Shaped batch, Blackhole sink) {
    Workload.assessEach(batch.declarations, scorers.handCoded::assess, sink);
  }
}
