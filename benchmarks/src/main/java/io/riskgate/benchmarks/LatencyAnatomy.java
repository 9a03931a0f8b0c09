package io.riskgate.benchmarks;

import io.riskgate.RiskEngine;
import io.riskgate.RulePack;
import io.riskgate.declaration.Declaration;
import io.riskgate.reference.ReferenceData;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Where does the tail of single {@code assess} calls come from: the declarations, or the machine?
 * Takes {@link AssessLatencyBenchmark}'s 4,096 generated declarations (same seed, {@code --items}
 * each) and times every one of them alone, {@code --rounds} times, through the engine and through
 * {@link HandCodedVnBaseline} in turn (which of the two goes first alternates from round to round,
 * so that neither always finds the declaration in the cache). Prints, for each scorer:
 *
 * <ul>
 *   <li>the p50 and p99 of all the calls (nearest rank): JMH's SampleTime percentiles in kind, but
 *       over every call rather than a sample of them, so the figures differ from a JMH run's;
 *   <li>the p50 and p99 over the declarations of each one's median and of each one's fastest call:
 *       what the work itself costs, with the machine's noise taken out. If the p99 of the fastest
 *       calls is over a latency target, no quieter machine meets it;
 *   <li>a least-squares line of each declaration's median against its number of hits: what a hit
 *       costs, its firing and reason text together with whatever work comes with more hits (more
 *       conditions true), so the slope is steeper for small declarations.
 * </ul>
 *
 * <p>And a third row, the machine itself: a loop of arithmetic that touches no memory, calibrated to
 * take the engine's median time, timed in the same rounds right after each declaration. Its work
 * never varies, so its tail is what this machine adds to any call of that length (interrupts, the
 * other tenants of a shared CPU); a p99 target below that tail cannot be met here by any code. The
 * loop allocates nothing, so garbage collections fall on the other two rows only: its tail is the
 * least the machine adds.
 *
 * <p>Not JMH: it needs each call's time by declaration, which JMH's samples do not keep. Calls are
 * timed with {@code System.nanoTime}, whose cost (tens of nanoseconds) is under a thousandth of a
 * 50-item call.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.riskgate.benchmarks.LatencyAnatomy --items 50 --rounds 15</pre>
 */
@Command(name = "LatencyAnatomy", description = "Each declaration timed alone: engine, plain Java and a fixed loop")
public final class LatencyAnatomy implements Callable<Integer> {
  @Option(names = "--items", paramLabel = "N", description = "items per declaration (default: ${DEFAULT-VALUE})")
  private int items = 50;

  @Option(names = "--rounds", paramLabel = "N", description = "timed rounds, after the warm-up (default: ${DEFAULT-VALUE})")
  private int rounds = 15;

  @Option(names = "--warmup", paramLabel = "N", description = "untimed rounds first (default: ${DEFAULT-VALUE})")
  private int warmup = 10;

