package io.riskgate.benchmarks;

import io.riskgate.RulePack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Copies of a pack on disk with their DRL edited: copies that differ from the pack by one comment
 * line, so that each has its own content hash and the engine compiles it instead of taking it from
 * its cache of compiled packs (what a reload of an edited pack costs); and a copy whose rules
 * keep their conditions but lose their consequences (what running the conditions costs).
 */
final class PackCopies {
  /**
   * A rule's consequence: from a line that is only {@code then} to the next line that is only
   * {@code end}. A pattern rather than Drools' parser, because the copy must keep every other
   * character of the pack as it is (its conditions above all); {@link #withoutConsequences} checks
   * that it found one consequence per rule, so a pack written otherwise fails instead of being
   * half emptied.
   */
  private static final Pattern CONSEQUENCE = Pattern.compile("(?ms)^then[ \\t]*$.*?^end[ \\t]*$");

  private PackCopies() {}

  /** Writes {@code pack} to {@code directory} with {@code marker} as a comment in its first DRL. */
  static RulePack copy(RulePack pack, Path directory, String marker) {
    String first = pack.drlPaths().get(0);
    return write(pack, directory, (path, text) -> path.equals(first) ? text + "\n// copy " + marker + "\n" : text);
  }

  /**
   * Writes {@code pack} to {@code directory} with every rule's consequence emptied: the rules match
   * and fire as before, and report nothing. Each rule's {@code then} and {@code end} must begin a
   * line of their own, as they do in the packs of this project.
   */
  static RulePack withoutConsequences(RulePack pack, Path directory) {
    Set<String> drl = Set.copyOf(pack.drlPaths());
    return write(pack, directory, (path, text) -> {
      if (!drl.contains(path)) {
        return text;
      }
      long consequences = CONSEQUENCE.matcher(text).results().count();
      int rules = GeneratedPack.ruleCount(text);
      if (consequences != rules) {
        throw new IllegalArgumentException(path + " has " + rules + " rules but " + consequences
            + " consequences between a line 'then' and a line 'end'");
      }
      return CONSEQUENCE.matcher(text).replaceAll("then\nend");
    });
  }

  /** Writes each file of {@code pack} to {@code directory}, its text passed through {@code edit}. */
  private static RulePack write(RulePack pack, Path directory, BiFunction<String, String, String> edit) {
    try {
      for (String path : pack.paths()) {
        Path target = directory.resolve(path);
        Files.createDirectories(target.getParent());
        Files.writeString(target, edit.apply(path, pack.text(path).orElseThrow()), StandardCharsets.UTF_8);
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
