package io.riskgate.cli;

import io.riskgate.RiskgateException;
import io.riskgate.RulePackException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code riskgate} command line: {@code java -jar riskgate.jar <command> [options]}.
 *
 * <p>Exit status: 0 success; 1 the work found failures (rejected input lines, declarations the
 * engine failed closed on, failing scenarios, criteria without scenarios); 2 bad arguments, a file
 * that cannot be read or written, or a pack that does not load, reported on one line without a
 * stack trace; 3 the run could not complete: a rule or condition that did not finish within
 * {@code --stuck-after}, or a JVM error such as running out of memory, each reported on one line
 * (with the stack trace under {@code --debug}), or a bug in Riskgate, reported with its stack trace.
 */
@Command(name = "riskgate", mixinStandardHelpOptions = true, versionProvider = Riskgate.Version.class,
    description = "Customs risk assessment with rule packs: re-score history, calibrate thresholds, generate samples,"
        + " validate packs.",
    subcommands = {RescoreCommand.class, CalibrateCommand.class, GenerateCommand.class, ValidateCommand.class,
        CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
        "0:success",
        "1:the work found failures (rejected lines, failed-closed declarations, failing scenarios,"
            + " criteria without scenarios)",
        "2:bad arguments, unreadable or unwritable files, or a pack that does not load",
        "3:the run could not complete: a rule stuck (--stuck-after), the JVM out of memory or another"
            + " JVM error (one line; the trace with --debug), or a bug in Riskgate (printed with its"
            + " stack trace)"})
public final class Riskgate implements Runnable {
  static final int OK = 0;
  static final int FAILURES = 1;
  static final int USAGE = 2;
  /** The run could not complete: a stuck rule, a JVM error, or a bug. */
  static final int INCOMPLETE = 3;
  static final String DEBUG = "--debug";
  private static final Object ENDING = new Object();

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(names = DEBUG, scope = CommandLine.ScopeType.INHERIT,
      description = "On a JVM error (such as running out of memory), print its stack trace too.")
  boolean debug;

