package io.riskgate.cli;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines with a cap on their length, so one runaway line (a file without newlines, a binary
 * file) cannot take the heap: past the cap the rest of the line is skipped, not kept.
 *
 * <p>Not thread-safe: one reader thread owns it.
 */
final class LineReader implements Closeable {

  /** A line as read: its text, or only its length when it was longer than the cap. */
  record Line(String text, long length) {
    boolean tooLong() {
      return text == null;
    }
  }

  private final Reader in;
  private final int maxChars;
  private final char[] buffer = new char[1 << 16];
  private final StringBuilder line = new StringBuilder();
  private int position;
  private int limit;
  private boolean eof;

  LineReader(Reader in, int maxChars) {
    this.in = in;
    this.maxChars = maxChars;
  }

  /** The next line without its terminator ({@code \n} or {@code \r\n}), or null at the end. */
  Line next() throws IOException {
    line.setLength(0);
    long length = 0;
    boolean any = false;
    while (true) {
      if (position == limit) {
        if (eof || !fill()) {
          return any ? finish(length) : null;
        }
      }
      any = true;
      int start = position;
      while (position < limit && buffer[position] != '\n') {
        position++;
      }
      int count = position - start;
      if (length + count <= maxChars) {
        line.append(buffer, start, count);
      }
      length += count;
      if (position < limit) {
        position++;
        return finish(length);
      }
    }
  }

  private Line finish(long length) {
    if (length > maxChars) {
      return new Line(null, length);
    }
    int end = line.length();
    if (end > 0 && line.charAt(end - 1) == '\r') {
      line.setLength(end - 1);
      length--;
    }
    return new Line(line.toString(), length);
  }

  private boolean fill() throws IOException {
    int read = in.read(buffer, 0, buffer.length);
    if (read <= 0) {
      eof = true;
      return false;
    }
    position = 0;
    limit = read;
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
