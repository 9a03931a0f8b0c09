package io.riskgate.cli;

import io.riskgate.Channel;
import io.riskgate.Selection;
import java.util.List;
import java.util.Locale;

/** The plain-text summary of a rescore run, printed and written to {@code summary.txt}. */
final class SummaryText {
  /** How many criteria the summary lists; the HTML report lists all. */
  static final int TOP_CRITERIA = 15;

  private SummaryText() {}

  static String render(RunReport report) {
    RunStats s = report.stats();
    StringBuilder out = new StringBuilder();
    line(out, "pack      %s", report.pack());
    line(out, "input     %s", report.input());
    line(out, "lines     %,d = %,d assessed + %,d rejected%s", s.lines, s.assessed, s.rejected,
        s.failedClosed == 0 ? "" : String.format(Locale.ROOT, "  (%,d of the assessed failed closed)", s.failedClosed));
    out.append('\n');
    line(out, "channel        count   share");
    for (Channel channel : Channel.values()) {
      line(out, "%-7s %12s  %5.1f%%", channel, count(s.channels[channel.ordinal()]), 100 * s.share(channel));
    }
    line(out, "selection: targeted %,d, random %,d, none %,d, failed closed %,d",
        s.selections[Selection.TARGETED.ordinal()], s.selections[Selection.RANDOM.ordinal()],
        s.selections[Selection.NONE.ordinal()], s.selections[Selection.FAIL_CLOSED.ordinal()]);
    out.append('\n');
    CriterionLabels labels = report.labels();
    criteria(out, s, labels);
    List<RunStats.TrialEffect> trials = s.trialEffects(labels.trialCodes());
    if (!trials.isEmpty()) {
      out.append('\n');
      trials(out, s, trials, labels);
    }
    if (s.withOutcome > 0) {
      if (!s.criteriaByHits().isEmpty()) {
        out.append('\n');
        precision(out, s, labels);
      }
      out.append('\n');
      outcomes(out, s);
    }
    if (report.diff() != null) {
      out.append('\n');
      diff(out, report.diff(), report.baseline(), labels);
      if (!trials.isEmpty()) {
        line(out, "criteria on trial cause no move: their hits do not count (see \"criteria on trial\" above)");
      }
    }
    out.append('\n');
    Rescorer.Result r = report.result();
    line(out, "throughput %,.0f declarations/s: %,d assessed in %.2f s on %d thread%s (pack compiled in %.2f s)",
        r.perSecond(), s.assessed, r.seconds(), report.threads(), report.threads() == 1 ? "" : "s",
        report.compileSeconds());
    Rescorer.WorkerTimes t = r.times();
    if (s.assessed > 0 && t.assessNanos() > 0) {
      line(out, "worker time per declaration: %.1f us reading, %.1f us assessing, %.1f us writing",
          t.readNanos() / 1e3 / s.assessed, t.assessNanos() / 1e3 / s.assessed, t.writeNanos() / 1e3 / s.assessed);
    }
    return out.toString();
  }

  private static void criteria(StringBuilder out, RunStats s, CriterionLabels labels) {
    List<RunStats.Criterion> criteria = s.criteriaByHits();
    if (criteria.isEmpty()) {
      line(out, "no criterion hit");
      return;
    }
    line(out, "top criteria by hits%s", criteria.size() > TOP_CRITERIA
        ? String.format(Locale.ROOT, " (%d of %d; the report lists all)", TOP_CRITERIA, criteria.size()) : "");
    line(out, "%-12s %10s %7s %9s %9s %9s  %-22s %s", "criterion", "hits", "share", "GREEN", "YELLOW", "RED",
        "theme", "name");
    for (RunStats.Criterion c : top(criteria)) {
      line(out, "%-12s %10s %6.1f%% %9s %9s %9s  %-22s %s", c.code, count(c.hits), percent(c.hits, s.assessed),
          count(c.byChannel[0]), count(c.byChannel[1]), count(c.byChannel[2]), labels.theme(c.code),
          labels.name(c.code));
    }
  }

