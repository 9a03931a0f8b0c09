package io.riskgate.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The journal of a rescore run, {@code .<out>.journal} beside {@code --out}: what a killed run had
 * durably written, for {@code --resume} to continue from, and the mark by which the next run knows
 * its leftovers.
 *
 * <p>Text, one record a line, each appended and written down to the disk (fsync) before the run
 * goes on: {@code riskgate-rescore-journal 1 <fingerprint>} first, then {@code checkpoint <lines>
 * <out bytes> <rejects bytes>} each time the first {@code lines} input lines are in the two
 * outputs' temporary files, fsynced, and last {@code commit <status>} once every output is
 * finished and only the renames are left. A torn last line (a kill while appending) is ignored.
 *
 * <p>A live run holds a lock on its journal: a second run into the same {@code --out} is refused
 * rather than taken for leftovers. The operating system drops the lock of a killed process.
 */
final class RunJournal implements AutoCloseable {
  private static final String HEADER = "riskgate-rescore-journal 1 ";

  /** The last durable state of a run: lines done and the bytes of the outputs that hold them. */
  record Checkpoint(long lines, long outBytes, long rejectsBytes) {
    static final Checkpoint START = new Checkpoint(0, 0, 0);
  }

  /** What an earlier run left: its fingerprint, last checkpoint, and exit status if it got to commit. */
  record Left(String fingerprint, Checkpoint checkpoint, Integer committedStatus) {}

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;

  private RunJournal(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /** The journal of a run whose assessments go to {@code out}. */
  static Path of(Path out) {
    Path destination = OutputPaths.followLinks(out.toAbsolutePath()).normalize();
    return destination.resolveSibling("." + destination.getFileName() + ".journal");
  }

  /**
   * Opens (creating) and locks the journal.
   *
   * @throws UserException if another run holds it, or it cannot be written
   */
  static RunJournal open(Path file) {
    try {
      Files.createDirectories(file.getParent());
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        channel.close();
        throw new UserException("another rescore is writing the same --out now (it holds " + file
            + "); wait for it to end, or choose another --out");
      }
      return new RunJournal(file, channel, lock);
    } catch (IOException e) {
      throw new UserException(file + ": cannot write the run's journal: " + StagedFile.describe(e), e);
    }
  }

  Path file() {
    return file;
  }

  /** What an earlier run left in this journal, or null if it is empty (no earlier run). */
  Left left() {
    try {
      if (channel.size() == 0) {
        return null;
      }
      ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), 1 << 20));
      channel.read(buffer, 0);
      String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
      // Only whole lines count: the last one may have been torn by a kill.
      List<String> lines = text.lines().toList().subList(0, (int) text.chars().filter(c -> c == '\n').count());
      if (lines.isEmpty() || !lines.get(0).startsWith(HEADER)) {
        return new Left(null, Checkpoint.START, null);
      }
      Checkpoint checkpoint = Checkpoint.START;
      Integer status = null;
      for (String line : lines.subList(1, lines.size())) {
        String[] words = line.split(" ");
        if (words[0].equals("checkpoint") && words.length == 4) {
          checkpoint = new Checkpoint(Long.parseLong(words[1]), Long.parseLong(words[2]), Long.parseLong(words[3]));
        } else if (words[0].equals("commit") && words.length == 2) {
          status = Integer.parseInt(words[1]);
        }
      }
      return new Left(lines.get(0).substring(HEADER.length()), checkpoint, status);
    } catch (IOException | RuntimeException e) {
      // Unreadable: leftovers all the same, but nothing to resume from.
      return new Left(null, Checkpoint.START, null);
    }
  }

  /** Starts the journal afresh for a run with this fingerprint. */
  void start(String fingerprint) {
    try {
      channel.truncate(0);
    } catch (IOException e) {
      throw failed(e);
    }
    append(HEADER + fingerprint.replace('\n', ' '));
  }

  void checkpoint(Checkpoint checkpoint) {
    append("checkpoint " + checkpoint.lines() + " " + checkpoint.outBytes() + " " + checkpoint.rejectsBytes());
  }

  /** Marks every output finished: only the renames are left, with this exit status. */
  void commit(int status) {
    append("commit " + status);
  }

  private void append(String line) {
    try {
      ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
      long at = channel.size();
      while (bytes.hasRemaining()) {
        at += channel.write(bytes, at);
      }
      channel.force(false);
    } catch (IOException e) {
      throw failed(e);
    }
  }

  private WriteFailedException failed(IOException e) {
    return new WriteFailedException(file + ": cannot write the run's journal: " + StagedFile.describe(e), e);
  }

  /** Removes the journal: the run is complete, or its leftovers are gone. */
  void delete() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw failed(e);
    } finally {
      close();
    }
  }

  /** Releases the lock, keeping the journal (a run that failed leaves it for the next to clean). */
  @Override
  public void close() {
    try {
      if (lock.isValid()) {
        lock.release();
      }
      channel.close();
    } catch (IOException e) {
      // The lock goes with the channel, or with the process.
    }
  }
}
