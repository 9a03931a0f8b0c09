package io.riskgate.benchmarks;

import io.riskgate.RulePack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * Copies of a pack on disk that differ from it by one comment line, so that each has its own
 * content hash and the engine compiles it instead of taking it from its cache of compiled packs:
 * what a reload of an edited pack costs.
 */
final class PackCopies {
  private PackCopies() {}

  /** Writes {@code pack} to {@code directory} with {@code marker} as a comment in its first DRL. */
  static RulePack copy(RulePack pack, Path directory, String marker) {
    String first = pack.drlPaths().get(0);
    return write(pack, directory, (path, text) -> path.equals(first) ? text + "\n// copy " + marker + "\n" : text);
  }

  /** Writes {@code pack} to {@code directory} as it is: for a tool that takes a pack's folder. */
  static RulePack copy(RulePack pack, Path directory) {
    return write(pack, directory, (path, text) -> text);
  }

  /** Writes each file of {@code pack} to {@code directory}, its text (not a workbook's) passed through {@code edit}. */
  private static RulePack write(RulePack pack, Path directory, BiFunction<String, String, String> edit) {
    try {
      for (String path : pack.paths()) {
        Path target = directory.resolve(path);
        Files.createDirectories(target.getParent());
        if (PackFiles.binary(path)) {
          Files.write(target, PackFiles.bytes(pack, path));
        } else {
          Files.writeString(target, edit.apply(path, pack.text(path).orElseThrow()), StandardCharsets.UTF_8);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return RulePack.fromDirectory(directory);
  }

  /** Deletes {@code directory} and everything under it. */
  static void delete(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
