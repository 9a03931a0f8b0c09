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
    criteria(out, s);
    if (s.withOutcome > 0) {
      out.append('\n');
      outcomes(out, s);
    }
    if (report.diff() != null) {
      out.append('\n');
      diff(out, report.diff(), report.baseline());
    }
    out.append('\n');
    Rescorer.Result r = report.result();
    line(out, "throughput %,.0f declarations/s: %,d assessed in %.2f s on %d thread%s (pack compiled in %.2f s)",
        r.perSecond(), s.assessed, r.seconds(), report.threads(), report.threads() == 1 ? "" : "s",
        report.compileSeconds());
    return out.toString();
  }

  private static void criteria(StringBuilder out, RunStats s) {
    List<RunStats.Criterion> criteria = s.criteriaByHits();
    if (criteria.isEmpty()) {
      line(out, "no criterion hit");
      return;
    }
    boolean outcomes = s.withOutcome > 0;
    line(out, "top criteria by hits%s", criteria.size() > TOP_CRITERIA
        ? String.format(Locale.ROOT, " (%d of %d; the report lists all)", TOP_CRITERIA, criteria.size()) : "");
    line(out, "%-16s %10s %7s %9s %9s %9s%s", "criterion", "hits", "share", "GREEN", "YELLOW", "RED",
        outcomes ? String.format(Locale.ROOT, " %11s %10s %8s", "inspected", "violations", "hit rate") : "");
    for (RunStats.Criterion c : criteria.subList(0, Math.min(TOP_CRITERIA, criteria.size()))) {
      String row = String.format(Locale.ROOT, "%-16s %10s %6.1f%% %9s %9s %9s", c.code, count(c.hits),
          percent(c.hits, s.assessed), count(c.byChannel[0]), count(c.byChannel[1]), count(c.byChannel[2]));
      if (outcomes) {
        row += String.format(Locale.ROOT, " %11s %10s %8s", count(c.outcomes.inspected),
            count(c.outcomes.violations), rate(c.outcomes));
      }
      line(out, "%s", row);
    }
  }

  private static void outcomes(StringBuilder out, RunStats s) {
    boolean truth = s.groundTruth();
    line(out, "outcomes (%,d of %,d assessed declarations carry one): hit rate = violations found per inspection",
        s.withOutcome, s.assessed);
    line(out, "%-26s %12s %11s %10s %8s%s", "", "declarations", "inspected", "violations", "hit rate",
        truth ? String.format(Locale.ROOT, " %12s", "all known") : "");
    for (Channel channel : Channel.values()) {
      row(out, "channel " + channel, s.outcomesByChannel[channel.ordinal()], truth);
    }
    row(out, "random selections", s.randomOutcomes, truth);
    row(out, "all", s.allOutcomes, truth);
    RunStats.OutcomeCounts random = s.randomOutcomes;
    if (truth && random.declarations > 0) {
      line(out, "violation rate among random selections (unbiased, from the known truth): %s of %,d",
          percent(random.knownRate()), random.declarations);
    } else if (random.inspected > 0) {
      line(out, "violation rate estimated from random selections (unbiased): %s of %,d inspected",
          rate(random), random.inspected);
    } else {
      line(out, "no random selection was inspected: no unbiased estimate of the violation rate");
    }
    if (truth && s.allOutcomes.known > 0) {
      long green = s.outcomesByChannel[Channel.GREEN.ordinal()].known;
      line(out, "known violations selected YELLOW or RED: %,d of %,d (%.1f%%); released GREEN: %,d",
          s.allOutcomes.known - green, s.allOutcomes.known,
          percent(s.allOutcomes.known - green, s.allOutcomes.known), green);
    }
  }

  private static void row(StringBuilder out, String label, RunStats.OutcomeCounts c, boolean truth) {
    line(out, "%-26s %12s %11s %10s %8s%s", label, count(c.declarations), count(c.inspected),
        count(c.violations), rate(c), truth ? String.format(Locale.ROOT, " %12s", count(c.known)) : "");
  }

  private static void diff(StringBuilder out, BaselineDiff diff, String baseline) {
    line(out, "decision diff against %s: %,d of %,d declarations change channel (%.1f%%)", baseline,
        diff.moved(), diff.compared, percent(diff.moved(), diff.compared));
    line(out, "%-16s %10s %10s %10s", "baseline \\ now", "GREEN", "YELLOW", "RED");
    for (Channel from : Channel.values()) {
      long[] row = diff.matrix[from.ordinal()];
      line(out, "%-16s %10s %10s %10s", from, count(row[0]), count(row[1]), count(row[2]));
    }
    for (BaselineDiff.Move move : diff.moves()) {
      line(out, "%s -> %s: %,d declarations", move.from(), move.to(), diff.count(move));
      StringBuilder causes = new StringBuilder();
      for (BaselineDiff.Cause cause : diff.causes(move)) {
        if (causes.length() > 0) {
          causes.append(", ");
        }
        causes.append(cause.label()).append(' ').append(String.format(Locale.ROOT, "%,d", cause.declarations()));
      }
      line(out, "  caused by: %s", causes);
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

  static String rate(RunStats.OutcomeCounts c) {
    double rate = c.hitRate();
    return Double.isNaN(rate) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * rate);
  }

  private static void line(StringBuilder out, String format, Object... args) {
    out.append(String.format(Locale.ROOT, format, args)).append('\n');
  }
}
