package io.riskgate.benchmarks;

import io.riskgate.PackVersion;
import io.riskgate.RiskEngine;
import io.riskgate.RulePack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long does a pack take to compile, cold and hot? For {@code vn-baseline} and a generated pack
 * of 5,000 rules ({@link GeneratedPack}):
 * <ul>
 *   <li>{@code coldBuild}: building an engine in a fresh JVM, the first compile the process does
 *       (one shot per fork, several forks);</li>
 *   <li>{@code hotReload}: {@code reload} of an edited copy (a new content hash, so it compiles) in
 *       a JVM that has compiled the pack before;</li>
 *   <li>{@code cachedReload}: {@code reload} of the unchanged pack, which the engine's cache of
 *       compiled packs answers.</li>
 * </ul>
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar PackBuildBenchmark</pre>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PackBuildBenchmark {

  /** The pack, read from its files, and nothing compiled yet. */
  @State(Scope.Benchmark)
  public static class PackFiles {
    @Param({"vn-baseline", "generated-5000"})
    String pack;

    Path directory;
    RulePack base;

    @Setup(Level.Trial)
    public void setup() throws IOException {
      directory = Files.createTempDirectory("riskgate-pack-build");
      base = Workload.pack(pack, directory.resolve("base"));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      PackCopies.delete(directory);
    }
  }

  /** An engine serving the pack, and before each reload an edited copy of it. */
  @State(Scope.Benchmark)
  public static class Serving {
    RiskEngine engine;
    RulePack next;
    int copies;

    @Setup(Level.Trial)
    public void setup(PackFiles files) {
      engine = Workload.engine(files.base);
    }

    @Setup(Level.Invocation)
    public void editedCopy(PackFiles files) {
      copies++;
      next = PackCopies.copy(files.base, files.directory.resolve("copy-" + copies), Integer.toString(copies));
    }
  }

  /** An edited copy of the pack per invocation, so that no build is answered from the cache. */
  @State(Scope.Benchmark)
  public static class FreshCopy {
    RulePack pack;
    int copies;

    @Setup(Level.Invocation)
    public void editedCopy(PackFiles files) {
      copies++;
      pack = PackCopies.copy(files.base, files.directory.resolve("fresh-" + copies), Integer.toString(copies));
    }
  }

  /** The first compile of the process (with no warmup iteration, as annotated: one shot per fork). */
  @Benchmark
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  @Fork(value = 3, jvmArgsAppend = "-Xmx3g")
  public RiskEngine coldBuild(FreshCopy copy) {
    return Workload.engine(copy.pack);
  }

  /** A compile in a process that has compiled the pack before. */
  @Benchmark
  @Warmup(iterations = 1)
  @Measurement(iterations = 4)
  @Fork(value = 1, jvmArgsAppend = "-Xmx3g")
  public PackVersion hotReload(Serving serving) {
    return serving.engine.reload(serving.next);
  }

  /** A reload the cache of compiled packs answers. */
  @Benchmark
  @Warmup(iterations = 1)
  @Measurement(iterations = 4)
  @Fork(value = 1, jvmArgsAppend = "-Xmx3g")
  public PackVersion cachedReload(PackFiles files, Serving serving) {
    return serving.engine.reload(files.base);
  }
}
