package io.riskgate.cli;

import io.riskgate.RiskgateException;
import io.riskgate.RulePackException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.OptionalInt;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code riskgate} command line: {@code java -jar riskgate.jar <command> [options]}.
 *
 * <p>Exit status: 0 success; 1 the work found failures (rejected input lines, declarations the
 * engine failed closed on, failing scenarios); 2 bad arguments, a file that cannot be read or
 * written, or a pack that does not load, reported on one line without a stack trace; 3 a bug in
 * Riskgate, reported with its stack trace.
 */
@Command(name = "riskgate", mixinStandardHelpOptions = true, versionProvider = Riskgate.Version.class,
    description = "Customs risk assessment with rule packs: re-score history, generate samples, validate packs.",
    subcommands = {RescoreCommand.class, GenerateCommand.class, ValidateCommand.class,
        CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
        "0:success",
        "1:the work found failures (rejected lines, failed-closed declarations, failing scenarios)",
        "2:bad arguments, unreadable or unwritable files, or a pack that does not load",
        "3:a bug in Riskgate (printed with its stack trace)"})
public final class Riskgate implements Runnable {
  static final int OK = 0;
  static final int FAILURES = 1;
  static final int USAGE = 2;
  static final int BUG = 3;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  Riskgate() {}

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    OptionalInt relaunched = ShortRun.relaunchIfWorthIt(args);
    System.exit(relaunched.isPresent() ? relaunched.getAsInt() : run(args));
  }

  /** Runs the command line and returns its exit status (for tests and embedding). */
  static int run(String... args) {
    return commandLine().execute(args);
  }

  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Riskgate());
    cli.setParameterExceptionHandler(Riskgate::badArguments);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> failed(e, commandLine));
    return cli;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "a command is required: rescore, generate or validate");
  }

  private static int badArguments(CommandLine.ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    String name = command.getCommandSpec().qualifiedName();
    command.getErr().println(name + ": " + firstLine(e.getMessage()) + " (see '" + name + " --help')");
    return USAGE;
  }

  private static int failed(Exception e, CommandLine command) {
    PrintWriter err = command.getErr();
    String name = command.getCommandSpec().qualifiedName();
    if (e instanceof RulePackException pack) {
      err.println(name + ": " + packMessage(pack));
      return USAGE;
    }
    if (e instanceof UserException || e instanceof RiskgateException) {
      err.println(name + ": " + firstLine(e.getMessage()));
      return USAGE;
    }
    if (e instanceof UncheckedIOException io) {
      err.println(name + ": " + StagedFile.describe(io.getCause()));
      return USAGE;
    }
    err.println(name + ": internal error, please report it with this trace:");
    e.printStackTrace(err);
    return BUG;
  }

  /** One line for a pack that does not load: the count, and the first problem with its place. */
  static String packMessage(RulePackException e) {
    String first = e.problems().isEmpty() ? "" : ": " + e.problems().get(0);
    int more = e.problems().size() - 1;
    return "rule pack " + e.pack() + " does not load" + first
        + (more > 0 ? " (and " + more + " more; 'riskgate validate " + e.pack() + "' lists them all)" : "");
  }

  static String firstLine(String message) {
    if (message == null) {
      return "failed";
    }
    int end = message.indexOf('\n');
    return (end < 0 ? message : message.substring(0, end)).strip();
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Riskgate.class.getPackage().getImplementationVersion();
      return new String[] {"riskgate " + (version == null ? "(development build)" : version)};
    }
  }
}
