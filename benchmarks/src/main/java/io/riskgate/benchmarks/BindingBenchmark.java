package io.riskgate.benchmarks;

import io.riskgate.RiskgateJson;
import java.nio.charset.StandardCharsets;
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
 * What does reading a declaration's JSON cost, from text and from UTF-8 bytes? Binding is about a
 * third of a rescore worker's time, and {@code rescore} reads its input as bytes. The 2,048
 * declarations of the realistic mix as one-line JSON, bound with
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
  RiskgateJson json;
  String[] texts;
  byte[][] utf8;

  @Setup
  public void setup(Fixtures.Mixed batch) {
    json = RiskgateJson.defaults();
    texts = batch.declarations.stream().map(json::writeDeclaration).toArray(String[]::new);
    utf8 = new byte[texts.length][];
    for (int i = 0; i < texts.length; i++) {
      utf8[i] = texts[i].getBytes(StandardCharsets.UTF_8);
    }
  }

  /** From a string, as a caller that already holds text does. */
  @Benchmark
  @OperationsPerInvocation(Fixtures.BATCH)
  public void fromText(Blackhole sink) {
    for (int i = 0; i < texts.length; i++) {
      sink.consume(json.readDeclaration(texts[i], i + 1));
    }
  }

  /** From UTF-8 bytes, as {@code rescore} and a message consumer do. */
  @Benchmark
  @OperationsPerInvocation(Fixtures.BATCH)
  public void fromBytes(Blackhole sink) {
    for (int i = 0; i < utf8.length; i++) {
      sink.consume(json.readDeclaration(utf8[i], i + 1));
    }
  }
}
