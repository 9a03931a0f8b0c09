package io.riskgate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
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
 * <p>Criteria on trial (see {@link Hit#trial()}) are in {@code hits} like any other, but their
 * points are not in {@code score} and their minimum channels not in {@code channel}; {@code
 * trials} says, for each of them that hit, what the declaration would have got had it counted.
 *
 * @param score the sum of points, each criterion code counted once, criteria on trial left out
 * @param hits the criteria that hit, in a stable order (by code, then rule, reason), trial ones
 *     included and marked
 * @param trials for each criterion on trial that hit, the score and channel had it counted (the
 *     other trial criteria still not counting), in code order; empty when none hit, and then left
 *     out of the JSON
 * @param selection whether criteria, the random draw, or a failure selected it
 * @param pack the pack that decided
 * @param engineVersion the Riskgate version that ran the pack
 * @param assessedAt when it was assessed, by the engine's clock; {@link #NO_TIME} if read from
 *     JSON without it
 */
public record Assessment(
    String declarationNumber,
    Channel channel,
    int score,
    List<Hit> hits,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Trial> trials,
    Selection selection,
    PackVersion pack,
    String engineVersion,
    @JsonDeserialize(using = AssessedAt.class) Instant assessedAt) {

  /**
   * The {@code assessedAt} of an assessment read from JSON that has none, such as a line written
   * by {@code riskgate rescore}: the start of 1970, meaning "not recorded".
   */
  public static final Instant NO_TIME = Instant.EPOCH;

  public Assessment {
    Objects.requireNonNull(declarationNumber, "declarationNumber");
    Objects.requireNonNull(channel, "channel");
    hits = List.copyOf(hits);
    trials = trials == null ? List.of() : List.copyOf(trials);
    Objects.requireNonNull(selection, "selection");
    Objects.requireNonNull(pack, "pack");
    Objects.requireNonNull(engineVersion, "engineVersion");
    Objects.requireNonNull(assessedAt, "assessedAt");
  }

  /** An assessment with no criterion on trial among its hits. */
  public Assessment(String declarationNumber, Channel channel, int score, List<Hit> hits,
      Selection selection, PackVersion pack, String engineVersion, Instant assessedAt) {
    this(declarationNumber, channel, score, hits, List.of(), selection, pack, engineVersion, assessedAt);
  }

  /**
   * What one criterion on trial would have done to the declaration had it counted: the score with
   * its points (its hit of largest magnitude) and the channel with its points and minimum channel,
   * the random draw included as always. Immutable.
   *
   * @param code the criterion's code
   * @param score the score had it counted
   * @param channel the channel had it counted; equal to the assessment's when it would change nothing
   */
  public record Trial(String code, int score, Channel channel) {
    public Trial {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(channel, "channel");
    }
  }

  /** Whether a criterion with this code hit, on trial or not. */
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
