package io.riskgate.cli;

import io.riskgate.Assessment;
import io.riskgate.Channel;
import io.riskgate.Criterion;
import io.riskgate.Hit;
import io.riskgate.PackVersion;
import io.riskgate.Selection;
import java.time.Instant;
import java.util.List;

/**
 * A run whose rates are known by construction, for the summary and report tests: random selections
 * find 5 violations in 100 inspections; VAL-01 15 in 30 (lift 10, better than random), HS-01 2 in
 * 20 (lift 2, interval reaches 1), VAL-02 5 in 5 (too few inspected to say).
 */
final class AnalystRun {
  static final PackVersion PACK = new PackVersion("p", "1", "0123456789abcdef");
  static final List<Criterion> CRITERIA = List.of(
      new Criterion("HS-01", "Price-risk goods", "tariff sensitivity", "rules/tariff-sensitivity.drl", 5, 7),
      new Criterion("VAL-01", "Unit value below the reference price", "valuation", "rules/valuation.drl", 3, 7),
      new Criterion("VAL-02", "Unit value far below the reference price", "valuation", "rules/valuation.drl", 9, 7));

  private AnalystRun() {}

  static Assessment assessment(Channel channel, Selection selection, String... codes) {
    List<Hit> hits = java.util.Arrays.stream(codes).map(c -> new Hit(c, 10, null, "r", "rule of " + c)).toList();
    return new Assessment("N", channel, 0, hits, selection, PACK, "t", Instant.EPOCH);
  }

  private static void add(RunStats stats, int times, Assessment assessment, Outcome outcome) {
    for (int i = 0; i < times; i++) {
      stats.assessed(assessment, outcome);
    }
  }

  static RunStats stats() {
    RunStats stats = new RunStats();
    Assessment random = assessment(Channel.YELLOW, Selection.RANDOM);
    add(stats, 5, random, new Outcome(true, true));
    add(stats, 95, random, new Outcome(true, false));
    Assessment val01 = assessment(Channel.RED, Selection.TARGETED, "VAL-01");
    add(stats, 15, val01, new Outcome(true, true));
    add(stats, 15, val01, new Outcome(true, false));
    add(stats, 10, val01, new Outcome(false, false));
    Assessment hs01 = assessment(Channel.YELLOW, Selection.TARGETED, "HS-01");
    add(stats, 2, hs01, new Outcome(true, true));
    add(stats, 18, hs01, new Outcome(true, false));
    add(stats, 5, assessment(Channel.RED, Selection.TARGETED, "VAL-02"), new Outcome(true, true));
    add(stats, 200, assessment(Channel.GREEN, Selection.NONE), new Outcome(false, false));
    return stats;
  }

  static RunReport report(RunStats stats, BaselineDiff diff) {
    return new RunReport(PACK, "in.jsonl", diff == null ? null : "before.jsonl", 2, 0.5,
        new Rescorer.Result(stats, diff, 1_000_000_000L), CRITERIA);
  }
}
