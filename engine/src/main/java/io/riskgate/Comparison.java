package io.riskgate;

import io.riskgate.declaration.Declaration;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One declaration as the live pack and the challenger assessed it. Immutable.
 *
 * @param declaration the declaration both packs assessed
 * @param live the assessment the engine returned to its caller
 * @param challenger the challenger pack's assessment of the same declaration
 */
public record Comparison(Declaration declaration, Assessment live, Assessment challenger) {

  public Comparison {
    Objects.requireNonNull(declaration, "declaration");
    Objects.requireNonNull(live, "live");
    Objects.requireNonNull(challenger, "challenger");
  }

  /** Whether the two packs routed the declaration to different channels. */
  public boolean moved() {
    return live.channel() != challenger.channel();
  }

  /**
   * Codes of the criteria that count (not on trial) under the live pack and do not under the
   * challenger, sorted: the criteria behind a move. A criterion on trial under one pack and
   * counting under the other is listed on the side where it counts.
   */
  public Set<String> onlyLive() {
    return codesMissing(live, challenger);
  }

  /** Codes of the criteria that count under the challenger and do not under the live pack, sorted. */
  public Set<String> onlyChallenger() {
    return codesMissing(challenger, live);
  }

  private static Set<String> codesMissing(Assessment from, Assessment in) {
    SortedSet<String> codes = new TreeSet<>();
    for (Hit hit : from.hits()) {
      if (!hit.trial() && !counts(in, hit.code())) {
        codes.add(hit.code());
      }
    }
    return Collections.unmodifiableSortedSet(codes);
  }

  private static boolean counts(Assessment assessment, String code) {
    for (Hit hit : assessment.hits()) {
      if (!hit.trial() && hit.code().equals(code)) {
        return true;
      }
    }
    return false;
  }
}
