package io.riskgate;

/**
 * The inspection channel a declaration is routed to, weakest first.
 *
 * <p>Order matters: {@link #max} picks the stronger channel, and a decision only ever moves a
 * declaration up this list, never down.
 */
public enum Channel {
  /** Low risk: released on the declaration alone. */
  GREEN,
  /** Medium risk: the officer checks the documents. */
  YELLOW,
  /** High risk: physical inspection of the goods. */
  RED;

  /** The stronger of this channel and {@code other}; {@code null} counts as no demand. */
  public Channel max(Channel other) {
    return other != null && other.ordinal() > ordinal() ? other : this;
  }

  /** Whether this channel is at least as strong as {@code other}. */
  public boolean isAtLeast(Channel other) {
    return ordinal() >= other.ordinal();
  }
}
