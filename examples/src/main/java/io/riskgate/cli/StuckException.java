package io.riskgate.cli;

/**
 * A rule or condition that did not finish within {@code --stuck-after}: reported as one line, exit
 * status 3, no stack trace. The thread that runs it cannot be stopped, so the command line ends the
 * JVM once the line is out (see {@link Riskgate#main}).
 */
final class StuckException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  StuckException(String message) {
    super(message);
  }
}
