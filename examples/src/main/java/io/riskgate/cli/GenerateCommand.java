package io.riskgate.cli;

import io.riskgate.RiskgateJson;
import io.riskgate.rules.sample.GeneratedDeclaration;
import io.riskgate.rules.sample.SampleGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code riskgate generate}: synthetic declarations, reproducible from a seed. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
    versionProvider = Riskgate.Version.class,
    description = {
        "Writes synthetic import declarations as JSON Lines (the input of rescore): traders of every"
            + " compliance level, HS codes across chapters, values around and far from reference"
            + " prices, preference claims, routes by sea, road and air. The same seed gives the same file.",
        "With --with-outcomes each line also carries \"outcome\": {\"inspected\": ..., \"violation\": ...}:"
            + " whether the declaration was inspected, and whether it hides a violation (known for"
            + " every generated declaration, inspected or not)."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:written", "2:bad arguments, or the file cannot be written"})
final class GenerateCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--count", required = true, paramLabel = "N",
      description = "How many declarations, 1 to 100000000.")
  long count;

  @Option(names = "--seed", required = true, paramLabel = "S", description = "The seed (any whole number).")
  long seed;

  @Option(names = "--out", required = true, paramLabel = "<file>",
      description = "Where to write them; a name ending in .gz is compressed.")
  Path out;

  @Option(names = "--with-outcomes", description = "Add each declaration's known outcome.")
  boolean withOutcomes;

  @Option(names = "--items", paramLabel = "N",
      description = "Exactly N items per declaration, 1 to 1000 (default: a realistic mix, 1 to 30).")
  Integer items;

  @Override
  public Integer call() throws IOException {
    CommandLine cli = spec.commandLine();
    if (count < 1 || count > 100_000_000L) {
      throw new CommandLine.ParameterException(cli, "--count must be between 1 and 100000000, was " + count);
    }
    if (items != null && (items < 1 || items > 1_000)) {
      throw new CommandLine.ParameterException(cli, "--items must be between 1 and 1000, was " + items);
    }
    SampleGenerator.Builder builder = SampleGenerator.builder().seed(seed);
    if (items != null) {
      builder.itemsPerDeclaration(items);
    }
    SampleGenerator generator = builder.build();
    RiskgateJson json = RiskgateJson.defaults();
    long violations = 0;
    long inspected = 0;
    try (StagedFile file = StagedFile.create(out)) {
      for (long i = 0; i < count; i++) {
        GeneratedDeclaration next = generator.next();
        Outcome outcome = null;
        if (withOutcomes) {
          outcome = new Outcome(next.outcome().inspected(), next.outcome().violation());
          inspected += outcome.inspected() ? 1 : 0;
          violations += outcome.violation() ? 1 : 0;
        }
        file.line(JsonlRecord.format(json.writeDeclaration(next.declaration()), outcome));
      }
      file.commit();
    }
    PrintWriter stdout = cli.getOut();
    stdout.printf("wrote %,d declarations to %s (seed %d)%n", count, out, seed);
    if (withOutcomes) {
      stdout.printf("outcomes: %,d inspected (%.1f%%), %,d hide a violation (%.2f%%)%n", inspected,
          100.0 * inspected / count, violations, 100.0 * violations / count);
    }
    stdout.flush();
    return Riskgate.OK;
  }
}
