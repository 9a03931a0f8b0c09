package io.riskgate.cli;

import io.riskgate.PackManifest;
import io.riskgate.RulePack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes the copy of a pack that {@code calibrate} proposes: every file as it was, but for
 * {@code pack.json}'s two thresholds and its version. The numbers are replaced in the text, so the
 * author's layout, order and wording stay, and a diff of the two packs shows only what changed.
 */
final class CalibratedPack {
  private static final Pattern THRESHOLDS = Pattern.compile("(\"thresholds\"\\s*:\\s*\\{)([^{}]*)(})");
  private static final Pattern VERSION = Pattern.compile("(\"version\"\\s*:\\s*\")((?:[^\"\\\\]|\\\\.)*)(\")");
  private static final Pattern LAST_NUMBER = Pattern.compile("(\\d+)(\\D*)$");

  private CalibratedPack() {}

  /**
   * The next version: the last number in it plus one ({@code 2026.11.0 -> 2026.11.1},
   * {@code 1.0-rc2 -> 1.0-rc3}), or {@code .1} appended when it has none. Every assessment records
   * the pack's version, so the calibrated pack must never pass for the one it came from.
   */
  static String nextVersion(String version) {
    Matcher last = LAST_NUMBER.matcher(version);
    if (!last.find()) {
      return version + ".1";
    }
    String bumped = new java.math.BigInteger(last.group(1)).add(java.math.BigInteger.ONE).toString();
    return version.substring(0, last.start()) + bumped + last.group(2);
  }

  /** The text of {@code pack.json} with new thresholds and version, all else as it was. */
  static String rewrite(String packJson, int yellow, int red, String version) {
    Matcher thresholds = THRESHOLDS.matcher(packJson);
    if (!thresholds.find()) {
      throw new UserException(RulePack.MANIFEST + ": cannot find its \"thresholds\" object to change");
    }
    String inside = replaceNumber(thresholds.group(2), "yellow", yellow);
    inside = replaceNumber(inside, "red", red);
    String text = packJson.substring(0, thresholds.start(2)) + inside + packJson.substring(thresholds.end(2));
    Matcher versionField = VERSION.matcher(text);
    if (!versionField.find()) {
      throw new UserException(RulePack.MANIFEST + ": cannot find its \"version\" to change");
    }
    return text.substring(0, versionField.start(2)) + version + text.substring(versionField.end(2));
  }

  private static String replaceNumber(String object, String field, int value) {
    Matcher number = Pattern.compile("(\"" + field + "\"\\s*:\\s*)(-?\\d+)").matcher(object);
    if (!number.find()) {
      throw new UserException(RulePack.MANIFEST + ": cannot find thresholds." + field + " to change");
    }
    return object.substring(0, number.start(2)) + value + object.substring(number.end(2));
  }

  /**
   * Copies {@code from} to {@code to} with the new thresholds and version, through a temporary
   * folder beside {@code to} renamed at the end, so a failure leaves no half-written pack; then
   * loads the copy to check that it says what was meant.
   *
   * @throws UserException if it cannot be written
   */
  static void write(Path from, Path to, PackManifest.Thresholds thresholds, String version) {
    Path target = to.toAbsolutePath().normalize();
    Path staging = target.resolveSibling("." + target.getFileName() + ".calibrating");
    try {
      Files.createDirectories(target.getParent());
      deleteTree(staging);
      List<Path> files;
      try (Stream<Path> walk = Files.walk(from)) {
        files = new ArrayList<>(walk.toList());
      }
      for (Path file : files) {
        Path copy = staging.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
      Path manifest = staging.resolve(RulePack.MANIFEST);
      String text = Files.readString(manifest, StandardCharsets.UTF_8);
      Files.writeString(manifest, rewrite(text, thresholds.yellow(), thresholds.red(), version), StandardCharsets.UTF_8);
      PackManifest written = RulePack.fromDirectory(staging).manifest();
      if (!written.thresholds().equals(thresholds) || !written.version().equals(version)) {
        throw new IllegalStateException("the written " + RulePack.MANIFEST + " reads as thresholds "
            + written.thresholds() + ", version " + written.version() + ", not the " + thresholds + ", " + version + " meant");
      }
      // --out may be an empty folder: it gives way to the copy.
      Files.deleteIfExists(target);
      Files.move(staging, target);
    } catch (IOException e) {
      try {
        deleteTree(staging);
      } catch (IOException ignored) {
        // The message below is what matters.
      }
      throw new UserException("--out " + to + ": cannot write the calibrated pack: " + StagedFile.describe(e), e);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
