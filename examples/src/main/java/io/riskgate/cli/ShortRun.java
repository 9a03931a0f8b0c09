package io.riskgate.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Runs {@code validate} in a JVM tuned for a short run. A rule author runs it after every edit, and
 * it lasts seconds: on two cores the C2 compiler spends most of that time optimising Drools code
 * the run never returns to, competing with it for the CPU (measured on vn-baseline from a cold
 * JVM, relaunch included: 4.1 s as is and 2.9 s short-run on an idle machine; 6.6-8.1 s and
 * 3.5-5.7 s with other builds running). JVM flags cannot be set
 * from inside a running JVM or a jar's manifest, so the command starts itself once more with the
 * flag, passing on the user's own JVM options. Long runs ({@code rescore}) keep the full JIT.
 *
 * <p>Not done when the user already chose a tiered-compilation setting, when not running from a
 * jar, or with {@code -Driskgate.shortRunJvm=false}.
 */
final class ShortRun {
  static final String FLAG = "-XX:TieredStopAtLevel=1";
  static final String MARKER = "riskgate.shortRunJvm";

  private ShortRun() {}

  /** Runs the command in a short-run JVM if that is worth it; empty if it should run here. */
  static OptionalInt relaunchIfWorthIt(String[] args) {
    if (System.getProperty(MARKER) != null || args.length == 0 || !args[0].equals("validate")) {
      return OptionalInt.empty();
    }
    Optional<String> java = ProcessHandle.current().info().command();
    Optional<Path> jar = jar();
    if (java.isEmpty() || jar.isEmpty()) {
      return OptionalInt.empty();
    }
    Optional<List<String>> command = command(args, java.get(), jar.get(),
        ManagementFactory.getRuntimeMXBean().getInputArguments());
    if (command.isEmpty()) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(new ProcessBuilder(command.get()).inheritIO().start().waitFor());
    } catch (IOException e) {
      return OptionalInt.empty();  // cannot start a JVM: run here, only slower
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OptionalInt.of(Riskgate.FAILURES);
    }
  }

  /** The command line of the short-run JVM, or empty if the user already chose a JIT setting. */
  static Optional<List<String>> command(String[] args, String java, Path jar, List<String> jvmArgs) {
    for (String arg : jvmArgs) {
      if (arg.startsWith("-XX:TieredStopAtLevel") || arg.contains("TieredCompilation")) {
        return Optional.empty();
      }
    }
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(jvmArgs);
    command.add(FLAG);
    command.add("-D" + MARKER + "=relaunched");
    command.add("-cp");
    command.add(jar.toString());
    command.add(Riskgate.class.getName());
    command.addAll(List.of(args));
    return Optional.of(command);
  }

  private static Optional<Path> jar() {
    try {
      Path location = Path.of(Riskgate.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return Files.isRegularFile(location) && location.toString().endsWith(".jar")
          ? Optional.of(location) : Optional.empty();
    } catch (URISyntaxException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
