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
        .append("body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;margin:24px auto;max-width:1040px;color:#222;padding:0 16px}\n")
        .append("h1{font-size:22px}h2{font-size:18px;margin-top:32px;border-bottom:1px solid #ddd;padding-bottom:4px}\n")
        .append("table{border-collapse:collapse;font-size:13px;margin:8px 0}td,th{padding:3px 10px;border-bottom:1px solid #eee;text-align:right}")
        .append("th:first-child,td:first-child{text-align:left}\n")
        .append("svg text{font-family:inherit;font-size:12px}.muted{color:#777;font-size:13px}\n")
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
      diff(h, report.diff(), report.baseline());
    }

    h.append("<h2>Criteria by hits</h2>\n");
    hits(h, s);

    h.append("<h2>Hit rates</h2>\n");
    if (s.withOutcome == 0) {
      h.append("<p class=\"muted\" id=\"no-outcomes\">The input carries no inspection outcomes, so hit rates cannot be measured.</p>\n");
    } else {
      rates(h, s);
    }
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

  private static void diff(StringBuilder h, BaselineDiff diff, String baseline) {
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
          causes.append(causes.length() == 0 ? "" : ", ").append(esc(cause.label()))
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

  private static void hits(StringBuilder h, RunStats s) {
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
      h.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\">%s</text>", y + 14, esc(c.code)));
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
    h.append("<table id=\"criteria\"><tr><th>criterion</th><th>hits</th><th>share</th><th>GREEN</th><th>YELLOW</th><th>RED</th>")
        .append(s.withOutcome > 0 ? "<th>inspected</th><th>violations</th><th>hit rate</th>" : "").append("</tr>\n");
    for (RunStats.Criterion c : criteria) {
      h.append("<tr><td>").append(esc(c.code)).append("</td><td>").append(SummaryText.count(c.hits))
          .append(String.format(Locale.ROOT, "</td><td>%.1f%%", SummaryText.percent(c.hits, s.assessed)));
      for (long n : c.byChannel) {
        h.append("</td><td>").append(SummaryText.count(n));
      }
      if (s.withOutcome > 0) {
        h.append("</td><td>").append(SummaryText.count(c.outcomes.inspected)).append("</td><td>")
            .append(SummaryText.count(c.outcomes.violations)).append("</td><td>")
            .append(SummaryText.rate(c.outcomes));
      }
      h.append("</td></tr>\n");
    }
    h.append("</table>\n");
  }

  private static void rates(StringBuilder h, RunStats s) {
    List<RunStats.Criterion> criteria = s.criteriaByHits().stream()
        .filter(c -> c.outcomes.inspected > 0).limit(MAX_BARS).toList();
    boolean truth = s.groundTruth();
    // Synthetic inputs know every declaration's truth: the random selections' exact rate.
    double baseline = truth ? s.randomOutcomes.knownRate() : s.randomOutcomes.hitRate();
    double max = Double.isNaN(baseline) ? 0 : baseline;
    for (RunStats.Criterion c : criteria) {
      max = Math.max(max, c.outcomes.hitRate());
    }
    for (RunStats.OutcomeCounts c : s.outcomesByChannel) {
      if (!Double.isNaN(c.hitRate())) {
        max = Math.max(max, c.hitRate());
      }
    }
    max = Math.max(max, 0.01);
    h.append("<p>Violations found per inspection. The dashed line is the violation rate among random"
        + " selections, the unbiased estimate of the rate in all declarations: a criterion to the"
        + " right of it finds violations more often than chance.</p>\n");
    int row = 20;
    int label = 150;
    int width = 900;
    int bar = width - label - 160;
    int rows = criteria.size() + 4;
    h.append(svg("chart-rates", "rates", width, rows * row + 30));
    int y = 0;
    for (Channel channel : Channel.values()) {
      RunStats.OutcomeCounts counts = s.outcomesByChannel[channel.ordinal()];
      y = rateBar(h, y, row, label, bar, max, "channel " + channel, "channel", channel.name(), counts,
          counts.hitRate(), COLOURS[channel.ordinal()]);
    }
    y = rateBar(h, y, row, label, bar, max, truth ? "random (known truth)" : "random selections", "random",
        "RANDOM", s.randomOutcomes, baseline, "#555555");
    for (RunStats.Criterion c : criteria) {
      y = rateBar(h, y, row, label, bar, max, c.code, "code", c.code, c.outcomes, c.outcomes.hitRate(), "#1565c0");
    }
    if (!Double.isNaN(baseline)) {
      int x = label + (int) Math.round(bar * baseline / max);
      h.append(String.format(Locale.ROOT,
          "<line class=\"random-rate\" data-rate=\"%.6f\" x1=\"%d\" y1=\"0\" x2=\"%d\" y2=\"%d\" stroke=\"#000\" stroke-dasharray=\"4 3\"/>\n",
          baseline, x, x, y));
    }
    h.append("</svg>\n");
    h.append(String.format(Locale.ROOT,
        "<p class=\"muted\">%,d of %,d assessed declarations carry an outcome; random selections: %,d inspected, %,d violations found; violation rate %s%s.</p>\n",
        s.withOutcome, s.assessed, s.randomOutcomes.inspected, s.randomOutcomes.violations,
        truth ? SummaryText.percent(baseline) : SummaryText.rate(s.randomOutcomes),
        truth ? " (from the known truth of every random selection)" : ""));
  }

  private static int rateBar(StringBuilder h, int y, int row, int label, int bar, double max, String text,
      String kind, String key, RunStats.OutcomeCounts counts, double rate, String colour) {
    int w = Double.isNaN(rate) ? 0 : (int) Math.round(bar * rate / max);
    h.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\">%s</text>", y + 14, esc(text)));
    h.append(String.format(Locale.ROOT,
        "<rect class=\"bar\" data-%s=\"%s\" data-inspected=\"%d\" data-violations=\"%d\" data-rate=\"%s\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>",
        kind, esc(key), counts.inspected, counts.violations,
        Double.isNaN(rate) ? "" : String.format(Locale.ROOT, "%.6f", rate), label, y + 3, Math.max(w, 1), row - 6, colour));
    boolean found = rate == counts.hitRate() || Double.isNaN(rate);
    h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s (%,d/%,d)</text>\n", label + Math.max(w, 1) + 6,
        y + 14, Double.isNaN(rate) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * rate),
        found ? counts.violations : counts.known, found ? counts.inspected : counts.declarations));
    return y + row;
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
