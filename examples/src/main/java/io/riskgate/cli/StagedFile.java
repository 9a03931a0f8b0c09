package io.riskgate.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.zip.GZIPOutputStream;

/**
 * An output file written under a temporary name beside its target and renamed onto it only by
 * {@link #commit()}: a run that fails part-way leaves a {@code .part} file, never a target that
 * looks complete. Gzip-compressed when the target's name ends in {@code .gz}.
 *
 * <p>A target that exists and is not a regular file (a device such as {@code /dev/null}, a named
 * pipe) is written to as it is: renaming a file onto it would replace it. Standard output
 * ({@link #standardOutput}) is written to directly too. Neither can be taken back, so what such an
 * output received before a failure is all it gets. A symbolic link is followed: the file it points
 * to is replaced, and the link stays.
 *
 * <p>Not thread-safe: one thread writes.
 */
final class StagedFile implements AutoCloseable {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final Path target;
  /** The temporary file, or null when writing straight to the target. */
  private final Path temp;
  /** Where the temporary file goes: the target, or the file a link target points to. */
  private final Path destination;
  private final Writer writer;
  private boolean done;

  private StagedFile(Path target, Path temp, Path destination, Writer writer) {
    this.target = target;
    this.temp = temp;
    this.destination = destination;
    this.writer = writer;
  }

  /** Standard output, as {@code -} names it; {@code out} is never closed, only flushed. */
  static StagedFile standardOutput(OutputStream out) {
    OutputStream unclosed = new java.io.FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        flush();
      }
    };
    return new StagedFile(Path.of("-"), null, null,
        new BufferedWriter(new OutputStreamWriter(unclosed, StandardCharsets.UTF_8), 1 << 16));
  }

  /**
   * Creates the temporary file (and the target's folder), or opens a target that is not a regular
   * file.
   *
   * @throws UserException if it cannot be created
   */
  static StagedFile create(Path target) {
    Path absolute = target.toAbsolutePath();
    try {
      if (Files.isDirectory(absolute)) {
        throw new UserException(target + ": is a folder, expected a file name");
      }
      if (Files.exists(absolute) && !Files.isRegularFile(absolute)) {
        // WRITE alone: no truncation, no creation; a device or a pipe takes what it is given.
        return new StagedFile(target, null, null, writer(absolute,
            Files.newOutputStream(absolute, StandardOpenOption.WRITE)));
      }
      Path destination = OutputPaths.followLinks(absolute).normalize();
      Path folder = destination.getParent();
      Files.createDirectories(folder);
      // Not Files.createTempFile: it makes the file private (0600); outputs follow the umask.
      Path temp = folder.resolve("." + destination.getFileName() + "."
          + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".part");
      OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
      // Interrupted runs (Ctrl-C) leave no .part file either; after commit it is already gone.
      temp.toFile().deleteOnExit();
      return new StagedFile(target, temp, destination, writer(absolute, out));
    } catch (IOException e) {
      throw new UserException(target + ": cannot write: " + describe(e), e);
    }
  }

  private static Writer writer(Path target, OutputStream out) throws IOException {
    if (target.getFileName().toString().endsWith(".gz")) {
      out = new GZIPOutputStream(out, 1 << 16);
    }
    return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
  }

  Path target() {
    return target;
  }

  /** Writes {@code text} and a newline. */
  void line(String text) throws IOException {
    writer.write(text);
    writer.write('\n');
  }

  /** Writes {@code text} as it is. */
  void write(String text) throws IOException {
    writer.write(text);
  }

  /** Whether this output goes straight to its target (standard output, a device, a pipe). */
  boolean direct() {
    return temp == null;
  }

  /**
   * Closes the file and renames it onto the target, replacing any older file.
   *
   * @throws UserException if that fails (the temporary file is then removed)
   */
  void commit() {
    try {
      writer.close();
      if (temp != null) {
        try {
          Files.move(temp, destination, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, destination, StandardCopyOption.REPLACE_EXISTING);
        }
      }
      done = true;
    } catch (IOException e) {
      close();
      throw new UserException(target + ": cannot write: " + describe(e), e);
    }
  }

  /** Discards the temporary file unless committed (a direct output keeps what it got). Never throws. */
  @Override
  public void close() {
    if (done) {
      return;
    }
    done = true;
    try {
      writer.close();
    } catch (IOException e) {
      // Discarding: a close failure changes nothing, the file goes anyway.
    }
    try {
      if (temp != null) {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      // A leftover .part file is harmless and says by its name that it is not complete.
    }
  }

  /** An I/O failure in words: "access denied: /x", "no such file: /y", or the plain message. */
  static String describe(IOException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (e.getClass() == IOException.class) {
      return message;
    }
    String kind = e.getClass().getSimpleName().replace("Exception", "")
        .replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    return message.isEmpty() ? kind : kind + ": " + message;
  }
}
