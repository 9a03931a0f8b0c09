package io.riskgate.benchmarks;

import io.riskgate.RiskgateJson;
import io.riskgate.declaration.Declaration;
import java.nio.charset.StandardCharsets;
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
 * What does reading a declaration's JSON cost, from text and from UTF-8 bytes? A third of a
 * rescore worker's time is binding; {@code rescore} reads its input as bytes. 2,000 generated
 * declarations (the generator's mix of item counts) as one-line JSON, bound with
 * {@link RiskgateJson#readDeclaration(String, long)} and {@link RiskgateJson#readDeclaration(byte[], long)},
 * time per declaration.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar BindingBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class BindingBenchmark {
  static final int DECLARATIONS = 2_000;

  RiskgateJson json;
  String[] texts;
  byte[][] utf8;

  @Setup
  public void setup() {
    json = RiskgateJson.defaults();
    List<Declaration> declarations = Workload.declarations(DECLARATIONS, 0, Workload.SEED);
    texts = declarations.stream().map(json::writeDeclaration).toArray(String[]::new);
    utf8 = new byte[texts.length][];
    for (int i = 0; i < texts.length; i++) {
      utf8[i] = texts[i].getBytes(StandardCharsets.UTF_8);
    }
  }

  /** From a string, as a caller that already holds text does. */
  @Benchmark
  @OperationsPerInvocation(DECLARATIONS)
  public void fromText(Blackhole sink) {
    for (int i = 0; i < texts.length; i++) {
      sink.consume(json.readDeclaration(texts[i], i + 1));
    }
  }

  /** From UTF-8 bytes, as {@code rescore} and a message consumer do. */
  @Benchmark
  @OperationsPerInvocation(DECLARATIONS)
  public void fromBytes(Blackhole sink) {
    for (int i = 0; i < utf8.length; i++) {
      sink.consume(json.readDeclaration(utf8[i], i + 1));
    }
  }
}
