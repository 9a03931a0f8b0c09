package io.riskgate.cli;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Decompresses gzip (RFC 1952) to the true end of its input: every member, as {@code gzip -d} and
 * {@code zcat} do (concatenated members are legal gzip, and what {@code cat a.gz b.gz} makes), and
 * then refuses anything else that follows, such as plain lines appended to a compressed file.
 *
 * <p>Why not {@link java.util.zip.GZIPInputStream}: after a member it looks for the next one only
 * if {@code available()} says bytes are waiting (a pipe may say none yet), and it ignores trailing
 * bytes that are not a member: in both cases lines are dropped without a word.
 *
 * <p>Not thread-safe: one reader thread owns it.
 */
final class GzipMembers extends InputStream {
  private static final int FHCRC = 2;
  private static final int FEXTRA = 4;
  private static final int FNAME = 8;
  private static final int FCOMMENT = 16;

  private final InputStream in;
  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private int limit;
  /** Compressed bytes consumed before the buffer, for messages. */
  private long consumedBefore;
  private final Inflater inflater = new Inflater(true);
  private final CRC32 crc = new CRC32();
  private int members;
  private boolean done;

  /** {@code in} positioned at the first member's header. */
  GzipMembers(InputStream in) throws IOException {
    this.in = in;
    header();
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] out, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    while (!done) {
      int n;
      try {
        n = inflater.inflate(out, offset, length);
      } catch (DataFormatException e) {
        throw new ZipException("the gzip data is damaged at about byte " + at() + ": " + e.getMessage());
      }
      if (n > 0) {
        crc.update(out, offset, n);
        return n;
      }
      if (inflater.finished()) {
        position = limit - inflater.getRemaining();
        trailer();
        continue;
      }
      if (inflater.needsDictionary()) {
        throw new ZipException("the gzip data is damaged at about byte " + at());
      }
      if (inflater.needsInput()) {
        if (!fill()) {
          throw new EOFException("the gzip data ends early, at byte " + at()
              + ": the file is truncated (a copy or a compression that did not finish)");
        }
        inflater.setInput(buffer, position, limit - position);
        position = limit;
      }
    }
    return -1;
  }

  /** After a member: its checks, then the end of the input, or another member. */
  private void trailer() throws IOException {
    long expectedCrc = readInt();
    long expectedSize = readInt();
    if (expectedCrc != crc.getValue() || expectedSize != (inflater.getBytesWritten() & 0xFFFFFFFFL)) {
      throw new ZipException("gzip member " + members + " fails its check (CRC or size): the data is damaged");
    }
    if (position == limit && !fill()) {
      done = true;
      return;
    }
    if (limit - position < 2 && !fillMore()) {
      throw trailing();
    }
    if ((buffer[position] & 0xFF) != 0x1f || (buffer[position + 1] & 0xFF) != 0x8b) {
      throw trailing();
    }
    header();
  }

  private ZipException trailing() {
    return new ZipException("the gzip data ends after byte " + at() + ", and bytes that are not gzip follow"
        + " (such as plain lines appended to the compressed file): refused rather than ignored;"
        + " decompress the file and append its lines instead");
  }

  private void header() throws IOException {
    if (readByte() != 0x1f || readByte() != 0x8b) {
      throw new ZipException("not in gzip format");
    }
    if (readByte() != 8) {
      throw new ZipException("gzip member " + (members + 1) + " uses a compression method other than deflate");
    }
    int flags = readByte();
    skip(6);  // time, extra flags, system
    if ((flags & FEXTRA) != 0) {
      int length = readByte() | readByte() << 8;
      skip(length);
    }
    if ((flags & FNAME) != 0) {
      while (readByte() != 0) {
        // the original file name, not needed
      }
    }
    if ((flags & FCOMMENT) != 0) {
      while (readByte() != 0) {
        // a comment, not needed
      }
    }
    if ((flags & FHCRC) != 0) {
      skip(2);
    }
    members++;
    inflater.reset();
    crc.reset();
    inflater.setInput(buffer, position, limit - position);
    position = limit;
  }

  private long readInt() throws IOException {
    return readByte() | (long) readByte() << 8 | (long) readByte() << 16 | (long) readByte() << 24;
  }

  private void skip(int bytes) throws IOException {
    for (int i = 0; i < bytes; i++) {
      readByte();
    }
  }

  private int readByte() throws IOException {
    if (position == limit && !fill()) {
      throw new EOFException("the gzip data ends early, at byte " + at() + ": the file is truncated");
    }
    return buffer[position++] & 0xFF;
  }

  /** Refills the empty buffer; false at the end of the input. */
  private boolean fill() throws IOException {
    consumedBefore += limit;
    position = 0;
    limit = 0;
    int n;
    do {
      n = in.read(buffer, 0, buffer.length);
    } while (n == 0);
    if (n < 0) {
      return false;
    }
    limit = n;
    return true;
  }

  /** Moves the unread bytes to the front and reads more after them; false if none came. */
  private boolean fillMore() throws IOException {
    int left = limit - position;
    System.arraycopy(buffer, position, buffer, 0, left);
    consumedBefore += position;
    position = 0;
    limit = left;
    int n = in.read(buffer, left, buffer.length - left);
    if (n <= 0) {
      return false;
    }
    limit += n;
    return true;
  }

  private long at() {
    return consumedBefore + position;
  }

  @Override
  public void close() throws IOException {
    inflater.end();
    in.close();
  }
}
