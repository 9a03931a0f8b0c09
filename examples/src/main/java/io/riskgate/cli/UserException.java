package io.riskgate.cli;

/**
 * A mistake in the user's arguments or files, or an environment problem (a file that cannot be
 * read or written): reported as one line, exit status 2, no stack trace.
 */
final class UserException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UserException(String message) {
    super(message);
  }

  UserException(String message, Throwable cause) {
    super(message, cause);
  }
}
