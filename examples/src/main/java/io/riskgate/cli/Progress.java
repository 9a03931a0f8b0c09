package io.riskgate.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of a long run on standard error: on a terminal, a bar redrawn in place with the rate
 * and the time left; otherwise (a log, a CI job) a plain line every {@code plainEveryNanos}.
 * The fraction done is the share of the input's stored bytes read, so it works for gzip too.
 *
 * <p>Not thread-safe: the writer thread calls it.
 */
final class Progress {
  private static final long REDRAW_NANOS = 200_000_000L;
  private static final int WIDTH = 30;

  private final PrintStream err;
  private final boolean terminal;
  private final long everyNanos;
  private final LongSupplier totalBytes;
  private final long start = System.nanoTime();
  private long last = start;
  private boolean drawn;

  private Progress(PrintStream err, boolean terminal, long everyNanos, LongSupplier totalBytes) {
    this.err = err;
    this.terminal = terminal;
    this.everyNanos = everyNanos;
    this.totalBytes = totalBytes;
  }

  /** A bar when {@code terminal}, else plain lines every 10 seconds. */
  static Progress of(PrintStream err, boolean terminal, LongSupplier totalBytes) {
    return of(err, terminal, totalBytes, terminal ? REDRAW_NANOS : 10_000_000_000L);
  }

  static Progress of(PrintStream err, boolean terminal, LongSupplier totalBytes, long everyNanos) {
    return new Progress(err, terminal, everyNanos, totalBytes);
  }

  /** Shows nothing: for --quiet. */
  static Progress none() {
    return new Progress(null, false, Long.MAX_VALUE, () -> -1);
  }

  void update(long lines, long bytesRead) {
    long now = System.nanoTime();
    if (err == null || now - last < everyNanos) {
      return;
    }
    last = now;
    double seconds = (now - start) / 1e9;
    double rate = lines / Math.max(seconds, 1e-9);
    long total = totalBytes.getAsLong();
    double done = total > 0 ? Math.min(1.0, (double) bytesRead / total) : -1;
    String eta = done > 0.001 ? duration(seconds * (1 - done) / done) : "?";
    if (terminal) {
      StringBuilder bar = new StringBuilder("\r[");
      int filled = done < 0 ? 0 : (int) Math.round(done * WIDTH);
      bar.append("#".repeat(filled)).append(" ".repeat(WIDTH - filled)).append("] ");
      bar.append(done < 0 ? "" : String.format(Locale.ROOT, "%3.0f%% ", done * 100));
      bar.append(String.format(Locale.ROOT, "%,d lines  %,.0f/s  ETA %s   ", lines, rate, eta));
      err.print(bar);
      err.flush();
      drawn = true;
    } else {
      err.println(String.format(Locale.ROOT, "progress: %,d lines%s, %,.0f lines/s, ETA %s",
          lines, done < 0 ? "" : String.format(Locale.ROOT, " (%.0f%%)", done * 100), rate, eta));
    }
  }

  /** A final line with the total, on a terminal only (plain logs get the summary). */
  void finish(long lines) {
    if (terminal && err != null) {
      double seconds = (System.nanoTime() - start) / 1e9;
      clear();
      err.println(String.format(Locale.ROOT, "[%s] 100%% %,d lines in %s", "#".repeat(WIDTH), lines,
          duration(seconds)));
    }
  }

  /** Removes a bar left on the line, so an error message starts on a clean line. */
  void clear() {
    if (drawn) {
      err.print("\r" + " ".repeat(WIDTH + 60) + "\r");
      err.flush();
      drawn = false;
    }
  }

  /**
   * Whether standard error is a terminal. {@code System.console()} answers for standard input and
   * output, which are often redirected while the progress bar on standard error is watched; on
   * Linux, /proc tells about standard error itself.
   */
  static boolean stderrIsTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return System.console() != null;
    }
  }

  static String duration(double seconds) {
    long s = Math.round(seconds);
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
  }
}
