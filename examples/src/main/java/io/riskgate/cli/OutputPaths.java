package io.riskgate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * Checks of the files a command is given, before anything is written: an output that is an input
 * or another output would destroy data ({@code --out small.jsonl} for {@code --in small.jsonl}
 * overwrote the input with assessments), so both are compared as the file system sees them,
 * through links; and a folder given for a file, or a file for a folder, is named as such.
 */
final class OutputPaths {
  private OutputPaths() {}

  /**
   * Refuses an output that is the same file as an input or as another output.
   *
   * @param outputs option name to file, in the order to report; null values are skipped
   * @param inputs option name to file; null values are skipped
   * @throws CommandLine.ParameterException naming both options and the file
   */
  static void check(CommandLine cli, Map<String, Path> outputs, Map<String, Path> inputs) {
    List<Map.Entry<String, Path>> seen = new ArrayList<>();
    for (Map.Entry<String, Path> output : outputs.entrySet()) {
      if (output.getValue() == null) {
        continue;
      }
      requireNotFolder(cli, output.getKey(), output.getValue());
      for (Map.Entry<String, Path> input : inputs.entrySet()) {
        if (input.getValue() != null && same(output.getValue(), input.getValue())) {
          throw new CommandLine.ParameterException(cli, output.getKey() + " " + output.getValue()
              + " is the same file as " + input.getKey() + " " + input.getValue()
              + ": writing it would destroy the input; choose another output");
        }
      }
      for (Map.Entry<String, Path> other : seen) {
        if (same(output.getValue(), other.getValue())) {
          throw new CommandLine.ParameterException(cli, output.getKey() + " " + output.getValue()
              + " is the same file as " + other.getKey() + " " + other.getValue()
              + ": each output needs its own file");
        }
      }
      seen.add(output);
    }
  }

  /** Refuses a path that is not an existing regular file, saying what it is instead. */
  static void requireFile(CommandLine cli, String option, Path file, String expected) {
    if (Files.isDirectory(file)) {
      throw new CommandLine.ParameterException(cli, option + " " + file + ": is a folder, expected " + expected);
    }
    if (!Files.exists(file)) {
      throw new CommandLine.ParameterException(cli, option + " " + file + ": no such file");
    }
  }

  /** Refuses a path that is not an existing folder; a file is named, with its folder as the fix. */
  static void requireFolder(CommandLine cli, String option, Path folder, String holding) {
    if (Files.isDirectory(folder)) {
      return;
    }
    if (Files.exists(folder)) {
      Path parent = folder.toAbsolutePath().getParent();
      String hint = folder.getFileName().toString().equals(holding) && parent != null
          ? "; give its folder, " + parent : "";
      throw new CommandLine.ParameterException(cli, option + " " + folder
          + ": is a file, expected the folder that holds " + holding + hint);
    }
    throw new CommandLine.ParameterException(cli, option + " " + folder + ": no such folder");
  }

  private static void requireNotFolder(CommandLine cli, String option, Path output) {
    if (Files.isDirectory(output)) {
      throw new CommandLine.ParameterException(cli, option + " " + output + ": is a folder, expected a file name");
    }
    Path parent = output.toAbsolutePath().getParent();
    for (Path up = parent; up != null; up = up.getParent()) {
      if (Files.exists(up)) {
        if (!Files.isDirectory(up)) {
          throw new CommandLine.ParameterException(cli, option + " " + output + ": " + up
              + " is a file, so it cannot hold " + output.getFileName());
        }
        break;
      }
    }
  }

  /** Whether two paths name one file: through links, and hard links when both exist. */
  static boolean same(Path a, Path b) {
    try {
      if (Files.exists(a) && Files.exists(b)) {
        return Files.isSameFile(a, b);
      }
    } catch (IOException e) {
      // Unreadable: compare the names as resolved below.
    }
    return resolved(a).equals(resolved(b));
  }

  /**
   * The path with every link resolved: the file's real path if it exists, else the real path of
   * its nearest existing folder with the rest appended.
   */
  private static Path resolved(Path path) {
    Path absolute = followLinks(path.toAbsolutePath()).normalize();
    Path existing = absolute;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return absolute;
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(absolute));
    } catch (IOException e) {
      return absolute;
    }
  }

  /**
   * The file a chain of symbolic links ends at, whether or not it exists (a dangling link names
   * the file that writing through it creates); the path itself if it is not a link.
   */
  static Path followLinks(Path path) {
    Path current = path.toAbsolutePath();
    // A cycle of links is not followed forever; the operating system gives up at 40 too.
    for (int hops = 0; hops < 40 && Files.isSymbolicLink(current); hops++) {
      try {
        current = current.resolveSibling(Files.readSymbolicLink(current));
      } catch (IOException e) {
        return current;
      }
    }
    return current;
  }
}
