package io.riskgate.cli;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the lines of a UTF-8 input as bytes, with a cap on their length in characters, so one
 * runaway line (a file without newlines, a binary file) cannot take the heap: past the cap the
 * rest of the line is counted, not kept.
 *
 * <p>Why bytes: Jackson binds UTF-8 bytes faster than text, and the reader thread skips decoding
 * every line into a string it would only hand on. Characters are counted only for a line longer in
 * bytes than the cap, as a UTF-8 line has at most as many characters as bytes.
 *
 * <p>Not thread-safe: one reader thread owns it.
 */
final class LineReader implements Closeable {

  /**
   * A line as read: its UTF-8 bytes, or {@code null} when it was longer than the cap; and its
   * length in characters if that was counted (always for a line over the cap), else -1.
   */
  record Line(byte[] bytes, long length) {
    boolean tooLong() {
      return bytes == null;
    }

    /** The line as text; malformed UTF-8 becomes U+FFFD. */
    String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private final InputStream in;
  private final int maxChars;
  private final byte[] buffer = new byte[1 << 16];
  private byte[] line = new byte[1 << 12];
  private int lineBytes;
  private int position;
  private int limit;
  private boolean eof;

  LineReader(InputStream in, int maxChars) {
    this.in = in;
    this.maxChars = maxChars;
  }

  /** The next line without its terminator ({@code \n} or {@code \r\n}), or null at the end. */
  Line next() throws IOException {
    lineBytes = 0;
    long bytes = 0;
    // Characters of the line so far, counted once it has more bytes than the cap allows characters.
    long chars = -1;
    boolean any = false;
    while (true) {
      if (position == limit) {
        if (eof || !fill()) {
          return any ? finish(bytes, chars) : null;
        }
      }
      any = true;
      int start = position;
      while (position < limit && buffer[position] != '\n') {
        position++;
      }
      int count = position - start;
      bytes += count;
      if (chars < 0 && bytes > maxChars) {
        chars = characters(line, 0, lineBytes);
      }
      if (chars >= 0) {
        chars += characters(buffer, start, position);
      }
      if (chars <= maxChars) {
        append(start, count);
      }
      if (position < limit) {
        position++;
        return finish(bytes, chars);
      }
    }
  }

  private Line finish(long bytes, long chars) {
    if (chars > maxChars) {
      return new Line(null, chars);
    }
    int end = lineBytes;
    if (end > 0 && line[end - 1] == '\r') {
      end--;
    }
    return new Line(Arrays.copyOf(line, end), chars);
  }

  private void append(int start, int count) {
    if (lineBytes + count > line.length) {
      line = Arrays.copyOf(line, Math.max(line.length * 2, lineBytes + count));
    }
    System.arraycopy(buffer, start, line, lineBytes, count);
    lineBytes += count;
  }

  /**
   * UTF-16 characters in well-formed UTF-8: one per byte that starts a sequence, two for a
   * four-byte sequence (a surrogate pair). For malformed input, a close estimate.
   */
  private static long characters(byte[] bytes, int from, int to) {
    long count = 0;
    for (int i = from; i < to; i++) {
      int b = bytes[i] & 0xFF;
      if ((b & 0xC0) != 0x80) {
        count += b >= 0xF0 ? 2 : 1;
      }
    }
    return count;
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
