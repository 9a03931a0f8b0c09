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

    /** Known violations per declaration, or NaN when there are none. */
    double knownRate() {
      return declarations == 0 ? Double.NaN : (double) known / declarations;
    }

    /** Violations found per inspection, or NaN when none was inspected. */
    double hitRate() {
      return inspected == 0 ? Double.NaN : (double) violations / inspected;
    }
  }

  /** What one criterion did over the run. */
  static final class Criterion {
    final String code;
    long hits;
    final long[] byChannel = new long[Channel.values().length];
    final OutcomeCounts outcomes = new OutcomeCounts();

    Criterion(String code) {
      this.code = code;
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

  /**
   * Whether the input knows violations of declarations that were not inspected: synthetic data
   * with its ground truth, where rates can be measured on every declaration.
   */
  boolean groundTruth() {
    return allOutcomes.known > allOutcomes.violations;
  }

  void assessed(Assessment assessment, Outcome outcome) {
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
      criterion.hits++;
      criterion.byChannel[channel]++;
      if (outcome != null) {
        criterion.outcomes.add(outcome);
      }
    }
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

  /** The share of assessed declarations in {@code channel}, 0 to 1. */
  double share(Channel channel) {
    return assessed == 0 ? 0 : (double) channels[channel.ordinal()] / assessed;
  }
}
