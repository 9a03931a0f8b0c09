package io.riskgate.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** The scenario-kit test pack, as is or copied with extra scenario files from the test resources. */
public final class KitPacks {
  /**
   * The engine module's folder: the working directory of its own tests, and given by the system
   * property {@code riskgate.engineDir} to other modules' tests that use these packs.
   */
  private static final Path ENGINE = Path.of(System.getProperty("riskgate.engineDir", ""));
  /** The test pack whose every scenario passes. */
  public static final Path KIT = ENGINE.resolve("src/test/resources/packs/scenario-kit");
  private static final Path EXTRA = ENGINE.resolve("src/test/resources/scenarios");

  private KitPacks() {}

  /**
   * Copies the scenario-kit pack into {@code target} and adds the named files of
   * {@code src/test/resources/scenarios/<folder>/} to its {@code scenarios/} folder, with that
   * folder's {@code base/} declarations.
   */
  public static Path withScenarios(Path target, String folder, String... files) {
    try {
      copyTree(KIT, target);
      Path from = EXTRA.resolve(folder);
      if (Files.isDirectory(from.resolve("base"))) {
        copyTree(from.resolve("base"), target.resolve("scenarios/base"));
      }
      for (String file : files) {
        Files.copy(from.resolve(file), target.resolve("scenarios").resolve(file));
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies a folder tree, replacing files that exist. */
  public static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
