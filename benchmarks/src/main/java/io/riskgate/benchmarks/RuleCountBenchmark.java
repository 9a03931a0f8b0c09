package io.riskgate.benchmarks;

import io.riskgate.Assessment;
import io.riskgate.RiskEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How does the cost per declaration grow with the number of rules? {@code vn-baseline} plus
 * generated criteria of the same shapes ({@link GeneratedPack}), 50, 500 and 5,000 rules in all,
 * batched {@code assessAll} on the realistic mix, time per declaration. Target: sub-linear in the
 * number of rules. Setup prints the hits per declaration at each size, because every hit is a
 * firing, a reason text and a line of the assessment whatever evaluates the conditions: that part
 * of the cost grows with the hits, not with the rules as such.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar RuleCountBenchmark</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class RuleCountBenchmark {

  /** An engine on vn-baseline grown to {@code rules} rules. */
  @State(Scope.Benchmark)
  public static class Grown {
    @Param({"50", "500", "5000"})
    int rules;

    Path directory;
    RiskEngine engine;

    @Setup
    public void setup(Fixtures.Mixed batch) throws IOException {
      directory = Files.createTempDirectory("riskgate-rules-" + rules);
      engine = Workload.engine(GeneratedPack.write(Workload.vnBaseline(), rules, directory));
      long hits = engine.assessAll(batch.declarations).stream().mapToLong(a -> a.hits().size()).sum();
      System.out.printf(Locale.ROOT, "%n%,d rules: %.1f hits per declaration%n", rules, (double) hits / Fixtures.BATCH);
    }

    @TearDown
    public void tearDown() {
      PackCopies.delete(directory);
    }
  }

  /** The engine, batched: per declaration. */
  @Benchmark
  @OperationsPerInvocation(Fixtures.BATCH)
  public List<Assessment> engineAssessAll(Grown grown, Fixtures.Mixed batch) {
    return grown.engine.assessAll(batch.declarations);
  }
}
