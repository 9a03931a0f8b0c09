package io.riskgate.benchmarks;

import io.riskgate.declaration.Declaration;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

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

  /** The tool this mixin is part of, for usage errors. */
  @Spec(Spec.Target.MIXEE)
  private CommandSpec tool;

  WorkloadOptions(int declarations, int items, int rounds, int warmup) {
    this.declarations = declarations;
    this.items = items;
    this.rounds = rounds;
    this.warmup = warmup;
  }

  /** Refuses options that cannot make a run, as a usage error. */
  void check() {
    if (declarations < 1 || items < 0 || warmup < 0 || rounds <= warmup) {
      throw new ParameterException(tool.commandLine(), "need --declarations of at least 1, --items of at least 0,"
          + " and more --rounds than --warmup (the warm-up rounds are part of the rounds)");
    }
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
