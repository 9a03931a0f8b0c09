package io.riskgate.benchmarks;

import io.riskgate.Assessment;
import io.riskgate.declaration.Declaration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long does a clearance system wait for one {@code assess}? The latency distribution of single
 * calls on {@code vn-baseline} (JMH SampleTime: p50, p99, p99.9), cycling through the 2,048
 * declarations of each {@link Fixtures.Shape}. Target: p99 under 50 microseconds.
 *
 * <p>{@link #handCoded} samples the same declarations through {@link HandCodedVnBaseline} in the
 * same run: its tail is what this machine adds to any scorer (collections, a shared CPU), so where
 * plain Java misses 50 microseconds the engine cannot meet it.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar AssessLatencyBenchmark</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 4, time = 1)
// Two forks: a percentile pools every fork's samples (tens of thousands), so a third fork moves it
// less than it would move a ratio of means, and the four shapes' eight runs stay within minutes.
@Fork(2)
public class AssessLatencyBenchmark {
  private int next;

  private Declaration next(Fixtures.Shaped batch) {
    Declaration declaration = batch.declarations.get(next);
    next = (next + 1) & (Fixtures.BATCH - 1);
    return declaration;
  }

  /** One declaration, one call. */
  @Benchmark
  public Assessment assess(Fixtures.Scorers scorers, Fixtures.Shaped batch) {
    return scorers.engine.assess(next(batch));
  }

  /** The same declaration through the plain-Java baseline. */
  @Benchmark
  public HandCodedVnBaseline.Result handCoded(Fixtures.Scorers scorers, Fixtures.Shaped batch) {
    return scorers.handCoded.assess(next(batch));
  }
}
