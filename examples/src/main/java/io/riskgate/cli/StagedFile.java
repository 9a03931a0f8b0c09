package io.riskgate.cli;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPOutputStream;

/**
 * An output file written under a temporary name beside its target and renamed onto it only by
 * {@link #rename()} (or {@link #commit()}): a run that fails part-way leaves a {@code .part} file,
 * never a target that looks complete. Gzip-compressed when the target's name ends in {@code .gz}.
 *
 * <p>The temporary name is fixed, {@code .<name>.part} beside the target, so that a killed run's
 * leftovers can be named, removed or resumed ({@link RunJournal}). {@link #finish()} writes
 * everything down to the disk (fsync); a run finishes every output before it renames any, so a
 * write that fails (a full disk) leaves every target as it was.
 *
 * <p>A target that exists and is not a regular file (a device such as {@code /dev/null}, a named
 * pipe) is written to as it is: renaming a file onto it would replace it. Standard output
 * ({@link #standardOutput}) is written to directly too. Neither can be taken back, so what such an
 * output received before a failure is all it gets. A symbolic link is followed: the file it points
 * to is replaced, and the link stays.
 *
 * <p>Write failures after creation are {@link WriteFailedException}s naming the target.
 *
 * <p>Not thread-safe: one thread writes.
 */
final class StagedFile implements AutoCloseable {
  /** Wraps the stream of each staged file; a seam for tests that inject failing streams. */
  interface StreamFilter {
    OutputStream wrap(Path target, OutputStream out);

    StreamFilter NONE = (target, out) -> out;
  }

  private final Path target;
  /** The temporary file, or null when writing straight to the target. */
  private final Path temp;
  /** Where the temporary file goes: the target, or the file a link target points to. */
  private final Path destination;
  /** The temporary file's channel, for fsync; null when writing straight to the target. */
  private final FileChannel channel;
  private final Counting counting;
  /** Buffered; text is encoded as UTF-8 here, unpaired surrogates as '?' as a Writer does. */
  private final OutputStream buffered;
  private boolean finished;
  private boolean done;

  private StagedFile(Path target, Path temp, Path destination, FileChannel channel, Counting counting,
      OutputStream buffered) {
    this.target = target;
    this.temp = temp;
    this.destination = destination;
    this.channel = channel;
    this.counting = counting;
    this.buffered = buffered;
  }

  /** Standard output, as {@code -} names it; {@code out} is never closed, only flushed. */
  static StagedFile standardOutput(OutputStream out) {
    Counting counting = new Counting(new Unclosed(out), 0);
    return new StagedFile(Path.of("-"), null, null, null, counting,
        new BufferedOutputStream(counting, 1 << 16));
  }

  /** The temporary file a target is written to: {@code .<name>.part} beside the file it replaces. */
  static Path partOf(Path target) {
    Path destination = OutputPaths.followLinks(target.toAbsolutePath()).normalize();
    return destination.resolveSibling("." + destination.getFileName() + ".part");
  }

  /** Whether the target is written through a temporary file (it is not a device, a pipe, a folder). */
  static boolean staged(Path target) {
    Path absolute = target.toAbsolutePath();
    return !Files.exists(absolute) || Files.isRegularFile(absolute);
  }

  static StagedFile create(Path target) {
    return create(target, StreamFilter.NONE, -1);
  }

