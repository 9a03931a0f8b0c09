package io.riskgate.cli;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the lines of a UTF-8 input as bytes, with a cap on their length in characters, so one
 * runaway line (a file without newlines, a binary file) cannot take the heap: past three bytes per
 * allowed character the rest of the line is counted, not kept.
 *
 * <p>Why bytes: Jackson binds UTF-8 bytes faster than text, and the reader thread skips decoding
 * every line into a string it would only hand on. A line has at most as many characters as bytes
 * and at least a third as many (malformed bytes included: each becomes at most one U+FFFD), so only
 * a line between the cap and three times the cap in bytes is decoded to count its characters.
 *
 * <p>Not thread-safe: one reader thread owns it.
 */
final class LineReader implements Closeable {

  /**
   * A line as read: its UTF-8 bytes, or {@code null} when it was longer than the cap; for a line
   * over the cap, its length in characters (exact for well-formed UTF-8), else -1.
   */
  record Line(byte[] bytes, long length) {
    boolean tooLong() {
      return bytes == null;
    }

    /** The line as text; malformed UTF-8 becomes U+FFFD (the declaration reader refuses it). */
    String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  /** Eight bytes of an array as one long, for the word-at-a-time scans here and in LineBlock. */
  static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long KEPT = -1;
  private static final long END = -2;

  private final InputStream in;
  private final int maxChars;
  /** Bytes kept for one line: three per character. */
  private final long maxBytes;
  private final byte[] buffer = new byte[1 << 16];
  /** {@link #next}'s own array for a line. */
  private byte[] own = new byte[1 << 12];
  /** Where {@link #scan} appends: {@link #own}, or a block's array after the lines it holds. */
  private byte[] line = own;
  private int lineStart;
  private int lineBytes;
  private int position;
  private int limit;
  private boolean eof;
  /** The last line ended with a carriage return: a line feed right after it is part of its end. */
  private boolean afterCarriageReturn;

  LineReader(InputStream in, int maxChars) {
    this.in = in;
    this.maxChars = maxChars;
    this.maxBytes = 3L * maxChars;
  }

  /**
   * The next line without its terminator, or null at the end. A line ends at {@code \n},
   * {@code \r\n} or a lone {@code \r} (old Mac files), so every kind of file numbers its lines
   * as an editor does; a lone {@code \r} cannot occur inside a JSON line (JSON escapes it in
   * strings).
   */
  Line next() throws IOException {
    line = own;
    lineStart = 0;
    long read = scan();
    own = line;
    if (read == END) {
      return null;
    }
    return read >= 0 ? new Line(null, read) : new Line(Arrays.copyOf(line, lineBytes), -1);
  }

  /**
   * Reads the next line as {@link #next} does, into the block, after the lines it holds: no array
   * per line. Returns false at the end of the input.
   */
  boolean nextInto(LineBlock block) throws IOException {
    line = block.bytes;
    lineStart = block.size;
    long read = scan();
    block.bytes = line;
    if (read == END) {
      return false;
    }
    if (read >= 0) {
      block.addTooLong(read);
    } else {
      block.add(lineStart, lineBytes);
      block.size = lineBytes;
    }
    return true;
  }

  /**
   * Appends the next line to {@code line} from {@code lineStart}, up to {@code lineBytes}: returns
   * {@link #KEPT}, {@link #END} if there is no line, or the length in characters of a line too long
   * to keep (nothing of it is kept).
   */
  private long scan() throws IOException {
    lineBytes = lineStart;
    long bytes = 0;
    // Characters of a line too long to keep, counted from the moment it is known to be.
    long chars = -1;
    boolean any = false;
    while (true) {
      if (position == limit) {
        if (eof || !fill()) {
          return any ? ended(chars) : END;
        }
      }
      if (afterCarriageReturn) {
        afterCarriageReturn = false;
        if (buffer[position] == '\n') {
          position++;
          continue;
        }
      }
      any = true;
      int start = position;
      position = endOfLine(buffer, position, limit);
      int count = position - start;
      bytes += count;
      if (chars < 0 && bytes > maxBytes) {
        chars = characters(line, lineStart, lineBytes);
        lineBytes = lineStart;
      }
      if (chars >= 0) {
        chars += characters(buffer, start, position);
      } else {
        append(start, count);
      }
      if (position < limit) {
        afterCarriageReturn = buffer[position] == '\r';
        position++;
        return ended(chars);
      }
    }
  }

  /**
   * Where the line ends in {@code bytes[from, to)}: at the first {@code \n} or {@code \r}, else
   * {@code to}. Eight bytes at a time: a word in which no byte is below {@code \u000E} holds no
   * terminator (the test may also stop at a word that holds none, never miss one that does), so
   * this thread scans a gigabyte in a fraction of a second.
   */
  static int endOfLine(byte[] bytes, int from, int to) {
    int i = from;
    while (true) {
      for (; i + Long.BYTES <= to; i += Long.BYTES) {
        long word = (long) LONGS.get(bytes, i);
        if (((word - 0x0E0E0E0E0E0E0E0EL) & ~word & 0x8080808080808080L) != 0) {
          break;
        }
      }
      // The word that may hold one, or the last bytes.
      for (int stop = Math.min(i + Long.BYTES, to); i < stop; i++) {
        if (bytes[i] == '\n' || bytes[i] == '\r') {
          return i;
        }
      }
      if (i >= to) {
        return to;
      }
    }
  }

  private long ended(long chars) {
    if (chars >= 0) {
      return chars;
    }
    int count = lineBytes - lineStart;
    if (count > maxChars) {
      // Over the cap in bytes, perhaps not in characters: count them as the decoder will.
      int length = new String(line, lineStart, count, StandardCharsets.UTF_8).length();
      if (length > maxChars) {
        lineBytes = lineStart;
        return length;
      }
    }
    return KEPT;
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
   * four-byte sequence (a surrogate pair). For malformed input, an estimate: only the length of a
   * line already known to be too long is counted this way.
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