  @Option(names = "--declarations", paramLabel = "N", description = "generated declarations (default: ${DEFAULT-VALUE}, as AssessLatencyBenchmark)")
  private int pool = 4_096;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "prints this and exits")
  private boolean help;

  public static void main(String[] args) {
    Tools.run(new LatencyAnatomy(), args);
  }

  @Override
  public Integer call() {
    List<Declaration> declarations = Workload.declarations(pool, items, Workload.SEED);
    RulePack pack = Workload.vnBaseline();
    RiskEngine engine = Workload.engine(pack);
    HandCodedVnBaseline handCoded = new HandCodedVnBaseline(pack.manifest(), ReferenceData.load(pack));

    double[] hits = new double[pool];
    for (int d = 0; d < pool; d++) {
      hits[d] = engine.assess(declarations.get(d)).hits().size();
    }
    long sink = 0;
    for (int round = 0; round < warmup; round++) {
      for (Declaration declaration : declarations) {
        sink += engine.assess(declaration).score() + handCoded.assess(declaration).score();
      }
    }
    int steps = calibrate(declarations, engine);
    double[][] engineMicros = new double[pool][rounds];
    double[][] handMicros = new double[pool][rounds];
    double[][] fixedMicros = new double[pool][rounds];
    for (int round = 0; round < rounds; round++) {
      boolean engineFirst = round % 2 == 0;
      for (int d = 0; d < pool; d++) {
        Declaration declaration = declarations.get(d);
        long start = System.nanoTime();
        sink += engineFirst ? engine.assess(declaration).score() : handCoded.assess(declaration).score();
        long firstEnd = System.nanoTime();
        sink += engineFirst ? handCoded.assess(declaration).score() : engine.assess(declaration).score();
        long secondEnd = System.nanoTime();
        sink += fixedWork(steps, d);
        long fixedEnd = System.nanoTime();
        double first = (firstEnd - start) / 1e3;
        double second = (secondEnd - firstEnd) / 1e3;
        engineMicros[d][round] = engineFirst ? first : second;
        handMicros[d][round] = engineFirst ? second : first;
        fixedMicros[d][round] = (fixedEnd - secondEnd) / 1e3;
      }
    }
    System.out.printf("vn-baseline, %,d declarations of %d item(s), each timed alone %d times after %d rounds"
        + " of warm-up (checksum %d)%n", pool, items, rounds, warmup, sink & 0xff);
    System.out.printf("hits per declaration: p50 %.0f, p99 %.0f, most %.0f%n",
        percentile(hits, 0.50), percentile(hits, 0.99), percentile(hits, 1.0));
    System.out.printf("%-12s %17s %23s %23s %22s%n", "us per call", "all calls p50/p99",
        "declaration median p50/p99", "declaration fastest p50/p99", "per hit + fixed");
    report("engine", engineMicros, hits);
    report("plain Java", handMicros, hits);
    report("fixed work", fixedMicros, hits);
    return 0;
  }

  /** Steps of {@link #fixedWork} that take as long as the engine's median call. */
  private static int calibrate(List<Declaration> declarations, RiskEngine engine) {
    double[] calls = new double[declarations.size()];
    for (int d = 0; d < calls.length; d++) {
      long start = System.nanoTime();
      engine.assess(declarations.get(d));
      calls[d] = System.nanoTime() - start;
    }
    int steps = 1_000;
    double[] loops = new double[1_001];
    long sink = 0;
    for (int attempt = 0; attempt < 3; attempt++) {
      for (int i = 0; i < loops.length; i++) {
        long start = System.nanoTime();
        sink += fixedWork(steps, i);  // used below, so that the JIT cannot drop the loop
        loops[i] = System.nanoTime() - start;
      }
      steps = (int) Math.min(1 << 30, Math.max(1, steps * Turns.median(calls) / Turns.median(loops)));
    }
    return sink == 42 ? steps + 1 : steps;
  }

  /** Arithmetic that touches no memory: the same work every call, whatever the seed. */
  private static long fixedWork(int steps, long seed) {
    long x = seed | 1;
    for (int i = 0; i < steps; i++) {
      x ^= x << 13;
      x ^= x >>> 7;
      x ^= x << 17;
    }
    return x;
  }

  private static void report(String label, double[][] micros, double[] hits) {
    int pool = micros.length;
    double[] all = Arrays.stream(micros).flatMapToDouble(Arrays::stream).toArray();
    double[] medians = new double[pool];
    double[] fastest = new double[pool];
    for (int d = 0; d < pool; d++) {
      medians[d] = Turns.median(micros[d]);
      fastest[d] = Arrays.stream(micros[d]).min().orElseThrow();
    }
    double[] line = leastSquares(hits, medians);
    double slope = Math.abs(line[1]) < 0.005 ? 0 : line[1];  // flat for the fixed work: not "-0.00"
    System.out.printf("%-12s %8.1f / %6.1f %14.1f / %6.1f %14.1f / %6.1f %10.2f + %6.1f%n", label,
        percentile(all, 0.50), percentile(all, 0.99), percentile(medians, 0.50), percentile(medians, 0.99),
        percentile(fastest, 0.50), percentile(fastest, 0.99), slope, line[0]);
  }

  /** The value at quantile {@code q} (nearest rank). */
  private static double percentile(double[] values, double q) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  /** Intercept and slope of the least-squares line of {@code y} against {@code x}. */
  private static double[] leastSquares(double[] x, double[] y) {
    double meanX = Arrays.stream(x).average().orElseThrow();
    double meanY = Arrays.stream(y).average().orElseThrow();
    double covariance = 0;
    double variance = 0;
    for (int i = 0; i < x.length; i++) {
      covariance += (x[i] - meanX) * (y[i] - meanY);
      variance += (x[i] - meanX) * (x[i] - meanX);
    }
    double slope = variance == 0 ? 0 : covariance / variance;
    return new double[] {meanY - slope * meanX, slope};
  }
}
