package io.riskgate.benchmarks;

import io.riskgate.Assessment;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What does Riskgate save a first-time Drools user? {@code vn-baseline} on the realistic mix, time
 * per declaration: the engine's batched {@code assessAll}; {@link NaiveDrools}, the code a
 * first-timer writes (a container built once, a new session per declaration: insert, fire,
 * dispose) with the criteria on the goods reached the way Drools' documentation reaches a
 * collection ({@code from $d.items}); and the same code on the pack as it ships (items as
 * {@code Line} facts), which leaves only the cost of a session per declaration. Target: the
 * first-timer at least 5x slower than {@code assessAll}.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar NaiveDroolsBenchmark</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 4, time = 1)
// Three forks, as EngineVsHandCodedBenchmark.
@Fork(3)
public class NaiveDroolsBenchmark {

  /** The first-timer's code, on both ways of writing the item criteria. */
  @State(Scope.Benchmark)
  public static class FirstTimer {
    NaiveDrools fromItems;
    NaiveDrools lineFacts;

    @Setup
    public void setup(Fixtures.Scorers scorers) {
      ReferenceData data = scorers.pack.referenceData();
      fromItems = new NaiveDrools(scorers.pack, data.globals(), NaiveDrools.Rules.FROM_ITEMS);
      lineFacts = new NaiveDrools(scorers.pack, data.globals(), NaiveDrools.Rules.PACK);
    }
  }

  /** The engine, batched. */
  @Benchmark
  @OperationsPerInvocation(Fixtures.BATCH)
  public List<Assessment> engineAssessAll(Fixtures.Scorers scorers, Fixtures.Mixed batch) {
    return scorers.engine.assessAll(batch.declarations);
  }

  /** The first-timer: a new session per declaration, item criteria with {@code from $d.items}. */
  @Benchmark
  @OperationsPerInvocation(Fixtures.BATCH)
  public void naiveSessionPerDeclaration(FirstTimer naive, Fixtures.Mixed batch, Blackhole sink) {
    Workload.assessEach(batch.declarations, naive.fromItems::assess, sink);
  }

  /** The first-timer's code on the pack as it ships (items as {@code Line} facts). */
  @Benchmark
  @OperationsPerInvocation(Fixtures.BATCH)
  public void naiveSessionPerDeclarationLineRules(FirstTimer naive, Fixtures.Mixed batch, Blackhole sink) {
    Workload.assessEach(batch.declarations, naive.lineFacts::assess, sink);
  }
}
