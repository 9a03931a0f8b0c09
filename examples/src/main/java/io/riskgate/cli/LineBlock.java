package io.riskgate.cli;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A chunk of input lines in one byte array, as {@link LineReader#nextInto} reads them, and the
 * output formatted from them in another: what {@code rescore}'s reader hands a worker and the
 * worker hands the writer. One array per chunk instead of one per line, so no line is copied out
 * of it, and the arrays are reused chunk after chunk ({@link Rescorer} keeps the blocks it is done
 * with).
 *
 * <p>Not thread-safe: one thread at a time owns a block (the reader, then a worker, then the
 * writer), and the queues between them publish it.
 */
final class LineBlock {
  /** Past this many bytes an array is not kept for the next chunk: one very long line is rare. */
  static final int KEPT_BYTES = 1 << 20;

  /** The lines' bytes, one after another, without their terminators. */
  byte[] bytes = new byte[1 << 16];
  int size;
  private int lines;
  private int[] starts = new int[64];
  private int[] ends = new int[64];
  /** For a line too long to keep (start -1): its length in characters, or -1 if not counted. */
  private long[] tooLong;

  /** The output formatted from the lines, and where each line of it ends. */
  final Output output = new Output();

  int lines() {
    return lines;
  }

  boolean isEmpty() {
    return lines == 0;
  }

  /** Adds the line the reader has just put at {@code [start, end)}. */
  void add(int start, int end) {
    grow();
    starts[lines] = start;
    ends[lines] = end;
    lines++;
  }

  /** Adds a line too long to keep, of {@code length} characters. */
  void addTooLong(long length) {
    grow();
    if (tooLong == null) {
      tooLong = new long[starts.length];
    }
    starts[lines] = -1;
    ends[lines] = -1;
    tooLong[lines] = length;
    lines++;
  }

  private void grow() {
    if (lines == starts.length) {
      starts = Arrays.copyOf(starts, lines * 2);
      ends = Arrays.copyOf(ends, lines * 2);
      if (tooLong != null) {
        tooLong = Arrays.copyOf(tooLong, lines * 2);
      }
    }
  }

  boolean tooLong(int line) {
    return starts[line] < 0;
  }

  /** The length in characters of a line too long to keep. */
  long length(int line) {
    return tooLong[line];
  }

  int start(int line) {
    return starts[line];
  }

  int end(int line) {
    return ends[line];
  }

  /** Bytes the line takes; 0 for a line too long to keep. */
  int byteCount(int line) {
    return tooLong(line) ? 0 : ends[line] - starts[line];
  }

  /** The line as {@link LineReader#next} would have returned it: a copy, for the rare reader of one. */
  LineReader.Line line(int line) {
    return tooLong(line) ? new LineReader.Line(null, tooLong[line])
        : new LineReader.Line(Arrays.copyOfRange(bytes, starts[line], ends[line]), -1);
  }

  /** Moves the last line to the (empty) {@code next} block: it did not fit in this chunk's memory. */
  void moveLastTo(LineBlock next) {
    int last = lines - 1;
    if (tooLong(last)) {
      next.addTooLong(tooLong[last]);
    } else {
      int length = ends[last] - starts[last];
      next.bytes = room(next.bytes, next.size, length);
      System.arraycopy(bytes, starts[last], next.bytes, next.size, length);
      next.add(next.size, next.size + length);
      next.size += length;
      size = starts[last];
    }
    lines--;
  }

  /** {@code bytes}, or a copy twice as large or more, with room for {@code more} after {@code size}. */
  static byte[] room(byte[] bytes, int size, int more) {
    return size + more <= bytes.length ? bytes : Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
  }

  /** Empties the block for the next chunk; false if its arrays are too large to keep. */
  boolean clear() {
    size = 0;
    lines = 0;
    output.clear();
    return bytes.length <= KEPT_BYTES && output.bytes.length <= KEPT_BYTES;
  }

  /**
   * The formatted output lines, each with its line feed, as a stream a JSON generator writes to;
   * {@link #lineEnd} marks where a line ends.
   */
  static final class Output extends OutputStream {
    byte[] bytes = new byte[1 << 15];
    int size;
    private int lines;
    private int[] ends = new int[64];

    @Override
    public void write(int b) {
      ensure(1);
      bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      ensure(len);
      System.arraycopy(b, off, bytes, size, len);
      size += len;
    }

    void write(String text) {
      byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
      write(utf8, 0, utf8.length);
    }

    /** Ends the current line with a line feed. */
    void lineEnd() {
      write('\n');
      if (lines == ends.length) {
        ends = Arrays.copyOf(ends, lines * 2);
      }
      ends[lines++] = size;
    }

    /** Where line {@code i} (a line feed included) starts. */
    int start(int i) {
      return i == 0 ? 0 : ends[i - 1];
    }

    int end(int i) {
      return ends[i];
    }

    /** Where the line being written started. */
    int current() {
      return lines == 0 ? 0 : ends[lines - 1];
    }

    /** Drops the bytes written since {@code at}, the start of the current line. */
    void truncate(int at) {
      size = at;
    }

    /**
     * Whether the bytes written since {@code from} hold a backslash followed by {@code uD8} to
     * {@code uDF}: an escaped surrogate, as Jackson's byte generator writes a character outside the
     * Basic Multilingual Plane. A text writer writes it as its UTF-8 bytes instead. Eight bytes at
     * a time, since this runs on every line and most lines hold no backslash at all.
     */
    boolean hasSurrogateEscape(int from) {
      int i = from;
      for (; i + Long.BYTES <= size; i += Long.BYTES) {
        long word = (long) LineReader.LONGS.get(bytes, i) ^ 0x5C5C5C5C5C5C5C5CL;  // a backslash byte becomes 0
        if (((word - 0x0101010101010101L) & ~word & 0x8080808080808080L) != 0) {
          break;
        }
      }
      for (; i < size - 3; i++) {
        if (bytes[i] == '\\' && bytes[i + 1] == 'u' && (bytes[i + 2] == 'D' || bytes[i + 2] == 'd')
            && "89ABCDEFabcdef".indexOf(bytes[i + 3]) >= 0) {
          return true;
        }
      }
      return false;
    }

    /** Whether the bytes written since {@code from} end with {@code suffix}. */
    boolean endsWith(int from, byte[] suffix) {
      return size - from >= suffix.length
          && Arrays.equals(bytes, size - suffix.length, size, suffix, 0, suffix.length);
    }

    private void ensure(int more) {
      bytes = room(bytes, size, more);
    }

    void clear() {
      size = 0;
      lines = 0;
    }
  }
}
