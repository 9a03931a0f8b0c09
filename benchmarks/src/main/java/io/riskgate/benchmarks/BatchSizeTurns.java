package io.riskgate.benchmarks;

import io.riskgate.RiskEngine;
import io.riskgate.RulePack;
import io.riskgate.declaration.Declaration;
import java.util.Arrays;
import java.util.List;

/**
 * How many declarations should one Drools session assess? {@code vn-baseline}, {@code assessAll}
 * over {@code --declarations} generated declarations ({@code --items} each, or the realistic mix if
 * 0), with one engine per batch size, time per declaration.
 *
 * <p>Not JMH, on purpose: the sizes differ by a tenth or two, and on this shared machine two JMH
 * forks minutes apart differ by more. Here the engines share one JVM (and its compiled code) and
 * take turns, a second each, in an order that rotates every round; the output is each size's median
 * over the rounds, and the rounds in which each size beat the first one. The first
 * {@code --warmup} rounds are left out.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.riskgate.benchmarks.BatchSizeTurns \
 *     --sizes 1000,250,100 --rounds 30</pre>
 */
public final class BatchSizeTurns {
  private BatchSizeTurns() {}

  /** Options: --sizes N,N,..., --declarations N, --items N, --rounds N, --warmup N. */
  public static void main(String[] args) {
    int[] sizes = {1000, 250, 100};
    int declarations = 2_000;
    int items = 0;
    int rounds = 30;
    int warmup = 4;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--sizes" -> sizes = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
        case "--declarations" -> declarations = Integer.parseInt(args[++i]);
        case "--items" -> items = Integer.parseInt(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    RulePack pack = Workload.vnBaseline();
    List<Declaration> input = Workload.declarations(declarations, items, Workload.SEED);
    RiskEngine[] engines = new RiskEngine[sizes.length];
    for (int s = 0; s < sizes.length; s++) {
      engines[s] = RiskEngine.builder().pack(pack).batchSize(sizes[s]).build();
    }
    double[][] micros = new double[sizes.length][rounds - warmup];
    long assessed = 0;  // printed, so that the JIT cannot drop the work
    for (int round = 0; round < rounds; round++) {
      for (int turn = 0; turn < sizes.length; turn++) {
        int s = (turn + round) % sizes.length;
        long start = System.nanoTime();
        long count = 0;
        while (System.nanoTime() - start < 1_000_000_000L) {
          assessed += engines[s].assessAll(input).size();
          count += input.size();
        }
        if (round >= warmup) {
          micros[s][round - warmup] = (System.nanoTime() - start) / 1e3 / count;
        }
      }
    }
    System.out.printf("vn-baseline, %,d declarations (%s), %d rounds after %d of warm-up; %,d assessed%n",
        declarations, items == 0 ? "realistic mix" : items + " items each", rounds - warmup, warmup, assessed);
    System.out.println("batchSize  median us/decl  fastest  rounds faster than " + sizes[0]);
    for (int s = 0; s < sizes.length; s++) {
      int won = 0;
      for (int r = 0; r < micros[s].length; r++) {
        won += micros[s][r] < micros[0][r] ? 1 : 0;
      }
      double[] sorted = micros[s].clone();
      Arrays.sort(sorted);
      System.out.printf("%9d  %14.2f  %7.2f  %s%n", sizes[s], median(sorted), sorted[0],
          s == 0 ? "-" : won + " of " + sorted.length);
    }
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
