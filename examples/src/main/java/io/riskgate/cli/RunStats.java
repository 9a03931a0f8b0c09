package io.riskgate.cli;

import io.riskgate.Assessment;
import io.riskgate.Channel;
import io.riskgate.Hit;
import io.riskgate.Selection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The counts of a rescore run, kept as it streams: a fixed number of counters per channel and per
 * criterion code, so memory does not grow with the input.
 *
 * <p>Not thread-safe: the single writer thread owns it.
 */
final class RunStats {

  /** Inspections and violations among some declarations that carry an outcome. */
  static final class OutcomeCounts {
    long declarations;
    long inspected;
    /** Violations found: among the inspected declarations. */
    long violations;
    /** Violations known, inspected or not (more than {@code violations} only in synthetic data). */
    long known;

    void add(Outcome outcome) {
      declarations++;
      if (outcome.violation()) {
        known++;
      }
      if (outcome.inspected()) {
        inspected++;
        if (outcome.violation()) {
          violations++;
        }
      }
    }

    /**
     * Inspection share: inspected declarations among those with an outcome, how often the past
     * process inspected what this pack now selects.
     */
    Estimate inspectionShare() {
      return Estimate.wilson(inspected, declarations);
    }

    /** Precision: violations found among the inspected declarations. */
    Estimate precision() {
      return Estimate.wilson(violations, inspected);
    }

    /** Known violations among all declarations with an outcome: only synthetic data knows it. */
    Estimate knownRate() {
      return Estimate.wilson(known, declarations);
    }
  }

  /**
   * What the evidence says of a criterion so far: the flag beside its rates. The rules are
   * documented in the glossary (examples/README.md) and below.
   */
  enum Verdict {
    /** Fewer than {@link #MIN_INSPECTED} of its hits were inspected: any rate is noise. */
    TOO_FEW("too few inspected to say"),
    /** Fewer than {@link #MIN_INSPECTED} random selections were inspected: no yardstick. */
    NO_YARDSTICK("no random yardstick yet"),
    /** The lift interval reaches 1 or below: random selection might do as well. */
    NO_BETTER("no better than random so far"),
    /** The whole lift interval is above 1. */
    BETTER("better than random");

    final String text;

    Verdict(String text) {
      this.text = text;
    }
  }

  /**
   * The fewest inspected hits (or inspected random selections) worth a rate: below it a single
   * inspection moves precision by more than ten points, and a Wilson interval spans about 30 to
   * 60 points whatever was found.
   */
  static final int MIN_INSPECTED = 10;

  /** What one criterion did over the run. */
  static final class Criterion {
    final String code;
    /** The rule that reported its first hit: its name when the pack does not list it. */
    String rule;
    long hits;
    final long[] byChannel = new long[Channel.values().length];
    final OutcomeCounts outcomes = new OutcomeCounts();

    Criterion(String code) {
      this.code = code;
    }
  }

  /**
   * What a criterion on trial would have changed had it counted, alone: the engine's {@link
   * Assessment#trials()} counted per move. Kept per trial code, so memory is bounded by the pack.
   */
  static final class TrialEffect {
    /** How many moved declarations {@link #examples} keeps. */
    static final int EXAMPLES = 5;

    final String code;
    /** Declarations it hit. */
    long hits;
    /** [channel now][channel had it counted]: declarations. */
    final long[][] moves = new long[3][3];
    /** Sum of the score change over its hits, for the mean the report shows. */
    long pointsAdded;
    /** A few declarations it would move: "D000001 (line 1) score 40 -> 75, YELLOW -> RED". */
    final List<String> examples = new ArrayList<>();

    TrialEffect(String code) {
      this.code = code;
    }

    /** Declarations whose channel would change. */
    long moved() {
      long moved = 0;
      for (int from = 0; from < 3; from++) {
        for (int to = 0; to < 3; to++) {
          moved += from == to ? 0 : moves[from][to];
        }
      }
      return moved;
    }

    /** Declarations in {@code channel} had it counted, given {@code now} there as it is. */
    long countIfCounted(Channel channel, long now) {
      long count = now;
      for (int other = 0; other < 3; other++) {
        if (other != channel.ordinal()) {
          count += moves[other][channel.ordinal()] - moves[channel.ordinal()][other];
        }
      }
      return count;
    }
  }

