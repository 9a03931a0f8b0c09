package io.riskgate.benchmarks;

import io.riskgate.RiskEngine;
import io.riskgate.RulePack;
import io.riskgate.declaration.Declaration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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
@Command(name = "BatchSizeTurns", description = "Engines of several batch sizes assessing in turns")
public final class BatchSizeTurns implements Callable<Integer> {
  @Mixin
  private final WorkloadOptions options = new WorkloadOptions(2_000, 0, 30, 4);

  @Option(names = "--sizes", paramLabel = "N", split = ",", description = "batch sizes (default: ${DEFAULT-VALUE})")
  private int[] sizes = {1000, 250, 100};

  public static void main(String[] args) {
    Tools.run(new BatchSizeTurns(), args);
  }

  @Override
  public Integer call() throws Exception {
    options.check();
    RulePack pack = Workload.vnBaseline();
    List<Declaration> input = options.input();
    RiskEngine[] engines = new RiskEngine[sizes.length];
    List<String> labels = new ArrayList<>();
    for (int s = 0; s < sizes.length; s++) {
      engines[s] = RiskEngine.builder().pack(pack).batchSize(sizes[s]).build();
      labels.add("batchSize " + sizes[s]);
    }
    System.out.println(options.describe());
    Turns.print(Turns.take(sizes.length, options.rounds, options.warmup, s -> engines[s].assessAll(input).size()), labels);
    return 0;
  }
}
