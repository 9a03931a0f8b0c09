package io.riskgate.cli;

import io.riskgate.Assessment;
import io.riskgate.Channel;
import io.riskgate.Hit;
import io.riskgate.Selection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The decision diff between a baseline run and this one: how many declarations move between each
 * pair of channels, which criteria cause the moves, and a few example declarations per move.
 *
 * <p>A criterion causes a move up when its effect rose (it hits now and did not, its points rose,
 * or it demands a stronger minimum channel), and a move down when its effect fell; a criterion
 * with negative points (facilitation) that stops hitting causes a move up. Memory is bounded by
 * channels × criteria, not by the input.
 *
 * <p>Not thread-safe: the single writer thread owns it.
 */
final class BaselineDiff {
  static final int EXAMPLES = 5;
  static final String RANDOM = "(random selection)";
  static final String OTHER = "(thresholds or other settings)";
  /** The change of a criterion that counted in the baseline and hits on trial now. */
  static final String PUT_ON_TRIAL = "put on trial, no longer counts";
  /** The change of a criterion that hit on trial in the baseline and counts now. */
  static final String TAKEN_OFF_TRIAL = "taken off trial, counts now";

  /** A move from one channel to another. */
  record Move(Channel from, Channel to) {
    boolean up() {
      return to.ordinal() > from.ordinal();
    }
  }

  /**
   * One cause of one move, with the number of declarations it explains.
   *
   * @param code the criterion code, or {@link #RANDOM} or {@link #OTHER}
   * @param change "" when the criterion newly hits, else "no longer hits", "changed", {@link
   *     #PUT_ON_TRIAL} or {@link #TAKEN_OFF_TRIAL}
   */
  record Cause(String code, String change, long declarations) {
    boolean criterion() {
      return !code.equals(RANDOM) && !code.equals(OTHER);
    }

    /** The cause with its criterion's name and theme, e.g. "VAL-01 Unit value ... [valuation] (changed)". */
    String label(CriterionLabels labels) {
      return (criterion() ? labels.label(code) : code) + (change.isEmpty() ? "" : " (" + change + ")");
    }
  }

  final long[][] matrix = new long[3][3];
  long compared;
  private final Map<Move, Map<Cause, Long>> causes = new HashMap<>();
  /** The rule each cause's code was reported by, for codes the current pack may no longer have. */
  private final Map<String, String> rules = new HashMap<>();
  private final Map<Move, List<String>> examples = new HashMap<>();

  void compare(Assessment before, Assessment now, long line) {
    compared++;
    matrix[before.channel().ordinal()][now.channel().ordinal()]++;
    if (before.channel() == now.channel()) {
      return;
    }
    Move move = new Move(before.channel(), now.channel());
    List<String> list = examples.computeIfAbsent(move, m -> new ArrayList<>());
    if (list.size() < EXAMPLES) {
      list.add(now.declarationNumber() + " (line " + line + ")");
    }
    Map<Cause, Long> counts = causes.computeIfAbsent(move, m -> new HashMap<>());
    boolean found = false;
    Map<String, Effect> old = effects(before);
    Map<String, Effect> current = effects(now);
    Set<String> codes = new TreeSet<>(old.keySet());
    codes.addAll(current.keySet());
    for (String code : codes) {
      Effect a = old.getOrDefault(code, Effect.NONE);
      Effect b = current.getOrDefault(code, Effect.NONE);
      int change = b.compareTo(a);
      if (change != 0 && (change > 0) == move.up()) {
        String what = !old.containsKey(code) ? (hitsOnTrial(before, code) ? TAKEN_OFF_TRIAL : "")
            : !current.containsKey(code) ? (hitsOnTrial(now, code) ? PUT_ON_TRIAL : "no longer hits") : "changed";
        counts.merge(new Cause(code, what, 0), 1L, Long::sum);
        rules.putIfAbsent(code, (current.containsKey(code) ? current : old).get(code).rule());
        found = true;
      }
    }
    boolean randomNow = now.selection() == Selection.RANDOM;
    boolean randomBefore = before.selection() == Selection.RANDOM;
    if (move.up() ? randomNow && !randomBefore : randomBefore && !randomNow) {
      counts.merge(new Cause(RANDOM, "", 0), 1L, Long::sum);
      found = true;
    }
    if (!found) {
      counts.merge(new Cause(OTHER, "", 0), 1L, Long::sum);
    }
  }

  /** The moves that happened, strongest change first (RED to GREEN before YELLOW to GREEN). */
  List<Move> moves() {
    List<Move> list = new ArrayList<>();
    for (Channel from : Channel.values()) {
      for (Channel to : Channel.values()) {
        if (from != to && matrix[from.ordinal()][to.ordinal()] > 0) {
          list.add(new Move(from, to));
        }
      }
    }
    return list;
  }

  long count(Move move) {
    return matrix[move.from().ordinal()][move.to().ordinal()];
  }

  long moved() {
    long moved = 0;
    for (Move move : moves()) {
      moved += count(move);
    }
    return moved;
  }

  /** The causes of a move, most declarations first. */
  List<Cause> causes(Move move) {
    List<Cause> list = new ArrayList<>();
    causes.getOrDefault(move, Map.of()).forEach((cause, n) -> list.add(new Cause(cause.code(), cause.change(), n)));
    list.sort(Comparator.comparingLong((Cause c) -> -c.declarations()).thenComparing(Cause::code)
        .thenComparing(Cause::change));
    return list;
  }

  /** The rule names of the codes that caused moves, by code. */
  Map<String, String> rules() {
    return Map.copyOf(rules);
  }

  List<String> examples(Move move) {
    return examples.getOrDefault(move, List.of());
  }

  private static boolean hitsOnTrial(Assessment assessment, String code) {
    for (Hit hit : assessment.hits()) {
      if (hit.trial() && hit.code().equals(code)) {
        return true;
      }
    }
    return false;
  }

  /** What a criterion does to one declaration: its points and the minimum channel it demands. */
  private record Effect(int points, Channel minimum, String rule) implements Comparable<Effect> {
    static final Effect NONE = new Effect(0, null, "");

    @Override
    public int compareTo(Effect other) {
      int a = minimum == null ? -1 : minimum.ordinal();
      int b = other.minimum == null ? -1 : other.minimum.ordinal();
      if (a != b) {
        return Integer.compare(a, b);
      }
      return Integer.compare(points, other.points);
    }
  }

  /**
   * The effects of the criteria that count: a hit on trial moves nothing, so it causes no move
   * (the summary's table of criteria on trial says what it would move).
   */
  private static Map<String, Effect> effects(Assessment assessment) {
    Map<String, Effect> effects = new HashMap<>();
    for (Hit hit : assessment.hits()) {
      if (hit.trial()) {
        continue;
      }
      // The engine counts each code once; with several hits of one code, take the strongest.
      Effect effect = new Effect(hit.points(), hit.minimumChannel(), hit.rule());
      effects.merge(hit.code(), effect, (x, y) -> x.compareTo(y) >= 0 ? x : y);
    }
    return effects;
  }
}