  long lines;
  long assessed;
  long rejected;
  long failedClosed;
  long withOutcome;
  final long[] channels = new long[Channel.values().length];
  final long[] selections = new long[Selection.values().length];
  final OutcomeCounts[] outcomesByChannel = {new OutcomeCounts(), new OutcomeCounts(), new OutcomeCounts()};
  final OutcomeCounts randomOutcomes = new OutcomeCounts();
  final OutcomeCounts allOutcomes = new OutcomeCounts();
  private final Map<String, Criterion> criteria = new HashMap<>();
  private final Map<String, TrialEffect> trials = new TreeMap<>();

  /**
   * Whether the input knows violations of declarations that were not inspected: synthetic data
   * with its ground truth, where rates can be measured on every declaration.
   */
  boolean groundTruth() {
    return allOutcomes.known > allOutcomes.violations;
  }

  void assessed(Assessment assessment, Outcome outcome) {
    assessed(assessment, outcome, 0);
  }

  /** Counts one assessed declaration, from input line {@code line} (0 when unknown). */
  void assessed(Assessment assessment, Outcome outcome, long line) {
    lines++;
    assessed++;
    int channel = assessment.channel().ordinal();
    channels[channel]++;
    selections[assessment.selection().ordinal()]++;
    if (assessment.failedClosed()) {
      failedClosed++;
    }
    if (outcome != null) {
      withOutcome++;
      allOutcomes.add(outcome);
      outcomesByChannel[channel].add(outcome);
      if (assessment.selection() == Selection.RANDOM) {
        randomOutcomes.add(outcome);
      }
    }
    String previous = null;
    for (Hit hit : assessment.hits()) {
      // Hits come sorted by code: count each criterion once per declaration.
      if (hit.code().equals(previous)) {
        continue;
      }
      previous = hit.code();
      Criterion criterion = criteria.computeIfAbsent(hit.code(), Criterion::new);
      if (criterion.rule == null) {
        criterion.rule = hit.rule();
      }
      criterion.hits++;
      criterion.byChannel[channel]++;
      if (outcome != null) {
        criterion.outcomes.add(outcome);
      }
    }
    for (Assessment.Trial trial : assessment.trials()) {
      TrialEffect effect = trials.computeIfAbsent(trial.code(), TrialEffect::new);
      effect.hits++;
      effect.moves[channel][trial.channel().ordinal()]++;
      effect.pointsAdded += trial.score() - assessment.score();
      if (trial.channel() != assessment.channel() && effect.examples.size() < TrialEffect.EXAMPLES) {
        effect.examples.add(assessment.declarationNumber() + (line > 0 ? " (line " + line + ")" : "")
            + " score " + assessment.score() + " -> " + trial.score() + ", " + assessment.channel()
            + " -> " + trial.channel());
      }
    }
  }

  /**
   * What each criterion on trial would have changed, by code: those of {@code onTrial} (the pack's,
   * listed even when they never hit) and any other whose hits were on trial.
   */
  List<TrialEffect> trialEffects(Collection<String> onTrial) {
    Map<String, TrialEffect> all = new TreeMap<>(trials);
    for (String code : onTrial) {
      all.computeIfAbsent(code, TrialEffect::new);
    }
    return List.copyOf(all.values());
  }

  void rejected() {
    lines++;
    rejected++;
  }

  /** Every criterion that hit at least once, most hits first, then by code. */
  List<Criterion> criteriaByHits() {
    List<Criterion> list = new ArrayList<>(criteria.values());
    list.sort(Comparator.comparingLong((Criterion c) -> -c.hits).thenComparing(c -> c.code));
    return list;
  }

  /**
   * Lift over random selection: the precision of {@code counts} divided by the precision of the
   * random selections, with a Katz log interval (see {@link Estimate#ratio}).
   */
  Estimate lift(OutcomeCounts counts) {
    return Estimate.ratio(counts.violations, counts.inspected, randomOutcomes.violations, randomOutcomes.inspected);
  }

  /** What the inspections of a criterion's hits say so far: see {@link Verdict}. */
  Verdict verdict(OutcomeCounts counts) {
    if (counts.inspected < MIN_INSPECTED) {
      return Verdict.TOO_FEW;
    }
    if (randomOutcomes.inspected < MIN_INSPECTED) {
      return Verdict.NO_YARDSTICK;
    }
    return lift(counts).low() > 1 ? Verdict.BETTER : Verdict.NO_BETTER;
  }

  /** The share of assessed declarations in {@code channel}, 0 to 1. */
  double share(Channel channel) {
    return assessed == 0 ? 0 : (double) channels[channel.ordinal()] / assessed;
  }
}
