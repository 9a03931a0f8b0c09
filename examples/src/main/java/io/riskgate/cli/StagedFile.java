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
 * <p>Not thread-safe: one thread writes.
 */
final class StagedFile implements AutoCloseable {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final Path target;
  private final Path temp;
  private final Writer writer;
  private boolean done;

  private StagedFile(Path target, Path temp, Writer writer) {
    this.target = target;
    this.temp = temp;
    this.writer = writer;
  }

  /**
   * Creates the temporary file (and the target's folder).
   *
   * @throws UserException if it cannot be created
   */
  static StagedFile create(Path target) {
    Path absolute = target.toAbsolutePath();
    Path folder = absolute.getParent();
    try {
      if (Files.isDirectory(absolute)) {
        throw new UserException(target + ": is a folder, expected a file name");
      }
      Files.createDirectories(folder);
      // Not Files.createTempFile: it makes the file private (0600); outputs follow the umask.
      Path temp = folder.resolve("." + absolute.getFileName() + "."
          + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".part");
      OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
      // Interrupted runs (Ctrl-C) leave no .part file either; after commit it is already gone.
      temp.toFile().deleteOnExit();
      if (absolute.getFileName().toString().endsWith(".gz")) {
        out = new GZIPOutputStream(out, 1 << 16);
      }
      return new StagedFile(target, temp,
          new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16));
    } catch (IOException e) {
      throw new UserException(target + ": cannot write: " + describe(e), e);
    }
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

  /**
   * Closes the file and renames it onto the target, replacing any older file.
   *
   * @throws UserException if that fails (the temporary file is then removed)
   */
  void commit() {
    try {
      writer.close();
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      done = true;
    } catch (IOException e) {
      close();
      throw new UserException(target + ": cannot write: " + describe(e), e);
    }
  }

  /** Discards the temporary file unless committed. Never throws. */
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
      Files.deleteIfExists(temp);
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
