package io.riskgate.cli;

import io.riskgate.Channel;
import io.riskgate.Selection;
import java.util.List;
import java.util.Locale;

/**
 * The {@code --report} page: one self-contained HTML file with inline SVG charts (no script, no
 * style sheet or font from the network), so it opens offline and can be attached to a change
 * request. Every chart element carries its figures in {@code data-*} attributes, which is what the
 * CI's headless-browser check reads.
 */
final class HtmlReport {
  private static final String[] COLOURS = {"#2e7d32", "#f9a825", "#c62828"};
  private static final int MAX_BARS = 40;

  private HtmlReport() {}

  static String render(RunReport report) {
    RunStats s = report.stats();
    StringBuilder h = new StringBuilder(32_768);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
        .append("<title>Riskgate rescore: ").append(esc(report.pack().toString())).append("</title>\n")
        .append("<style>\n")
        .append("body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;margin:24px auto;max-width:1100px;color:#222;padding:0 16px}\n")
        .append("h1{font-size:22px}h2{font-size:18px;margin-top:32px;border-bottom:1px solid #ddd;padding-bottom:4px}\n")
        .append("table{border-collapse:collapse;font-size:13px;margin:8px 0}td,th{padding:3px 8px;border-bottom:1px solid #eee;text-align:right;white-space:nowrap}td.name,th{white-space:normal}")
        .append("th:first-child,td:first-child{text-align:left}\n")
        .append("svg text{font-family:inherit;font-size:12px}.muted{color:#777;font-size:13px}\n")
        .append(".flag{font-size:12px;padding:1px 6px;border-radius:3px;white-space:nowrap}.flag-BETTER{background:#e8f5e9}")
        .append(".flag-NO_BETTER{background:#fff3e0}.flag-TOO_FEW,.flag-NO_YARDSTICK{background:#eeeeee}")
        .append("dt{font-weight:600;margin-top:8px}dd{margin-left:16px;font-size:14px}\n")
        .append("</style></head><body>\n");
    h.append("<h1>Rescore with ").append(esc(report.pack().toString())).append("</h1>\n");
    h.append("<p class=\"muted\">input ").append(esc(report.input()))
        .append(String.format(Locale.ROOT, " &middot; %,d lines = %,d assessed + %,d rejected", s.lines, s.assessed, s.rejected))
        .append(String.format(Locale.ROOT, " &middot; %,.0f declarations/s on %d threads",
            report.result().perSecond(), report.threads()))
        .append("</p>\n");

    h.append("<h2>Channel distribution</h2>\n");
    channels(h, s);

    h.append("<h2>Decision diff against the baseline</h2>\n");
    if (report.diff() == null) {
      h.append("<p class=\"muted\" id=\"no-baseline\">No baseline given (rescore --baseline &lt;assessments.jsonl&gt;).</p>\n");
    } else {
      diff(h, report.diff(), report.baseline(), report.labels());
      if (!report.labels().trialCodes().isEmpty()) {
        h.append("<p class=\"muted\">Criteria on trial cause no move: their hits do not count (see"
            + " <i>Criteria on trial</i> below).</p>\n");
      }
    }

    CriterionLabels labels = report.labels();
    h.append("<h2>Criteria by hits</h2>\n");
    hits(h, s, labels);

    List<RunStats.TrialEffect> trials = s.trialEffects(labels.trialCodes());
    if (!trials.isEmpty()) {
      h.append("<h2 id=\"trial\">Criteria on trial: what they would change if they counted</h2>\n");
      trials(h, s, trials, labels);
    }

    h.append("<h2 id=\"rates\">Precision and lift against past inspections</h2>\n");
    if (s.withOutcome == 0) {
      h.append("<p class=\"muted\" id=\"no-outcomes\">The input carries no inspection outcomes, so precision and lift cannot be measured.</p>\n");
    } else {
      rates(h, s, labels);
      lift(h, s);
      rateTable(h, s, labels);
      h.append("<h2>Past inspections against this pack's channels</h2>\n");
      channelOutcomes(h, s);
    }
    h.append("<h2>Glossary</h2>\n");
    glossary(h);
    h.append("</body></html>\n");
    return h.toString();
  }

