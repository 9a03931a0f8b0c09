package io.riskgate;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of assessing one declaration: its channel, the score, the hits that explain it, how
 * it was selected, and which pack decided. Immutable.
 *
 * <p>Everything but {@code assessedAt} is reproducible: the same declaration assessed by the same
 * pack version gives an equal assessment, random selection included.
 *
 * @param declarationNumber the declaration's number
 * @param channel the inspection channel
 * @param score the sum of points, each criterion code counted once
 * @param hits the criteria that hit, in a stable order (by code, then rule, reason)
 * @param selection whether criteria, the random draw, or a failure selected it
 * @param pack the pack that decided
 * @param engineVersion the Riskgate version that ran the pack
 * @param assessedAt when it was assessed, by the engine's clock
 */
public record Assessment(
    String declarationNumber,
    Channel channel,
    int score,
    List<Hit> hits,
    Selection selection,
    PackVersion pack,
    String engineVersion,
    Instant assessedAt) {

  public Assessment {
    Objects.requireNonNull(declarationNumber, "declarationNumber");
    Objects.requireNonNull(channel, "channel");
    hits = List.copyOf(hits);
    Objects.requireNonNull(selection, "selection");
    Objects.requireNonNull(pack, "pack");
    Objects.requireNonNull(engineVersion, "engineVersion");
    Objects.requireNonNull(assessedAt, "assessedAt");
  }

  /** Whether a criterion with this code hit. */
  public boolean hasHit(String code) {
    for (Hit hit : hits) {
      if (hit.code().equals(code)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the engine failed closed on this declaration instead of assessing it. */
  public boolean failedClosed() {
    return selection == Selection.FAIL_CLOSED;
  }
}
