package io.riskgate.scenario;

import io.riskgate.Assessment;
import io.riskgate.Channel;
import io.riskgate.Hit;
import io.riskgate.Selection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The outcome of running one scenario: whether the pack decided as the scenario expects, and what
 * it actually decided. Immutable.
 *
 * <p>A scenario file that could not be read gives a failed result whose {@code actualChannel} is
 * {@code null} and whose only failure is the located error.
 *
 * @param file the scenario file: the pack's location plus its path in the pack
 * @param description the scenario's description, or {@code ""} if the file could not be read
 * @param passed whether the channel, the set of codes and every expected reason fragment match
 * @param expectedChannel the channel the scenario expects, or {@code null} if unreadable
 * @param actualChannel the channel the pack gave, or {@code null} if the scenario did not run
 * @param expectedCodes the criterion codes the scenario expects, sorted
 * @param actualCodes the criterion codes that hit, sorted
 * @param hits every hit with its reason, in the assessment's order
 * @param score the assessment's score (0 if the scenario did not run)
 * @param selection why the declaration got its channel, or {@code null} if it did not run
 * @param failures one line per mismatch, or the located error; empty when passed
 */
public record ScenarioResult(
    String file,
    String description,
    boolean passed,
    Channel expectedChannel,
    Channel actualChannel,
    Set<String> expectedCodes,
    Set<String> actualCodes,
    List<Hit> hits,
    int score,
    Selection selection,
    List<String> failures) {

  public ScenarioResult {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(description, "description");
    expectedCodes = Collections.unmodifiableSortedSet(new TreeSet<>(expectedCodes));
    actualCodes = Collections.unmodifiableSortedSet(new TreeSet<>(actualCodes));
    hits = List.copyOf(hits);
    failures = List.copyOf(failures);
  }

  /** Compares what {@code scenario} expects with what the pack decided. */
  static ScenarioResult of(Scenario scenario, Assessment assessment) {
    Scenario.Expectation expected = scenario.expected();
    Set<String> actualCodes = new TreeSet<>();
    for (Hit hit : assessment.hits()) {
      actualCodes.add(hit.code());
    }
    List<String> failures = new ArrayList<>();
    if (assessment.channel() != expected.channel()) {
      failures.add("channel: expected " + expected.channel() + ", actual " + assessment.channel());
    }
    Set<String> missing = new TreeSet<>(expected.codes());
    missing.removeAll(actualCodes);
    if (!missing.isEmpty()) {
      failures.add("expected codes that did not hit: " + String.join(", ", missing));
    }
    Set<String> unexpected = new TreeSet<>(actualCodes);
    unexpected.removeAll(expected.codes());
    if (!unexpected.isEmpty()) {
      failures.add("codes that hit but are not expected: " + String.join(", ", unexpected));
    }
    expected.reasons().forEach((code, fragments) -> {
      for (String fragment : fragments) {
        boolean found = assessment.hits().stream()
            .anyMatch(hit -> hit.code().equals(code) && hit.reason().contains(fragment));
        if (!found && actualCodes.contains(code)) {
          failures.add("no reason of " + code + " contains \"" + fragment + "\"");
        }
      }
    });
    return new ScenarioResult(scenario.file(), scenario.description(), failures.isEmpty(),
        expected.channel(), assessment.channel(), expected.codes(), actualCodes, assessment.hits(),
        assessment.score(), assessment.selection(), failures);
  }

  /** A scenario file that could not be read, or whose reference data could not be laid over. */
  static ScenarioResult broken(String file, ScenarioException error) {
    return new ScenarioResult(file, "", false, null, null, Set.of(), Set.of(), List.of(), 0, null,
        List.of(error.getMessage()));
  }

  /** The file name without its folders, e.g. {@code val-01-fires.json}. */
  public String fileName() {
    return file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  }

  /**
   * A report for a person: the file, the description, expected against actual channel and codes,
   * what did not match, and every hit with its points and reason.
   *
   * <pre>
   * scenarios/val-01-fires.json: Unit value far below the reference price
   *   expected: RED [VAL-01]
   *   actual:   YELLOW [VAL-01] (score 40, selection TARGETED)
   *   channel: expected RED, actual YELLOW
   *   hits:
   *     VAL-01 +40: declared unit value 3.10 USD/KGM is 62% below reference 8.20 (rule "Unit value below reference")
   * </pre>
   */
  public String report() {
    StringBuilder text = new StringBuilder(file);
    if (!description.isEmpty()) {
      text.append(": ").append(description);
    }
    if (actualChannel == null) {
      for (String failure : failures) {
        text.append(System.lineSeparator()).append("  ").append(failure);
      }
      return text.toString();
    }
    String nl = System.lineSeparator();
    text.append(nl).append("  expected: ").append(expectedChannel).append(' ').append(expectedCodes);
    text.append(nl).append("  actual:   ").append(actualChannel).append(' ').append(actualCodes)
        .append(" (score ").append(score).append(", selection ").append(selection).append(')');
    for (String failure : failures) {
      text.append(nl).append("  ").append(failure);
    }
    text.append(nl).append("  hits:");
    if (hits.isEmpty()) {
      text.append(" none");
    }
    for (Hit hit : hits) {
      text.append(nl).append("    ").append(hit.code()).append(' ')
          .append(hit.points() >= 0 ? "+" : "").append(hit.points());
      if (hit.minimumChannel() != null) {
        text.append(" min ").append(hit.minimumChannel());
      }
      if (hit.trial()) {
        text.append(" (on trial, not counted)");
      }
      text.append(": ").append(hit.reason()).append(" (rule \"").append(hit.rule()).append("\")");
    }
    return text.toString();
  }
}