  private static void channels(StringBuilder h, RunStats s) {
    int width = 720;
    int row = 34;
    int label = 80;
    int bar = width - label - 150;
    h.append(svg("chart-channels", "channels", width, row * 3 + 10));
    long max = Math.max(1, Math.max(s.channels[0], Math.max(s.channels[1], s.channels[2])));
    for (Channel channel : Channel.values()) {
      int i = channel.ordinal();
      int y = 5 + i * row;
      int w = (int) Math.round((double) bar * s.channels[i] / max);
      h.append(String.format(Locale.ROOT,
          "<text x=\"0\" y=\"%d\">%s</text><rect class=\"bar\" data-channel=\"%s\" data-count=\"%d\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>"
              + "<text x=\"%d\" y=\"%d\">%,d (%.1f%%)</text>\n",
          y + 18, channel, channel, s.channels[i], label, y, Math.max(w, 1), row - 10, COLOURS[i],
          label + Math.max(w, 1) + 8, y + 18, s.channels[i], 100 * s.share(channel)));
    }
    h.append("</svg>\n");
    h.append(String.format(Locale.ROOT,
        "<p class=\"muted\">selection: targeted %,d &middot; random %,d &middot; none %,d &middot; failed closed %,d</p>\n",
        s.selections[Selection.TARGETED.ordinal()], s.selections[Selection.RANDOM.ordinal()],
        s.selections[Selection.NONE.ordinal()], s.selections[Selection.FAIL_CLOSED.ordinal()]));
  }