  Riskgate() {}

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    endOnErrorsOfOtherThreads(args);
    OptionalInt relaunched = ShortRun.relaunchIfWorthIt(args);
    int status = relaunched.isPresent() ? relaunched.getAsInt() : run(args);
    if (status == INCOMPLETE) {
      // A stuck rule's thread cannot be stopped, and it may hold what shutdown hooks need; after a
      // JVM error the JVM may not run them either. The line is out: end here.
      System.out.flush();
      System.err.flush();
      Runtime.getRuntime().halt(status);
    }
    System.exit(status);
  }

  /**
   * An error in a thread the command does not wait on (a library's pool, say) would otherwise print
   * its trace and leave the command waiting for that thread's work for ever (seen: out of memory
   * in Drools' compiler pool). The line is prepared now, in case there is no memory left then.
   */
  private static void endOnErrorsOfOtherThreads(String[] args) {
    String name = "riskgate" + (args.length > 0 && args[0].matches("[a-z]+") ? " " + args[0] : "");
    boolean debug = List.of(args).contains(DEBUG);
    // As bytes, written straight to the file descriptor: with the heap full, even a PrintStream's
    // encoding of a ready string can fail to allocate.
    byte[] outOfMemory = (name + ": " + describe(new OutOfMemoryError(), name) + System.lineSeparator())
        .getBytes(StandardCharsets.UTF_8);
    FileOutputStream stderr = new FileOutputStream(FileDescriptor.err);
    Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
      if (!(e instanceof Error error)) {
        System.err.print("Exception in thread \"" + thread.getName() + "\" ");
        e.printStackTrace();
        return;
      }
      // One line, however many threads fail at once: the first holds the lock until the JVM ends.
      synchronized (ENDING) {
        endWith(error, outOfMemory, stderr, name, debug);
      }
    });
  }

  private static void endWith(Error error, byte[] outOfMemory, FileOutputStream stderr, String name, boolean debug) {
    try {
      System.err.flush();
      if (error instanceof OutOfMemoryError) {
        stderr.write(outOfMemory);
      } else {
        System.err.println(name + ": " + describe(error, name));
      }
      if (debug) {
        error.printStackTrace();
      }
    } catch (IOException | RuntimeException | Error ignored) {
      // Nothing more can be said; the status still says it.
    } finally {
      System.err.flush();
      Runtime.getRuntime().halt(INCOMPLETE);
    }
  }

  /** Runs the command line and returns its exit status (for tests and embedding). */
  static int run(String... args) {
    return commandLine().execute(args);
  }

  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Riskgate());
    cli.setParameterExceptionHandler(Riskgate::badArguments);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> failed(e, commandLine, debug(parseResult)));
    cli.setExecutionStrategy(parseResult -> {
      try {
        return new CommandLine.RunLast().execute(parseResult);
      } catch (Error e) {
        // picocli passes only exceptions to the handler; errors of the JVM come here.
        List<CommandLine> commands = parseResult.asCommandLineList();
        return jvmError(e, commands.get(commands.size() - 1), debug(parseResult));
      }
    });
    return cli;
  }

  /** Whether {@code --debug} was given, to the command or a subcommand. */
  private static boolean debug(CommandLine.ParseResult parseResult) {
    for (CommandLine.ParseResult result = parseResult; result != null; result = result.subcommand()) {
      if (result.hasMatchedOption(DEBUG)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "a command is required: rescore, calibrate, generate or validate");
  }

  private static int badArguments(CommandLine.ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    String name = command.getCommandSpec().qualifiedName();
    command.getErr().println(name + ": " + firstLine(e.getMessage()) + " (see '" + name + " --help')");
    return USAGE;
  }

  private static int failed(Exception e, CommandLine command, boolean debug) {
    PrintWriter err = command.getErr();
    String name = command.getCommandSpec().qualifiedName();
    if (e instanceof StuckException || e instanceof WriteFailedException) {
      err.println(name + ": " + e.getMessage());
      err.flush();
      return INCOMPLETE;
    }
    for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      if (cause instanceof Error error) {
        return jvmError(error, command, debug);  // an error some library wrapped
      }
    }
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
    return INCOMPLETE;
  }

  /**
   * One line for an error of the JVM, saying what happened and what to try; the stack trace only
   * under {@code --debug}, since it would only bury that line.
   */
  static int jvmError(Error e, CommandLine command, boolean debug) {
    PrintWriter err = command.getErr();
    String name = command.getCommandSpec().qualifiedName();
    err.println(name + ": " + describe(e, name));
    if (debug) {
      e.printStackTrace(err);
    }
    err.flush();
    return INCOMPLETE;
  }

  static String describe(Error e, String command) {
    String message = e.getMessage() == null ? "" : ": " + firstLine(e.getMessage());
    if (e instanceof OutOfMemoryError) {
      // Its message says which memory ran out: "Java heap space", "Metaspace", ...
      return String.format("ran out of memory (%s%s, heap at most %,d MB): raise -Xmx (java -Xmx2g -jar"
          + " riskgate.jar ...)%s", e.getClass().getSimpleName(), message,
          Runtime.getRuntime().maxMemory() >> 20,
          command.endsWith("rescore") ? " or lower --threads, --batch or --max-line-chars" : "");
    }
    if (e instanceof StackOverflowError) {
      return "the stack overflowed (StackOverflowError): raise -Xss (java -Xss8m -jar riskgate.jar ...),"
          + " or look for a rule or input nested too deep";
    }
    return "the JVM failed (" + e.getClass().getName() + message + "): check the Java version (17 or"
        + " later) and that the jar is whole; " + DEBUG + " prints the stack trace";
  }

  /** The {@code --stuck-after} option's value, checked. */
  static Duration stuckAfter(CommandLine command, int seconds) {
    if (seconds < 1 || seconds > 86_400) {
      throw new CommandLine.ParameterException(command,
          "--stuck-after must be between 1 and 86400 seconds, was " + seconds);
    }
    return Duration.ofSeconds(seconds);
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
