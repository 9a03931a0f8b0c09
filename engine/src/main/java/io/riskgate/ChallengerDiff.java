package io.riskgate;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The running diff between the live pack and the challenger, as {@link RiskEngine#challengerDiff()}
 * saw it: an immutable snapshot, never updated, with every count since this challenger was set.
 *
 * <p>Every declaration the live pack assessed while this challenger was set ends in exactly one of
 * {@code compared}, {@code liveFailures}, {@code challengerFailures}, {@code dropped} or {@code
 * queued} (or, once the
 * challenger is replaced or removed, was never compared). The counts come from one consistent
 * moment: {@code compared} equals the sum of {@link #moves()}.
 *
 * <p>To expose it as metrics, read a snapshot per scrape: see docs/integration.md, "Champion and
 * challenger", for Micrometer gauges.
 *
 * @param challenger the challenger pack these counts are for
 * @param since when it was set, by the engine's clock
 * @param compared declarations both packs assessed, neither failing closed
 * @param liveFailures declarations the live pack failed closed: its channel there is the engine's
 *     fail-closed channel, not a decision of its criteria, so they are not compared (and no move or
 *     criterion shift is credited to the challenger for them)
 * @param challengerFailures declarations the challenger could not assess: it failed closed (a rule
 *     threw, ran away or ran out of time) or its run threw; never counted in {@code compared}
 * @param dropped declarations not compared because the queue was full (or the engine closed)
 * @param queued declarations waiting for the challenger, or being compared, at the snapshot
 * @param listenerFailures calls of the {@link ChallengerListener} that threw
 * @param moves every pair of live channel and challenger channel, GREEN to GREEN first, then by
 *     live channel and challenger channel, with how many compared declarations went that way
 * @param criteria per criterion code with a difference, sorted by code: in how many compared
 *     declarations it hit under only one of the packs
 */
public record ChallengerDiff(
    PackVersion challenger,
    Instant since,
    long compared,
    long liveFailures,
    long challengerFailures,
    long dropped,
    long queued,
    long listenerFailures,
    List<Move> moves,
    List<CriterionShift> criteria) {

  public ChallengerDiff {
    Objects.requireNonNull(challenger, "challenger");
    Objects.requireNonNull(since, "since");
    moves = List.copyOf(moves);
    criteria = List.copyOf(criteria);
    int channels = Channel.values().length;
    for (int i = 0; i < moves.size(); i++) {
      if (moves.get(i).live().ordinal() * channels + moves.get(i).challenger().ordinal() != i) {
        throw new IllegalArgumentException("moves must list every pair of channels once, by live channel then"
            + " challenger channel; at " + i + " was " + moves.get(i));
      }
    }
    if (moves.size() != channels * channels) {
      throw new IllegalArgumentException("moves must list all " + channels * channels + " pairs of channels, was "
          + moves.size());
    }
  }

  /** How many compared declarations the live pack sent to {@code live} and the challenger to {@code challenger}. */
  public long declarations(Channel live, Channel challenger) {
    return moves.get(live.ordinal() * Channel.values().length + challenger.ordinal()).declarations();
  }

  /** How many compared declarations the challenger routed to another channel than the live pack. */
  public long moved() {
    long moved = 0;
    for (Move move : moves) {
      if (move.live() != move.challenger()) {
        moved += move.declarations();
      }
    }
    return moved;
  }

  /**
   * Compared declarations that went from one channel to another (or stayed, when both are equal).
   *
   * @param live the live pack's channel
   * @param challenger the challenger's channel
   * @param declarations how many compared declarations
   */
  public record Move(Channel live, Channel challenger, long declarations) {
    public Move {
      Objects.requireNonNull(live, "live");
      Objects.requireNonNull(challenger, "challenger");
    }
  }

  /**
   * One criterion code's part in the difference: in how many compared declarations it hit under
   * one pack and not the other, overall and among the declarations that moved channel (the
   * criteria behind the moves).
   *
   * @param code the criterion code
   * @param onlyLive declarations it hit under the live pack only
   * @param onlyChallenger declarations it hit under the challenger only
   * @param onlyLiveMoved of {@code onlyLive}, those the two packs routed to different channels
   * @param onlyChallengerMoved of {@code onlyChallenger}, those the two packs routed to different channels
   */
  public record CriterionShift(String code, long onlyLive, long onlyChallenger, long onlyLiveMoved,
      long onlyChallengerMoved) {
    public CriterionShift {
      Objects.requireNonNull(code, "code");
    }
  }
}