  private static void diff(StringBuilder h, BaselineDiff diff, String baseline, CriterionLabels labels) {
    h.append(String.format(Locale.ROOT, "<p>%,d of %,d declarations change channel (%.1f%%) against %s.</p>\n",
        diff.moved(), diff.compared, SummaryText.percent(diff.moved(), diff.compared), esc(baseline)));
    int cell = 110;
    int left = 110;
    int top = 40;
    h.append(svg("chart-diff", "diff", left + 3 * cell + 10, top + 3 * cell + 10));
    h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"14\" text-anchor=\"middle\">now</text>\n", left + 3 * cell / 2));
    h.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\">baseline</text>\n", top - 8));
    long max = 1;
    for (long[] r : diff.matrix) {
      for (long v : r) {
        max = Math.max(max, v);
      }
    }
    for (Channel to : Channel.values()) {
      h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
          left + to.ordinal() * cell + cell / 2, top - 8, to));
    }
    for (Channel from : Channel.values()) {
      int y = top + from.ordinal() * cell;
      h.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\">%s</text>\n", y + cell / 2 + 4, from));
      for (Channel to : Channel.values()) {
        long v = diff.matrix[from.ordinal()][to.ordinal()];
        int x = left + to.ordinal() * cell;
        // Cells off the diagonal are the moves: shade them by count, the diagonal stays grey.
        double shade = v == 0 ? 0 : 0.15 + 0.85 * Math.sqrt((double) v / max);
        String fill = from == to ? "#eeeeee" : to.ordinal() > from.ordinal() ? "#c62828" : "#2e7d32";
        h.append(String.format(Locale.ROOT,
            "<rect class=\"cell\" data-from=\"%s\" data-to=\"%s\" data-count=\"%d\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" fill-opacity=\"%.2f\" stroke=\"#fff\"/>"
                + "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%,d</text>\n",
            from, to, v, x, y, cell, cell, fill, from == to ? 1.0 : shade, x + cell / 2, y + cell / 2 + 4, v));
      }
    }
    h.append("</svg>\n");
    List<BaselineDiff.Move> moves = diff.moves();
    if (!moves.isEmpty()) {
      h.append("<table id=\"diff-causes\"><tr><th>move</th><th>declarations</th><th style=\"text-align:left\">caused by</th><th style=\"text-align:left\">examples</th></tr>\n");
      for (BaselineDiff.Move move : moves) {
        StringBuilder causes = new StringBuilder();
        for (BaselineDiff.Cause cause : diff.causes(move)) {
          causes.append(causes.length() == 0 ? "" : "<br>").append(esc(cause.label(labels)))
              .append(String.format(Locale.ROOT, " (%,d)", cause.declarations()));
        }
        h.append("<tr><td>").append(move.from()).append(" &rarr; ").append(move.to()).append("</td><td>")
            .append(SummaryText.count(diff.count(move))).append("</td><td style=\"text-align:left\">")
            .append(causes).append("</td><td style=\"text-align:left\">")
            .append(esc(String.join(", ", diff.examples(move)))).append("</td></tr>\n");
      }
      h.append("</table>\n");
    }
  }

  private static void hits(StringBuilder h, RunStats s, CriterionLabels labels) {
    List<RunStats.Criterion> criteria = s.criteriaByHits();
    if (criteria.isEmpty()) {
      h.append("<p class=\"muted\">No criterion hit.</p>\n");
      return;
    }
    List<RunStats.Criterion> shown = criteria.subList(0, Math.min(MAX_BARS, criteria.size()));
    int row = 20;
    int label = 150;
    int width = 900;
    int bar = width - label - 120;
    long max = Math.max(1, shown.get(0).hits);
    h.append(svg("chart-hits", "hits", width, shown.size() * row + 30));
    int y = 0;
    for (RunStats.Criterion c : shown) {
      h.append(rowLabel(c.code, labels, y));
      // One stacked bar per criterion: its hits split by the channel they ended in.
      int x = label;
      for (Channel channel : Channel.values()) {
        int w = (int) Math.round((double) bar * c.byChannel[channel.ordinal()] / max);
        if (w > 0) {
          h.append(String.format(Locale.ROOT,
              "<rect class=\"bar\" data-code=\"%s\" data-channel=\"%s\" data-hits=\"%d\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>",
              esc(c.code), channel, c.byChannel[channel.ordinal()], x, y + 3, w, row - 6, COLOURS[channel.ordinal()]));
          x += w;
        }
      }
      h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%,d (%.1f%%)</text>\n", x + 6, y + 14,
          c.hits, SummaryText.percent(c.hits, s.assessed)));
      y += row;
    }
    h.append(legend(y + 12));
    h.append("</svg>\n");
    if (criteria.size() > shown.size()) {
      h.append(String.format(Locale.ROOT, "<p class=\"muted\">%d more criteria hit less often; see the table.</p>\n",
          criteria.size() - shown.size()));
    }
    h.append("<table id=\"criteria\"><tr><th>criterion</th><th style=\"text-align:left\">name</th><th style=\"text-align:left\">theme</th>")
        .append("<th>hits</th><th>hit share</th><th>GREEN</th><th>YELLOW</th><th>RED</th></tr>\n");
    for (RunStats.Criterion c : criteria) {
      h.append("<tr data-code=\"").append(esc(c.code)).append("\"><td>").append(esc(c.code)).append(nameCells(c.code, labels))
          .append("<td>").append(SummaryText.count(c.hits))
          .append(String.format(Locale.ROOT, "</td><td>%.1f%%", SummaryText.percent(c.hits, s.assessed)));
      for (long n : c.byChannel) {
        h.append("</td><td>").append(SummaryText.count(n));
      }
      h.append("</td></tr>\n");
    }
    h.append("</table>\n");
  }

  /**
   * Per criterion on trial, had it counted alone: the channel counts now and then, side by side
   * (a chart), and the moves with their counts and example declarations (a table).
   */
  private static void trials(StringBuilder h, RunStats s, List<RunStats.TrialEffect> trials, CriterionLabels labels) {
    h.append("<p>A criterion on trial is evaluated and its hits are recorded and shown in every table, but its"
        + " points and minimum channel do not count. Here, for each one, what the channels would be had it"
        + " counted (alone: the other criteria on trial still not counting; random selection as drawn). The"
        + " pale bar is the channel now, the full bar the channel had it counted.</p>\n");
    int row = 16;
    int label = 150;
    int width = 900;
    int bar = width - label - 160;
    long max = 1;
    for (long n : s.channels) {
      max = Math.max(max, n);
    }
    for (RunStats.TrialEffect t : trials) {
      for (Channel channel : Channel.values()) {
        max = Math.max(max, t.countIfCounted(channel, s.channels[channel.ordinal()]));
      }
    }
    int block = 3 * 2 * row + 14;
    h.append(svg("chart-trial", "trial", width, trials.size() * block + 10));
    int y = 0;
    for (RunStats.TrialEffect t : trials) {
      h.append(rowLabel(t.code, labels, y));
      int rowY = y;
      for (Channel channel : Channel.values()) {
        long now = s.channels[channel.ordinal()];
        long counted = t.countIfCounted(channel, now);
        String[] whens = {"now", "counted"};
        long[] values = {now, counted};
        for (int k = 0; k < 2; k++) {
          int w = (int) Math.round((double) bar * values[k] / max);
          h.append(String.format(Locale.ROOT,
              "<rect class=\"bar\" data-code=\"%s\" data-channel=\"%s\" data-when=\"%s\" data-count=\"%d\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" fill-opacity=\"%s\"/>"
                  + "<text x=\"%d\" y=\"%d\">%s %s %,d</text>\n",
              esc(t.code), channel, whens[k], values[k], label, rowY + 2, Math.max(w, 1), row - 4,
              COLOURS[channel.ordinal()], k == 0 ? "0.35" : "1", label + Math.max(w, 1) + 6, rowY + 12, channel,
              k == 0 ? "now" : "if counted", values[k]));
          rowY += row;
        }
      }
      y += block;
    }
    h.append("</svg>\n");
    h.append("<table id=\"trial-effects\"><tr><th>criterion</th><th style=\"text-align:left\">name</th>"
        + "<th style=\"text-align:left\">theme</th><th>hits</th><th>would change channel</th>"
        + "<th style=\"text-align:left\">moves</th><th>score added on average</th>"
        + "<th style=\"text-align:left\">examples</th></tr>\n");
    for (RunStats.TrialEffect t : trials) {
      h.append("<tr data-code=\"").append(esc(t.code)).append("\" data-moved=\"").append(t.moved()).append("\"><td>")
          .append(esc(t.code)).append(nameCells(t.code, labels))
          .append("<td>").append(SummaryText.count(t.hits))
          .append("</td><td>").append(SummaryText.count(t.moved()))
          .append("</td><td style=\"text-align:left\">");
      List<String> moves = SummaryText.moves(t);
      for (int i = 0; i < moves.size(); i++) {
        h.append(i == 0 ? "" : "<br>").append(esc(moves.get(i)));
      }
      h.append("</td><td>").append(t.hits == 0 ? "-" : String.format(Locale.ROOT, "%+.1f", (double) t.pointsAdded / t.hits))
          .append("</td><td style=\"text-align:left\">");
      for (int i = 0; i < t.examples.size(); i++) {
        h.append(i == 0 ? "" : "<br>").append(esc(t.examples.get(i)));
      }
      h.append("</td></tr>\n");
    }
    h.append("</table>\n");
  }

  /** The name and theme cells of a criterion's table row. */
  private static String nameCells(String code, CriterionLabels labels) {
    return "</td><td style=\"text-align:left\" class=\"name\">" + esc(labels.name(code))
        + "</td><td style=\"text-align:left\" class=\"theme\">" + esc(labels.theme(code)) + "</td>";
  }

  /** A chart row's label: the code, with its name and theme as the tooltip. */
  private static String rowLabel(String code, CriterionLabels labels, int y) {
    return String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\"><title>%s</title>%s</text>", y + 14,
        esc(labels.label(code)), esc(code));
  }

  /** The criteria whose hits were inspected at least once, most hits first: what the charts show. */
  private static List<RunStats.Criterion> inspected(RunStats s) {
    return s.criteriaByHits().stream().filter(c -> c.outcomes.inspected > 0).limit(MAX_BARS).toList();
  }

  /**
   * Precision per channel, for the random selections and per criterion: a bar to the estimate and
   * an error bar over its 95% interval, against the random selections' precision and its interval
   * (the dashed line in a grey band).
   */
  private static void rates(StringBuilder h, RunStats s, CriterionLabels labels) {
    List<RunStats.Criterion> criteria = inspected(s);
    Estimate random = s.randomOutcomes.precision();
    double max = 0.01;
    for (RunStats.Criterion c : criteria) {
      max = Math.max(max, c.outcomes.precision().high());
    }
    for (RunStats.OutcomeCounts c : s.outcomesByChannel) {
      max = c.inspected == 0 ? max : Math.max(max, c.precision().high());
    }
    max = random.known() ? Math.max(max, random.high()) : max;
    h.append("<p>Precision: violations found among the inspected hits, with its 95% Wilson interval (the"
        + " error bar). The dashed line and the grey band are the random selections' precision and its"
        + " interval: a criterion whose interval lies right of the band finds violations more often than"
        + " chance. Hover over a code for its name.</p>\n");
    int row = 20;
    int label = 130;
    int width = 1060;
    int bar = 520;  // the plot; the figures go in a column right of it, where no bar reaches
    int rows = criteria.size() + 4;
    int height = rows * row + 10;
    h.append(svg("chart-rates", "rates", width, height));
    if (random.known()) {
      int lo = label + (int) Math.round(bar * random.low() / max);
      int hi = label + (int) Math.round(bar * random.high() / max);
      h.append(String.format(Locale.ROOT,
          "<rect class=\"random-band\" data-low=\"%.6f\" data-high=\"%.6f\" x=\"%d\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#000\" fill-opacity=\"0.08\"/>\n",
          random.low(), random.high(), lo, Math.max(hi - lo, 1), height));
    }
    int y = 0;
    for (Channel channel : Channel.values()) {
      RunStats.OutcomeCounts counts = s.outcomesByChannel[channel.ordinal()];
      y = rateBar(h, y, row, label, bar, max, "<text x=\"0\" y=\"" + (y + 14) + "\">channel " + channel + "</text>",
          "channel", channel.name(), counts, "", COLOURS[channel.ordinal()]);
    }
    y = rateBar(h, y, row, label, bar, max, "<text x=\"0\" y=\"" + (y + 14) + "\">random selections</text>",
        "random", "RANDOM", s.randomOutcomes, "", "#555555");
    for (RunStats.Criterion c : criteria) {
      RunStats.Verdict verdict = s.verdict(c.outcomes);
      y = rateBar(h, y, row, label, bar, max, rowLabel(c.code, labels, y), "code", c.code, c.outcomes,
          verdict == RunStats.Verdict.BETTER ? "" : " · " + verdict.text, "#1565c0");
    }
    if (random.known()) {
      int x = label + (int) Math.round(bar * random.value() / max);
      h.append(String.format(Locale.ROOT,
          "<line class=\"random-rate\" data-rate=\"%.6f\" x1=\"%d\" y1=\"0\" x2=\"%d\" y2=\"%d\" stroke=\"#000\" stroke-dasharray=\"4 3\"/>\n",
          random.value(), x, x, y));
    }
    h.append("</svg>\n");
  }

  private static int rateBar(StringBuilder h, int y, int row, int label, int bar, double max, String text,
      String kind, String key, RunStats.OutcomeCounts counts, String note, String colour) {
    Estimate e = counts.precision();
    h.append(text);
    int w = e.known() ? (int) Math.round(bar * e.value() / max) : 0;
    h.append(String.format(Locale.ROOT,
        "<rect class=\"bar\" data-%s=\"%s\" data-inspected=\"%d\" data-violations=\"%d\" data-rate=\"%s\" data-low=\"%s\" data-high=\"%s\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" fill-opacity=\"0.75\"/>",
        kind, esc(key), counts.inspected, counts.violations, number(e.value()), number(e.low()), number(e.high()),
        label, y + 5, Math.max(w, 1), row - 10, colour));
    if (e.known()) {
      errorBar(h, y, row, label + (int) Math.round(bar * e.low() / max), label + (int) Math.round(bar * e.high() / max));
    }
    h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s of %,d%s</text>\n", label + bar + 12, y + 14,
        SummaryText.proportion(e), counts.inspected, esc(note)));
    return y + row;
  }

  /** A horizontal error bar with end caps. */
  private static void errorBar(StringBuilder h, int y, int row, int from, int to) {
    int mid = y + row / 2;
    h.append(String.format(Locale.ROOT,
        "<g class=\"interval\" stroke=\"#000\"><line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>"
            + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/><line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/></g>",
        from, mid, to, mid, from, mid - 5, from, mid + 5, to, mid - 5, to, mid + 5));
  }

  /**
   * Lift per criterion on a logarithmic scale, where 2 and 1/2 are as far from 1 as each other: a
   * band over its 95% interval (Katz log method) and a mark at the estimate, against a dashed line
   * at 1 (random selection). The band, not a bar from 1, carries the figures: with a yardstick that
   * found no violation yet every estimate is infinite, and the interval is all there is to draw.
   */
  private static void lift(StringBuilder h, RunStats s) {
    if (s.randomOutcomes.inspected == 0) {
      h.append("<p class=\"muted\" id=\"no-lift\">No random selection was inspected: there is no yardstick, so lift cannot be measured.</p>\n");
      return;
    }
    List<RunStats.Criterion> criteria = inspected(s);
    double lo = 0.1;
    double hi = 10;
    for (RunStats.Criterion c : criteria) {
      Estimate e = s.lift(c.outcomes);
      lo = Double.isNaN(e.low()) ? lo : Math.min(lo, e.low());
      hi = Double.isNaN(e.high()) || Double.isInfinite(e.high()) ? hi : Math.max(hi, e.high());
    }
    // Whole powers of ten at the ends, so the ticks fall on them.
    double min = Math.pow(10, Math.floor(Math.log10(Math.max(lo, 0.001))));
    double max = Math.pow(10, Math.ceil(Math.log10(Math.min(hi, 1000))));
    h.append(String.format(Locale.ROOT, "<p>Lift: precision divided by the random selections' precision (%s), on a"
        + " logarithmic scale; the dashed line at 1 is random selection. The band is the 95%% interval (Katz log"
        + " method) and the black mark the estimate: a criterion is better than random only when its whole band"
        + " lies right of 1.</p>\n", SummaryText.proportion(s.randomOutcomes.precision())));
    int row = 20;
    int label = 130;
    int width = 1060;
    int bar = 520;
    int top = 20;
    int bottom = top + criteria.size() * row;
    h.append(svg("chart-lift", "lift", width, bottom + 10));
    double span = Math.log(max / min);
    java.util.function.DoubleToIntFunction x = v -> label
        + (int) Math.round(bar * Math.log(Math.max(min, Math.min(max, v)) / min) / span);
    for (double tick = min; tick <= max * 1.001; tick *= 10) {
      int at = x.applyAsInt(tick);
      h.append(String.format(Locale.ROOT,
          "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#ddd\"/><text x=\"%d\" y=\"12\" text-anchor=\"middle\">%s</text>\n",
          at, top, at, bottom, at, tick < 1 ? String.format(Locale.ROOT, "%s", (float) tick) : String.format(Locale.ROOT, "%.0f", tick)));
    }
    int y = top;
    for (RunStats.Criterion c : criteria) {
      Estimate e = s.lift(c.outcomes);
      RunStats.Verdict verdict = s.verdict(c.outcomes);
      h.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\">%s</text>", y + 14, esc(c.code)));
      if (!Double.isNaN(e.low())) {
        int from = x.applyAsInt(e.low());
        int to = x.applyAsInt(e.high());
        h.append(String.format(Locale.ROOT,
            "<rect class=\"bar\" data-code=\"%s\" data-lift=\"%s\" data-low=\"%s\" data-high=\"%s\" data-verdict=\"%s\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" fill-opacity=\"0.6\"/>",
            esc(c.code), number(e.value()), number(e.low()), number(e.high()), verdict, from, y + 5,
            Math.max(to - from, 1), row - 10, verdict == RunStats.Verdict.BETTER ? "#1565c0" : "#9e9e9e"));
        if (e.known() && !Double.isInfinite(e.value())) {
          int at = x.applyAsInt(e.value());
          h.append(String.format(Locale.ROOT, "<line class=\"estimate\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000\" stroke-width=\"3\"/>",
              at, y + 3, at, y + row - 3));
        }
        h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s · %s</text>", label + bar + 12, y + 14,
            esc(SummaryText.lift(e)), esc(verdict.text)));
      }
      h.append('\n');
      y += row;
    }
    int one = x.applyAsInt(1);
    h.append(String.format(Locale.ROOT,
        "<line class=\"random-lift\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000\" stroke-dasharray=\"4 3\"/>\n",
        one, top, one, bottom));
    h.append("</svg>\n");
  }

  /** Every criterion's rates and verdict, with the random-selection yardstick as the last row. */
  private static void rateTable(StringBuilder h, RunStats s, CriterionLabels labels) {
    h.append(String.format(Locale.ROOT, "<p class=\"muted\">Measured on the %,d of %,d assessed declarations that carry an"
        + " outcome. Brackets hold 95%% intervals; \"too few inspected to say\" means fewer than %d inspected hits.</p>\n",
        s.withOutcome, s.assessed, RunStats.MIN_INSPECTED));
    h.append("<table id=\"criterion-rates\"><tr><th>criterion</th><th style=\"text-align:left\">name</th>"
        + "<th style=\"text-align:left\">theme</th><th>hits with an outcome</th><th>inspected</th>"
        + "<th>violations found</th><th>precision</th><th>lift</th><th style=\"text-align:left\">verdict</th></tr>\n");
    for (RunStats.Criterion c : s.criteriaByHits()) {
      RunStats.OutcomeCounts o = c.outcomes;
      RunStats.Verdict verdict = s.verdict(o);
      h.append("<tr data-code=\"").append(esc(c.code)).append("\" data-verdict=\"").append(verdict).append("\"><td>")
          .append(esc(c.code)).append(nameCells(c.code, labels))
          .append("<td>").append(SummaryText.count(o.declarations))
          .append("</td><td>").append(SummaryText.inspected(o))
          .append("</td><td>").append(SummaryText.count(o.violations))
          .append("</td><td>").append(SummaryText.proportion(o.precision()))
          .append("</td><td>").append(esc(SummaryText.lift(s.lift(o))))
          .append("</td><td style=\"text-align:left\"><span class=\"flag flag-").append(verdict).append("\">")
          .append(esc(verdict.text)).append("</span></td></tr>\n");
    }
    RunStats.OutcomeCounts random = s.randomOutcomes;
    h.append("<tr id=\"random-yardstick\"><td>random</td><td style=\"text-align:left\">random selections (the yardstick)</td><td></td><td>")
        .append(SummaryText.count(random.declarations)).append("</td><td>").append(SummaryText.inspected(random))
        .append("</td><td>").append(SummaryText.count(random.violations))
        .append("</td><td>").append(SummaryText.proportion(random.precision()))
        .append("</td><td>1</td><td style=\"text-align:left\">")
        .append(random.inspected < RunStats.MIN_INSPECTED
            ? "<span class=\"flag flag-TOO_FEW\">" + RunStats.Verdict.TOO_FEW.text + "</span>" : "")
        .append("</td></tr>\n</table>\n");
  }

  /** The "channel GREEN ... inspected 166" table, explained: past inspections by the channel now. */
  private static void channelOutcomes(StringBuilder h, RunStats s) {
    boolean truth = s.groundTruth();
    h.append("<p>For the declarations this pack puts in each channel, how many the past process inspected and what"
        + " those inspections found. Inspections in the GREEN row are declarations this pack would release that"
        + " were inspected before: their violations are what the pack would let through.</p>\n");
    h.append("<table id=\"channel-outcomes\"><tr><th>channel now</th><th>declarations with an outcome</th>"
        + "<th>inspected</th><th>violations found</th><th>precision</th>")
        .append(truth ? "<th>known violations (synthetic truth)</th>" : "").append("</tr>\n");
    for (Channel channel : Channel.values()) {
      channelRow(h, channel.name(), s.outcomesByChannel[channel.ordinal()], truth);
    }
    channelRow(h, "random selections", s.randomOutcomes, truth);
    channelRow(h, "all", s.allOutcomes, truth);
    h.append("</table>\n");
    if (truth && s.allOutcomes.known > 0) {
      long known = s.allOutcomes.known;
      long green = s.outcomesByChannel[Channel.GREEN.ordinal()].known;
      h.append(String.format(Locale.ROOT, "<p class=\"muted\" id=\"recall\">Synthetic data knows every violation: this pack"
          + " selects %,d of the %,d known violations YELLOW or RED (recall %s) and releases %,d GREEN.</p>\n",
          known - green, known, SummaryText.proportion(Estimate.wilson(known - green, known)), green));
    }
  }

  private static void channelRow(StringBuilder h, String label, RunStats.OutcomeCounts c, boolean truth) {
    h.append("<tr><td>").append(esc(label)).append("</td><td>").append(SummaryText.count(c.declarations))
        .append("</td><td>").append(SummaryText.inspected(c)).append("</td><td>").append(SummaryText.count(c.violations))
        .append("</td><td>").append(SummaryText.proportion(c.precision()))
        .append(truth ? "</td><td>" + SummaryText.count(c.known) : "").append("</td></tr>\n");
  }

  /**
   * One name and one definition per measure; examples/README.md carries the same glossary
   * (HtmlReportTest checks that every term is there).
   */
  static final List<String[]> GLOSSARY = List.of(
      new String[] {"criterion", "A rule of the pack with a code (VAL-01), a name (the rule's name) and a theme (its"
          + " @theme attribute, or else the name of the DRL file it is in)."},
      new String[] {"hits", "Declarations a criterion hit, each counted once however many of its lines it hit."},
      new String[] {"on trial", "A criterion marked so in the pack (pack.json's \"trial\" list, or the rule's @trial"
          + " attribute): it is evaluated and its hits are recorded and reported, but its points and minimum channel"
          + " do not count towards the score and the channel. \"Had it counted\" gives the score and channel with"
          + " it counted alone, the random draw unchanged."},
      new String[] {"hit share", "Hits divided by the assessed declarations."},
      new String[] {"outcome", "What the input says was learnt of a declaration after the fact: whether it was"
          + " inspected, and whether a violation was found. Every rate below is measured only on declarations"
          + " that carry one; their number is the sample size shown beside the rate."},
      new String[] {"inspected", "Declarations with an outcome that were inspected in the past, and their share of"
          + " those with an outcome (inspection share): how often past inspections looked at what this pack selects."},
      new String[] {"violations found", "Violations the past inspections found among them."},
      new String[] {"precision", "Violations found divided by inspected: of the inspected hits of a criterion,"
          + " the share that hid a violation. Earlier versions called it \"hit rate\", a term no longer used."},
      new String[] {"random selections", "Declarations this pack's seeded random draw sent to a stronger channel than"
          + " its criteria did: chosen without regard to risk."},
      new String[] {"random-selection yardstick", "The precision of the inspected random selections: what selecting"
          + " at random finds. It is shown with its own interval and sample size."},
      new String[] {"lift", "Precision divided by the random-selection yardstick: 1 is no better than random, 3 finds"
          + " violations three times as often."},
      new String[] {"95% interval", "The range that holds the true value in 95% of samples. For precision and"
          + " inspection share: the Wilson score interval. For lift: the Katz log interval of a ratio of two"
          + " proportions, with 0.5 added to each cell when a count is 0."},
      new String[] {"too few inspected to say", "Fewer than " + RunStats.MIN_INSPECTED + " of a criterion's hits were"
          + " inspected: no rate is shown as evidence."},
      new String[] {"no random yardstick yet", "Fewer than " + RunStats.MIN_INSPECTED + " random selections were"
          + " inspected: lift cannot be judged."},
      new String[] {"no better than random so far", "The lift interval reaches 1 or below: on the inspections so far,"
          + " random selection might find violations as often."},
      new String[] {"better than random", "The whole lift interval lies above 1."},
      new String[] {"channel now", "In the table of past inspections, the channel this pack gives a declaration, set"
          + " against what its past inspection found: inspected GREEN declarations with violations are what this pack"
          + " would release."},
      new String[] {"known violation share", "Only for synthetic data: violations known among all of a criterion's"
          + " hits, inspected or not (the vn-baseline README's tables); not comparable with precision."},
      new String[] {"recall", "Only for synthetic data, which knows every violation: the share of known violations"
          + " this pack selects YELLOW or RED."});

  private static void glossary(StringBuilder h) {
    h.append("<dl id=\"glossary\">\n");
    for (String[] entry : GLOSSARY) {
      h.append("<dt>").append(esc(entry[0])).append("</dt><dd>").append(esc(entry[1])).append("</dd>\n");
    }
    h.append("</dl>\n");
  }

  private static String number(double value) {
    return Double.isNaN(value) ? "" : Double.isInfinite(value) ? "Infinity" : String.format(Locale.ROOT, "%.6f", value);
  }

  private static String legend(int y) {
    StringBuilder l = new StringBuilder();
    int x = 150;
    for (Channel channel : Channel.values()) {
      l.append(String.format(Locale.ROOT,
          "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">ended %s</text>",
          x, y, COLOURS[channel.ordinal()], x + 16, y + 11, channel));
      x += 120;
    }
    return l.append('\n').toString();
  }

  private static String svg(String id, String chart, int width, int height) {
    return String.format(Locale.ROOT,
        "<svg id=\"%s\" data-chart=\"%s\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\">\n",
        id, chart, width, height, width, height);
  }

  static String esc(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
