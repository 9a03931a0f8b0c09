package io.riskgate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Packs and inputs for the Spark module's tests. */
final class SparkTestData {
  static final Path BASELINE = Path.of("../rules/src/main/resources/riskgate/packs/vn-baseline");

  private SparkTestData() {}

  /**
   * A copy of vn-baseline with a content hash of its own (a comment added to its manifest's
   * folder: a new DRL comment line), so that no other test in this JVM compiled it before.
   */
  static Path freshBaselinePack(Path target) throws IOException {
    try (Stream<Path> files = Files.walk(BASELINE)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path copy = target.resolve(BASELINE.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(file, copy);
        }
      }
    }
    try (Stream<Path> drl = Files.walk(target.resolve("rules"))) {
      Path first = drl.filter(p -> p.toString().endsWith(".drl")).sorted().findFirst().orElseThrow();
      Files.writeString(first, Files.readString(first) + "\n// copy " + System.nanoTime() + "\n");
    }
    return target;
  }
}
