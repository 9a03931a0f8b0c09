package io.riskgate;

/**
 * Base of every exception Riskgate throws for a problem in its input: a declaration it cannot read,
 * a rule pack it cannot load. Unchecked, like Jackson's.
 *
 * <p>{@link #getMessage()} carries the location (where the subtype knows one);
 * {@link #getOriginalMessage()} gives the bare text. Neither echoes more of the input than needed
 * to find the mistake: customs data is confidential.
 */
public class RiskgateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected RiskgateException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The message without location details. */
  public String getOriginalMessage() {
    return super.getMessage();
  }
}
