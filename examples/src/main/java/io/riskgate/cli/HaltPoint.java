package io.riskgate.cli;

/**
 * Named points of a rescore run where a test can make the process stop and wait to be killed: the
 * system property {@code riskgate.test.haltAt} names the point. The crash tests kill the real
 * process there with SIGKILL and resume it; without the property this does nothing.
 */
final class HaltPoint {
  private static final String POINT = System.getProperty("riskgate.test.haltAt");

  private HaltPoint() {}

  /** Whether {@code point} is the one named: to set the scene for a kill there. */
  static boolean named(String point) {
    return point.equals(POINT);
  }

  /** Stops for good at {@code point} if it is the one named, saying so on standard error. */
  static void reach(String point) {
    if (!point.equals(POINT)) {
      return;
    }
    System.err.println("riskgate: halted at " + point);
    System.err.flush();
    while (true) {
      try {
        Thread.sleep(60_000);
      } catch (InterruptedException e) {
        // Only SIGKILL ends this.
      }
    }
  }
}
