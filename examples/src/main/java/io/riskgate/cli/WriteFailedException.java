package io.riskgate.cli;

/**
 * An output that could not be written once the run had started (a full disk, an I/O error): reported
 * as one line naming the file and the cause, exit status 3, no stack trace. Nothing is renamed into
 * place, so no output of the run can pass as complete.
 */
final class WriteFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  WriteFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