  /**
   * What each criterion on trial would have changed had it counted, alone: the declarations that
   * would move, by move, the channel counts it would give, and a few examples with their scores.
   */
  private static void trials(StringBuilder out, RunStats s, List<RunStats.TrialEffect> trials,
      CriterionLabels labels) {
    line(out, "criteria on trial: hits recorded and reported, points and minimum channels not counted");
    line(out, "had each counted (alone, the other trial criteria still not counting):");
    for (RunStats.TrialEffect t : trials) {
      String name = labels.name(t.code);
      line(out, "%s%s [%s]: %s hits, %s declarations would change channel%s", t.code,
          name.isEmpty() ? "" : " " + name, labels.theme(t.code), count(t.hits), count(t.moved()),
          t.hits == 0 ? "" : String.format(Locale.ROOT, " (score +%.1f on average over its hits)",
              (double) t.pointsAdded / t.hits));
      List<String> moves = moves(t);
      if (!moves.isEmpty()) {
        line(out, "  moves: %s", String.join(", ", moves));
        StringBuilder channels = new StringBuilder();
        for (Channel channel : Channel.values()) {
          long now = s.channels[channel.ordinal()];
          channels.append(channels.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %,d -> %,d",
              channel, now, t.countIfCounted(channel, now)));
        }
        line(out, "  channels: %s", channels);
        line(out, "  e.g. %s", String.join("; ", t.examples));
      }
    }
  }

  /** "GREEN -> YELLOW 12", for each move a trial criterion would make, strongest rise first. */
  static List<String> moves(RunStats.TrialEffect t) {
    List<String> moves = new java.util.ArrayList<>();
    for (Channel from : Channel.values()) {
      for (Channel to : Channel.values()) {
        long n = t.moves[from.ordinal()][to.ordinal()];
        if (from != to && n > 0) {
          moves.add(String.format(Locale.ROOT, "%s -> %s %,d", from, to, n));
        }
      }
    }
    return moves;
  }

  private static List<RunStats.Criterion> top(List<RunStats.Criterion> criteria) {
    return criteria.subList(0, Math.min(TOP_CRITERIA, criteria.size()));
  }

  /**
   * Per criterion, what past inspections of its hits found, with 95% intervals and a verdict; then
   * the random-selection yardstick every lift is measured against.
   */
  private static void precision(StringBuilder out, RunStats s, CriterionLabels labels) {
    List<RunStats.Criterion> criteria = s.criteriaByHits();
    line(out, "criteria against past inspections (hits with an outcome; 95%% intervals in brackets)");
    line(out, "%-12s %9s  %-26s %6s  %-22s %-22s %s", "criterion", "outcomes", "inspected", "found",
        "precision", "lift", "verdict");
    for (RunStats.Criterion c : top(criteria)) {
      RunStats.OutcomeCounts o = c.outcomes;
      line(out, "%-12s %9s  %-26s %6s  %-22s %-22s %s", c.code, count(o.declarations), inspected(o),
          count(o.violations), proportion(o.precision()), lift(s.lift(o)),
          s.verdict(o).text + (labels.onTrial(c.code) ? CriterionLabels.ON_TRIAL : ""));
    }
    RunStats.OutcomeCounts random = s.randomOutcomes;
    line(out, "%-12s %9s  %-26s %6s  %-22s %-22s %s", "random", count(random.declarations), inspected(random),
        count(random.violations), proportion(random.precision()), "1 (yardstick)",
        random.inspected < RunStats.MIN_INSPECTED ? RunStats.Verdict.TOO_FEW.text : "");
    int[] verdicts = new int[RunStats.Verdict.values().length];
    for (RunStats.Criterion c : criteria) {
      verdicts[s.verdict(c.outcomes).ordinal()]++;
    }
    StringBuilder tally = new StringBuilder();
    for (RunStats.Verdict verdict : RunStats.Verdict.values()) {
      if (verdicts[verdict.ordinal()] > 0) {
        tally.append(tally.length() == 0 ? "" : ", ").append(verdicts[verdict.ordinal()]).append(' ').append(verdict.text);
      }
    }
    line(out, "of the %d criteria that hit: %s", criteria.size(), tally);
    line(out, "precision = violations found / inspected hits; lift = precision / the random selections' precision;");
    line(out, "\"too few inspected to say\" below %d inspected; \"better than random\" when the whole lift interval is above 1",
        RunStats.MIN_INSPECTED);
  }

  private static void outcomes(StringBuilder out, RunStats s) {
    boolean truth = s.groundTruth();
    line(out, "past inspections against this pack's channels (%,d of %,d assessed declarations carry an outcome):",
        s.withOutcome, s.assessed);
    line(out, "of the declarations this pack puts in each channel, how many were inspected in the past and what that found");
    line(out, "%-18s %12s  %-26s %6s  %-22s%s", "channel now", "outcomes", "inspected", "found", "precision",
        truth ? String.format(Locale.ROOT, " %12s", "known (truth)") : "");
    for (Channel channel : Channel.values()) {
      row(out, channel.name(), s.outcomesByChannel[channel.ordinal()], truth);
    }
    row(out, "random selections", s.randomOutcomes, truth);
    row(out, "all", s.allOutcomes, truth);
    RunStats.OutcomeCounts random = s.randomOutcomes;
    if (random.inspected > 0) {
      line(out, "random-selection yardstick: precision %s of %,d inspected random selections%s",
          proportion(random.precision()), random.inspected,
          random.inspected < RunStats.MIN_INSPECTED ? " (too few inspected to say)" : "");
    } else {
      line(out, "no random selection was inspected: no yardstick, so no lift can be measured");
    }
    if (truth && random.declarations > 0) {
      line(out, "violation rate among random selections from the synthetic ground truth: %s of %,d",
          proportion(random.knownRate()), random.declarations);
    }
    if (truth && s.allOutcomes.known > 0) {
      long green = s.outcomesByChannel[Channel.GREEN.ordinal()].known;
      line(out, "known violations selected YELLOW or RED (recall, synthetic ground truth): %,d of %,d, %s; released GREEN: %,d",
          s.allOutcomes.known - green, s.allOutcomes.known,
          proportion(Estimate.wilson(s.allOutcomes.known - green, s.allOutcomes.known)), green);
    }
  }

  private static void row(StringBuilder out, String label, RunStats.OutcomeCounts c, boolean truth) {
    line(out, "%-18s %12s  %-26s %6s  %-22s%s", label, count(c.declarations), inspected(c),
        count(c.violations), proportion(c.precision()),
        truth ? String.format(Locale.ROOT, " %12s", count(c.known)) : "");
  }

  /** "120 (19.7% [16.7, 23.0])": inspected hits and their share of the hits with an outcome. */
  static String inspected(RunStats.OutcomeCounts c) {
    return String.format(Locale.ROOT, "%,d (%s)", c.inspected, proportion(c.inspectionShare()));
  }

  private static void diff(StringBuilder out, BaselineDiff diff, String baseline, CriterionLabels labels) {
    line(out, "decision diff against %s: %,d of %,d declarations change channel (%.1f%%)", baseline,
        diff.moved(), diff.compared, percent(diff.moved(), diff.compared));
    line(out, "%-16s %10s %10s %10s", "baseline \\ now", "GREEN", "YELLOW", "RED");
    for (Channel from : Channel.values()) {
      long[] row = diff.matrix[from.ordinal()];
      line(out, "%-16s %10s %10s %10s", from, count(row[0]), count(row[1]), count(row[2]));
    }
    for (BaselineDiff.Move move : diff.moves()) {
      line(out, "%s -> %s: %,d declarations, caused by:", move.from(), move.to(), diff.count(move));
      for (BaselineDiff.Cause cause : diff.causes(move)) {
        line(out, "  %10s  %s", count(cause.declarations()), cause.label(labels));
      }
      line(out, "  e.g. %s", String.join(", ", diff.examples(move)));
    }
  }

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  static double percent(long part, long whole) {
    return whole == 0 ? 0 : 100.0 * part / whole;
  }

  static String percent(double share) {
    return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.2f%%", 100 * share);
  }

  /** "37.5% [29.3, 46.4]", or "-" when nothing was measured. */
  static String proportion(Estimate e) {
    return e.known() ? String.format(Locale.ROOT, "%.1f%% [%.1f, %.1f]", 100 * e.value(), 100 * e.low(), 100 * e.high()) : "-";
  }

  /** "3.1x [1.8, 5.6]"; "-" for an unknown ratio, but its interval when there is one. */
  static String lift(Estimate e) {
    if (Double.isNaN(e.low())) {
      return "-";
    }
    return (e.known() ? times(e.value()) : "-") + " [" + times(e.low()) + ", " + times(e.high()) + "]";
  }

  /** A ratio with two significant digits or more: 0.043, 0.52, 3.1, 27.4, 114; "inf" for a random yardstick of 0. */
  static String times(double x) {
    return Double.isInfinite(x) ? "inf"
        : String.format(Locale.ROOT, x < 0.1 ? "%.3f" : x < 1 ? "%.2f" : x < 100 ? "%.1f" : "%.0f", x);
  }

  private static void line(StringBuilder out, String format, Object... args) {
    out.append(String.format(Locale.ROOT, format, args)).append('\n');
  }
}
