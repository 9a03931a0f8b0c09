package io.riskgate.cli;

import io.riskgate.scenario.PackValidation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code riskgate validate}: the rule author's check of a pack folder. */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = Riskgate.Version.class,
    description = {
        "Compiles a pack, loads its reference data and runs its scenarios (scenarios/*.json).",
        "Prints path:line:column: message for each compile error, a FAIL line per failing scenario,"
            + " and a summary."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
        "0:the pack loads and every scenario passes",
        "1:a scenario failed",
        "2:the pack does not load, or bad arguments"})
final class ValidateCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<pack-dir>", description = "The pack folder (with pack.json).")
  Path packDir;

  @Override
  public Integer call() {
    if (!Files.isDirectory(packDir)) {
      throw new CommandLine.ParameterException(spec.commandLine(), packDir + ": no such folder");
    }
    spec.commandLine().getOut().flush();
    int status = PackValidation.validate(packDir, System.out);
    System.out.flush();
    return status;
  }
}
