package io.riskgate.benchmarks;

import io.riskgate.RulePack;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A pack's files as bytes: a decision table workbook is not text, so it is not read as a String. */
final class PackFiles {
  private PackFiles() {}

  /** Whether a pack file is binary (a workbook) rather than UTF-8 text. */
  static boolean binary(String path) {
    return path.endsWith(".xlsx");
  }

  /** A file of the pack, read again from where it was loaded (a folder, or the class path). */
  static byte[] bytes(RulePack pack, String path) {
    String location = pack.location();
    try (InputStream in = location.startsWith("classpath:")
        ? PackFiles.class.getClassLoader().getResourceAsStream(location.substring("classpath:".length()) + "/" + path)
        : Files.newInputStream(Path.of(location, path))) {
      if (in == null) {
        throw new IllegalStateException(pack + " has no " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
