package io.riskgate.cli;

import io.riskgate.scenario.PackValidation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code riskgate validate}: the rule author's check of a pack folder. */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = Riskgate.Version.class,
    description = {
        "Compiles a pack, loads its reference data, runs its scenarios (scenarios/*.json) and checks"
            + " that every criterion has a scenario where it hits and a near miss"
            + " (scenarios/<code>-near-miss*.json, where it does not hit).",
        "Prints path:line:column: message for each compile error and each criterion not covered, a"
            + " FAIL line per failing scenario, and a summary."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
        "0:the pack loads, every scenario passes and every criterion is covered",
        "1:a scenario failed, or a criterion lacks a scenario where it hits or a near miss",
        "2:the pack does not load, or bad arguments",
        "3:the validation could not complete: a rule stuck (--stuck-after), a JVM error such as"
            + " running out of memory"})
final class ValidateCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<pack-dir>", description = "The pack folder (with pack.json).")
  Path packDir;

  @Option(names = "--stuck-after", paramLabel = "<seconds>", defaultValue = "60",
      description = "Stop (exit 3, naming the scenario and the rule) when a rule or condition has not finished for this long, 1 to 86400 (default: ${DEFAULT-VALUE}).")
  int stuckAfter;

  @Override
  public Integer call() {
    Duration stuck = Riskgate.stuckAfter(spec.commandLine(), stuckAfter);
    if (!Files.isDirectory(packDir)) {
      throw new CommandLine.ParameterException(spec.commandLine(), packDir + ": no such folder");
    }
    spec.commandLine().getOut().flush();
    int status = PackValidation.validate(packDir, System.out, stuck);
    System.out.flush();
    return status == PackValidation.STUCK ? Riskgate.INCOMPLETE : status;
  }
}
