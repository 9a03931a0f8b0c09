package io.riskgate.benchmarks;

import java.util.Arrays;
import java.util.List;

/**
 * Participants (engines of different settings or builds) assessing in turns inside one JVM, a
 * second each, in an order that rotates every round, so that each sees the same load second by
 * second: on a shared machine, a difference of a tenth is smaller than what two JMH forks minutes
 * apart differ by. Used by {@link JarTurns}.
 */
final class Turns {
  private Turns() {}

  /** One call by one participant; returns how many declarations it assessed. */
  @FunctionalInterface
  interface Call {
    int run(int participant) throws Exception;
  }

  /**
   * Microseconds per declaration, per participant and round, leaving out the first
   * {@code warmup} rounds.
   */
  static double[][] take(int participants, int rounds, int warmup, Call call) throws Exception {
    if (warmup >= rounds) {
      throw new IllegalArgumentException("--warmup must be less than --rounds");
    }
    double[][] micros = new double[participants][rounds - warmup];
    long assessed = 0;
    for (int round = 0; round < rounds; round++) {
      for (int turn = 0; turn < participants; turn++) {
        int p = (turn + round) % participants;
        long start = System.nanoTime();
        long count = 0;
        while (System.nanoTime() - start < 1_000_000_000L) {
          count += call.run(p);
        }
        if (round >= warmup) {
          micros[p][round - warmup] = (System.nanoTime() - start) / 1e3 / count;
        }
        assessed += count;
      }
    }
    System.out.printf("%d rounds after %d of warm-up; %,d declarations assessed%n", rounds - warmup, warmup, assessed);
    return micros;
  }

  /** Each participant's median and fastest round, and the rounds it beat the first one in. */
  static void print(double[][] micros, List<String> labels) {
    System.out.printf("%-40s  %14s  %7s  %s%n", "", "median us/decl", "fastest", "rounds faster than the first");
    for (int p = 0; p < micros.length; p++) {
      int won = 0;
      for (int r = 0; r < micros[p].length; r++) {
        won += micros[p][r] < micros[0][r] ? 1 : 0;
      }
      System.out.printf("%-40s  %14.2f  %7.2f  %s%n", labels.get(p), median(micros[p]),
          Arrays.stream(micros[p]).min().orElseThrow(), p == 0 ? "-" : won + " of " + micros[p].length);
    }
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
