package io.riskgate.spark;

import io.riskgate.cli.LinesForSpark;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.spark.TaskContext;
import org.apache.spark.util.TaskCompletionListener;

/**
 * The input files of a run and their lines. A file is read whole by one task, from its first line:
 * that is what numbers its lines as an editor does (and as {@code rescore} names them in its
 * rejects), and compressed files cannot be split anyway. The tasks that assess need not be those
 * that read: see {@code --partitions}.
 */
final class InputFiles {
  private InputFiles() {}

  /** One line of an input file, as it travels from the task that read it to one that assesses. */
  record Line(String file, long number, byte[] bytes, long length) implements Serializable {}

  /**
   * The files the arguments name, sorted: a file, a folder (its files, recursively, leaving out
   * hidden ones such as {@code _SUCCESS} and {@code .crc}), or a glob.
   *
   * @throws IllegalArgumentException for an argument that names nothing
   */
  static List<String> list(Configuration conf, List<String> arguments) throws IOException {
    TreeSet<String> files = new TreeSet<>();
    for (String argument : arguments) {
      Path path = new Path(argument);
      FileSystem fs = path.getFileSystem(conf);
      FileStatus[] matches = fs.globStatus(path);
      if (matches == null || matches.length == 0) {
        throw new IllegalArgumentException("--in " + argument + ": no such file or folder");
      }
      for (FileStatus match : matches) {
        if (match.isDirectory()) {
          RemoteIterator<LocatedFileStatus> listing = fs.listFiles(match.getPath(), true);
          while (listing.hasNext()) {
            Path file = listing.next().getPath();
            if (!hidden(file)) {
              files.add(file.toString());
            }
          }
        } else {
          files.add(match.getPath().toString());
        }
      }
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException("--in " + String.join(",", arguments) + ": no input files");
    }
    return new ArrayList<>(files);
  }

  private static boolean hidden(Path file) {
    String name = file.getName();
    return name.startsWith("_") || name.startsWith(".");
  }

  /**
   * The lines of one file, read as they are consumed; decompressed by the Hadoop codec its name
   * asks for ({@code .gz}, {@code .bz2}, {@code .zst}, {@code .lz4}, {@code .deflate}...).
   */
  static Iterator<Line> lines(Configuration conf, String file, int maxLineChars) throws IOException {
    Path path = new Path(file);
    CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(path);
    InputStream raw = path.getFileSystem(conf).open(path);
    InputStream in = codec == null ? raw : codec.createInputStream(raw);
    LinesForSpark reader = new LinesForSpark(in, maxLineChars);
    TaskContext task = TaskContext.get();
    if (task != null) {
      // A task that fails or is killed before the end of its file still closes it.
      task.addTaskCompletionListener((TaskCompletionListener) context -> close(reader));
    }
    return new Iterator<>() {
      private LinesForSpark.Line next = advance();

      private LinesForSpark.Line advance() {
        try {
          LinesForSpark.Line line = reader.next();
          if (line == null) {
            close(reader);
          }
          return line;
        } catch (IOException e) {
          throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
        }
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public Line next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        Line line = new Line(file, next.number(), next.bytes(), next.length());
        next = advance();
        return line;
      }
    };
  }

  private static void close(LinesForSpark reader) {
    try {
      reader.close();
    } catch (IOException e) {
      // Every line was read, or the task failed already: nothing depends on the close.
    }
  }
}
