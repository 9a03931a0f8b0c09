package io.riskgate.cli;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A JSON Lines input: a file or a class path resource, plain or gzip (told by its first bytes, not
 * its name). Gzip is read to its true end: every member, and an error for anything after the
 * last ({@link GzipMembers}). It counts the bytes read so far from the underlying file, which against
 * {@link #size()} gives the progress of a run.
 *
 * <p>Thread safety: {@link #bytesRead()} may be read from any thread while one thread reads.
 */
final class Source {
  private final String name;
  private final Path file;
  private final String resource;
  private final boolean stdin;
  private final AtomicLong bytesRead = new AtomicLong();
  private long size = -1;

  private Source(String name, Path file, String resource, boolean stdin) {
    this.name = name;
    this.file = file;
    this.resource = resource;
    this.stdin = stdin;
  }

  static Source file(Path file) {
    return new Source(file.toString(), file, null, false);
  }

  static Source resource(String resource, String name) {
    return new Source(name, null, resource, false);
  }

  /** Standard input, e.g. {@code zcat history.gz | riskgate rescore --in -}; its size is unknown. */
  static Source stdin() {
    return new Source("standard input", null, null, true);
  }

  /** For messages: the file, or the name of the bundled resource. */
  String name() {
    return name;
  }

  /** The size in bytes as stored (compressed, for gzip), or -1 if unknown. */
  long size() {
    return size;
  }

  /** Bytes read so far from the stored form. */
  long bytesRead() {
    return bytesRead.get();
  }

  /**
   * Opens the source for reading, decompressed if it is gzip. The bytes should be UTF-8 text; the
   * declaration reader refuses a line that is not.
   *
   * @throws UserException if it cannot be opened
   */
  InputStream open() {
    InputStream raw;
    try {
      if (stdin) {
        raw = System.in;
      } else if (file != null) {
        if (Files.isDirectory(file)) {
          throw new UserException(name + ": is a folder, expected a JSON Lines file");
        }
        raw = Files.newInputStream(file);
        size = Files.size(file);
      } else {
        URL url = Source.class.getClassLoader().getResource(resource);
        if (url == null) {
          throw new UserException("the bundled sample " + resource + " is missing from the jar");
        }
        URLConnection connection = url.openConnection();
        size = connection.getContentLengthLong();
        raw = connection.getInputStream();
      }
    } catch (NoSuchFileException e) {
      throw new UserException(name + ": no such file");
    } catch (IOException e) {
      throw new UserException(name + ": cannot read: " + e.getMessage(), e);
    }
    try {
      InputStream in = new BufferedInputStream(new Counting(raw, bytesRead), 1 << 16);
      in.mark(2);
      int b1 = in.read();
      int b2 = in.read();
      in.reset();
      if (b1 == 0x1f && b2 == 0x8b) {
        in = new GzipMembers(in);
      }
      return in;
    } catch (IOException e) {
      throw new UserException(name + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static final class Counting extends FilterInputStream {
    private final AtomicLong count;

    Counting(InputStream in, AtomicLong count) {
      super(in);
      this.count = count;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count.incrementAndGet();
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count.addAndGet(n);
      }
      return n;
    }
  }
}
