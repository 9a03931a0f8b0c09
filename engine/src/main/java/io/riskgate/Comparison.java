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

  /** Codes of the criteria that hit under the live pack and not under the challenger, sorted. */
  public Set<String> onlyLive() {
    return codesMissing(live, challenger);
  }

  /** Codes of the criteria that hit under the challenger and not under the live pack, sorted. */
  public Set<String> onlyChallenger() {
    return codesMissing(challenger, live);
  }

  private static Set<String> codesMissing(Assessment from, Assessment in) {
    SortedSet<String> codes = new TreeSet<>();
    for (Hit hit : from.hits()) {
      if (!in.hasHit(hit.code())) {
        codes.add(hit.code());
      }
    }
    return Collections.unmodifiableSortedSet(codes);
  }
}