  /**
   * Creates the temporary file (and the target's folder), replacing a leftover one, or opens a
   * target that is not a regular file; with {@code resumeAt} 0 or more, reopens the existing
   * temporary file cut to that many bytes, to write on from there.
   *
   * @throws UserException if it cannot be created
   */
  static StagedFile create(Path target, StreamFilter filter, long resumeAt) {
    Path absolute = target.toAbsolutePath();
    try {
      if (Files.isDirectory(absolute)) {
        throw new UserException(target + ": is a folder, expected a file name");
      }
      if (!staged(absolute)) {
        // WRITE alone: no truncation, no creation; a device or a pipe takes what it is given.
        Counting counting = new Counting(filter.wrap(target,
            Files.newOutputStream(absolute, StandardOpenOption.WRITE)), 0);
        return new StagedFile(target, null, null, null, counting, writer(absolute, counting));
      }
      Path destination = OutputPaths.followLinks(absolute).normalize();
      Files.createDirectories(destination.getParent());
      Path temp = partOf(absolute);
      FileChannel channel;
      if (resumeAt >= 0) {
        channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        if (channel.size() < resumeAt) {
          channel.close();
          throw new UserException(temp + ": has " + Files.size(temp) + " bytes, fewer than the "
              + resumeAt + " its journal recorded: it was changed since; start the run again without --resume");
        }
        channel.truncate(resumeAt);
        channel.position(resumeAt);
      } else {
        // Not Files.createTempFile: it makes the file private (0600); outputs follow the umask.
        channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING);
      }
      Counting counting = new Counting(filter.wrap(target, new Unclosed(Channels.newOutputStream(channel))),
          Math.max(0, resumeAt));
      return new StagedFile(target, temp, destination, channel, counting, writer(absolute, counting));
    } catch (IOException e) {
      throw new UserException(target + ": cannot write: " + describe(e), e);
    }
  }

  private static OutputStream writer(Path target, OutputStream out) throws IOException {
    if (target.getFileName().toString().endsWith(".gz")) {
      out = new GZIPOutputStream(out, 1 << 16);
    }
    return new BufferedOutputStream(out, 1 << 16);
  }

  Path target() {
    return target;
  }

  /** The temporary file, or null when this output is written directly. */
  Path temp() {
    return temp;
  }

  /** Writes {@code text} and a newline. */
  void line(String text) {
    try {
      buffered.write(text.getBytes(StandardCharsets.UTF_8));
      buffered.write('\n');
    } catch (IOException e) {
      throw failed(e);
    }
  }

  /** Writes {@code text} as it is. */
  void write(String text) {
    try {
      buffered.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw failed(e);
    }
  }

  /** Writes UTF-8 bytes as they are: lines already formatted, their line feeds included. */
  void write(byte[] utf8, int offset, int length) {
    try {
      buffered.write(utf8, offset, length);
    } catch (IOException e) {
      throw failed(e);
    }
  }

  /** Whether this output goes straight to its target (standard output, a device, a pipe). */
  boolean direct() {
    return temp == null;
  }

  /**
   * Writes what is buffered down to the disk (fsync) and returns the file's length in bytes: what a
   * resumed run keeps. Only for a staged file that is not compressed.
   */
  long sync() {
    try {
      buffered.flush();
      if (channel != null) {
        channel.force(false);
      }
      return counting.count;
    } catch (IOException e) {
      throw failed(e);
    }
  }

  /** Closes the temporary file with everything written down to the disk (fsync); no rename yet. */
  void finish() {
    if (finished) {
      return;
    }
    try {
      buffered.close();
      if (channel != null) {
        channel.force(true);
        channel.close();
      }
      finished = true;
    } catch (IOException e) {
      throw failed(e);
    }
  }

  /** Renames the finished temporary file onto the target, replacing any older file. */
  void rename() {
    finish();
    try {
      if (temp != null) {
        try {
          Files.move(temp, destination, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, destination, StandardCopyOption.REPLACE_EXISTING);
        }
      }
      done = true;
    } catch (IOException e) {
      throw failed(e);
    }
  }

  /**
   * Finishes the file and renames it onto the target.
   *
   * @throws WriteFailedException if that fails (the temporary file is then removed)
   */
  void commit() {
    try {
      rename();
    } catch (WriteFailedException e) {
      close();
      throw e;
    }
  }

  private WriteFailedException failed(IOException e) {
    return new WriteFailedException(target + ": cannot write: " + describe(e)
        + "; no output of the run is renamed into place", e);
  }

  /** Discards the temporary file unless committed (a direct output keeps what it got). Never throws. */
  @Override
  public void close() {
    if (done) {
      return;
    }
    done = true;
    try {
      buffered.close();
    } catch (IOException e) {
      // Discarding: a close failure changes nothing, the file goes anyway.
    }
    try {
      if (channel != null) {
        channel.close();
      }
      if (temp != null) {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      // A leftover .part file says by its name that it is not complete; the next run removes it.
    }
  }

  /** Counts the bytes that reach the file, for the journal. */
  private static final class Counting extends FilterOutputStream {
    long count;

    Counting(OutputStream out, long count) {
      super(out);
      this.count = count;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }

  /** Passes everything on but closing: the channel is forced before it is closed. */
  private static final class Unclosed extends FilterOutputStream {
    Unclosed(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
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
