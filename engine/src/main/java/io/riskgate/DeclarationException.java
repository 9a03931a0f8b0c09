package io.riskgate;

/**
 * A declaration that cannot be read: malformed JSON, a missing or invalid field, a value out of
 * limits. The message says where (input line and column, JSON path, declaration number when it was
 * readable) and what was expected:
 *
 * <pre>
 * line 42, column 57, at $.items[1].hsCode (declaration 104512345670): hsCode must be an HS code of 6, 8 or 10 digits (got 5 characters)
 * </pre>
 */
public final class DeclarationException extends RiskgateException {
  private static final long serialVersionUID = 1L;

  private final long line;
  private final long column;
  private final String jsonPath;
  private final String declarationNumber;

  DeclarationException(String message, long line, long column, String jsonPath,
      String declarationNumber, Throwable cause) {
    super(message, cause);
    this.line = line;
    this.column = column;
    this.jsonPath = jsonPath;
    this.declarationNumber = declarationNumber;
  }

  /** The input line (from 1), or -1 if unknown. */
  public long line() {
    return line;
  }

  /** The column within the line (from 1), or -1 if unknown. */
  public long column() {
    return column;
  }

  /** The JSON path of the offending value, e.g. {@code $.items[1].hsCode}; {@code $} for the whole. */
  public String jsonPath() {
    return jsonPath;
  }

  /** The declaration's number, or {@code null} if the input did not get far enough to tell. */
  public String declarationNumber() {
    return declarationNumber;
  }

  @Override
  public String getMessage() {
    StringBuilder where = new StringBuilder();
    if (line >= 0) {
      where.append("line ").append(line);
      if (column >= 0) {
        where.append(", column ").append(column);
      }
      where.append(", ");
    }
    where.append("at ").append(jsonPath);
    if (declarationNumber != null) {
      where.append(" (declaration ").append(declarationNumber).append(')');
    }
    return where.append(": ").append(getOriginalMessage()).toString();
  }
}
