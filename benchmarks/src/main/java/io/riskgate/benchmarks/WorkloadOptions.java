package io.riskgate.benchmarks;

import io.riskgate.declaration.Declaration;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The options the measuring tools share, as a picocli mixin: how many generated declarations, of
 * how many items, and how many rounds, the first ones warm-up. Each tool passes its own defaults.
 */
final class WorkloadOptions {
  @Option(names = "--declarations", paramLabel = "N", description = "generated declarations (default: ${DEFAULT-VALUE})")
  int declarations;

  @Option(names = "--items", paramLabel = "N", description = "items per declaration, 0 for the generator's realistic mix (default: ${DEFAULT-VALUE})")
  int items;

  @Option(names = "--rounds", paramLabel = "N", description = "rounds in all, warm-up included (default: ${DEFAULT-VALUE})")
  int rounds;

  @Option(names = "--warmup", paramLabel = "N", description = "rounds left out as warm-up (default: ${DEFAULT-VALUE})")
  int warmup;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "prints this and exits")
  boolean help;

  WorkloadOptions(int declarations, int items, int rounds, int warmup) {
    this.declarations = declarations;
    this.items = items;
    this.rounds = rounds;
    this.warmup = warmup;
  }

  /** The declarations, from the seeded generator. */
  List<Declaration> input() {
    return Workload.declarations(declarations, items, Workload.SEED);
  }

  /** What the input is, for the first line of a tool's output. */
  String describe() {
    return String.format(Locale.ROOT, "vn-baseline, %,d declarations (%s)", declarations,
        items == 0 ? "realistic mix" : items + " items each");
  }

  /** The options as given again on a command line (for a tool that starts child JVMs). */
  List<String> arguments() {
    return List.of("--declarations", String.valueOf(declarations), "--items", String.valueOf(items),
        "--rounds", String.valueOf(rounds), "--warmup", String.valueOf(warmup));
  }
}
