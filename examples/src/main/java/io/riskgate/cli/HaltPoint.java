package io.riskgate.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Named points of a rescore run where a test can make the process stop and wait to be killed: the
 * system property {@code riskgate.test.haltAt} names the point. The crash tests kill the real
 * process there with SIGKILL and resume it; {@code riskgate.test.exhaustHeapAt} makes the thread
 * that gets there run out of memory. Without the properties this does nothing.
 */
final class HaltPoint {
  private static final String POINT = System.getProperty("riskgate.test.haltAt");
  /** A point where the thread fills the heap instead: what a JVM error there does to the run. */
  private static final String EXHAUST = System.getProperty("riskgate.test.exhaustHeapAt");

  private HaltPoint() {}

  /** Whether {@code point} is the one named: to set the scene for a kill there. */
  static boolean named(String point) {
    return point.equals(POINT);
  }

  /** Stops for good at {@code point} if it is the one named, saying so on standard error. */
  static void reach(String point) {
    if (point.equals(EXHAUST)) {
      List<long[]> hog = new ArrayList<>();
      while (true) {
        hog.add(new long[1 << 16]);
      }
    }
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
