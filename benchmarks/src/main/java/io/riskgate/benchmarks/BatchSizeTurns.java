package io.riskgate.benchmarks;

import io.riskgate.RiskEngine;
import io.riskgate.RulePack;
import io.riskgate.declaration.Declaration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How many declarations should one Drools session assess? {@code vn-baseline}, {@code assessAll}
 * over {@code --declarations} generated declarations ({@code --items} each, or the realistic mix if
 * 0), with one engine per batch size, time per declaration.
 *
 * <p>Not JMH, on purpose: the sizes differ by a tenth or two, and on this shared machine two JMH
 * forks minutes apart differ by more. The engines share one JVM (and its compiled code) and take
 * {@link Turns}; the output is each size's median over the rounds, and the rounds in which each
 * size beat the first one.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.riskgate.benchmarks.BatchSizeTurns \
 *     --sizes 1000,250,100 --rounds 30</pre>
 */
public final class BatchSizeTurns {
  private BatchSizeTurns() {}

  /** Options: --sizes N,N,..., --declarations N, --items N, --rounds N, --warmup N. */
  public static void main(String[] args) throws Exception {
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
    List<String> labels = new ArrayList<>();
    for (int s = 0; s < sizes.length; s++) {
      engines[s] = RiskEngine.builder().pack(pack).batchSize(sizes[s]).build();
      labels.add("batchSize " + sizes[s]);
    }
    System.out.printf("vn-baseline, %,d declarations (%s)%n", declarations,
        items == 0 ? "realistic mix" : items + " items each");
    Turns.print(Turns.take(sizes.length, rounds, warmup, s -> engines[s].assessAll(input).size()), labels);
  }
}
