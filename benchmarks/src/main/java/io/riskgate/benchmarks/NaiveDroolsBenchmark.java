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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What does Riskgate save a first-time Drools user? {@code vn-baseline} on generated declarations
 * (the generator's realistic mix of item counts), scored five ways, time per declaration: the
 * engine's batched {@code assessAll}; the engine's {@code assess} called once per declaration;
 * {@link NaiveDrools}, the code a first-timer writes (a container built once, a new session per
 * declaration: insert, fire, dispose) with the criteria on the goods written the way Drools'
 * documentation reaches a collection ({@code from $d.items}); the same code on the pack as it
 * ships (items as {@code Line} facts), which isolates the cost of a session per declaration; and
 * that with its sessions from a {@code KieSessionsPool}. Target: naive at least 5x slower than
 * {@code assessAll}.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar NaiveDroolsBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 1)
// Five forks, not one: see ItemCountBenchmark.
@Measurement(iterations = 4, time = 1)
@Fork(5)
public class NaiveDroolsBenchmark {
  static final int DECLARATIONS = 2_000;

  List<Declaration> declarations;
  RiskEngine engine;
  NaiveDrools naive;
  NaiveDrools naiveLines;
  NaiveDrools pooled;

  @Setup
  public void setup() {
    RulePack pack = Workload.vnBaseline();
    declarations = Workload.declarations(DECLARATIONS, 0, Workload.SEED);
    engine = Workload.engine(pack);
    naive = Workload.naive(pack);
    naiveLines = new NaiveDrools(pack, ReferenceData.load(pack).globals(), false, NaiveDrools.Rules.PACK);
    pooled = new NaiveDrools(pack, ReferenceData.load(pack).globals(), true, NaiveDrools.Rules.PACK);
  }

  /** The engine, batched. */
  @Benchmark
  @OperationsPerInvocation(DECLARATIONS)
  public List<Assessment> engineAssessAll() {
    return engine.assessAll(declarations);
  }

  /** The engine, one call per declaration. */
  @Benchmark
  @OperationsPerInvocation(DECLARATIONS)
  public void engineAssessEach(Blackhole sink) {
    Workload.assessEach(declarations, engine::assess, sink);
  }

  /** The first-timer: a new session per declaration, item criteria with {@code from $d.items}. */
  @Benchmark
  @OperationsPerInvocation(DECLARATIONS)
  public void naiveSessionPerDeclaration(Blackhole sink) {
    Workload.assessEach(declarations, naive::assess, sink);
  }

  /** The first-timer's code on the pack as it ships (items as {@code Line} facts). */
  @Benchmark
  @OperationsPerInvocation(DECLARATIONS)
  public void naiveSessionPerDeclarationLineRules(Blackhole sink) {
    Workload.assessEach(declarations, naiveLines::assess, sink);
  }

  /** The first-timer with a {@code KieSessionsPool}, on the pack as it ships. */
  @Benchmark
  @OperationsPerInvocation(DECLARATIONS)
  public void naivePooledSessionPerDeclaration(Blackhole sink) {
    Workload.assessEach(declarations, pooled::assess, sink);
  }
}
