package io.riskgate.benchmarks;

import picocli.CommandLine;

/** How the measuring tools that are not JMH benchmarks start. */
final class Tools {
  private Tools() {}

  /**
   * Runs a tool's picocli command: a usage error prints the usage and exits 2, a failure prints
   * its stack trace and exits 1 (a measuring tool's user is its developer), and so does a command
   * that returns a code other than 0.
   */
  static void run(Object command, String[] args) {
    int code = new CommandLine(command).execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }
}
