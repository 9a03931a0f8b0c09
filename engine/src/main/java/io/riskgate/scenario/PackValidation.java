package io.riskgate.scenario;

import io.riskgate.Criterion;
import io.riskgate.PackVersion;
import io.riskgate.RulePack;
import io.riskgate.RulePackException;
import io.riskgate.RunningAssessment;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The rule author's check of a pack folder, behind the command {@code validate <pack-dir>}: compile
 * the pack, load its reference data, run its scenarios, check that every criterion has a scenario
 * where it hits and a near miss ({@link Scenarios#coverageGaps()}), and say what is wrong in lines
 * that editors and CI logs link to.
 *
 * <pre>
 * packs/vn-baseline/rules/valuation.drl:42:17: [ERR 102] mismatched input ')' in rule "..."
 * FAIL packs/vn-baseline/scenarios/val-01-fires.json: Unit value far below the reference price
 *   expected: RED [VAL-01]
 *   actual:   YELLOW [VAL-01] (score 40, selection TARGETED)
 *   ...
 * packs/vn-baseline/rules/origin.drl:12:7: criterion ORG-02 (rule "...") has no near miss (scenarios/org-02-near-miss*.json, where it does not hit)
 * vn-baseline@2026.11.0: 54 scenarios, 53 passed, 1 failed; 1 of 28 criteria not covered
 * </pre>
 *
 * <p>Mistakes in the pack or its scenarios are reported as lines of text, never as stack traces.
 * Scenarios run on a thread of their own, watched: a rule or condition that does not finish (a loop
 * that never ends) is reported with its scenario and rule, and {@link #STUCK} returned while that
 * thread goes on; only ending the JVM stops it. Stateless and thread-safe.
 */
public final class PackValidation {
  /** Exit status: the pack compiles, its data loads, every scenario passes, every criterion is covered. */
  public static final int OK = 0;
  /** Exit status: the pack loads but a scenario failed or could not be read, or a criterion is not covered. */
  public static final int SCENARIOS_FAILED = 1;
  /** Exit status: the pack does not load (manifest, rules or reference data). */
  public static final int PACK_DOES_NOT_LOAD = 2;
  /** Exit status: a rule or condition did not finish within the limit; its thread is still running. */
  public static final int STUCK = 3;
  /** How long a rule or condition may run without finishing, by default. */
  public static final Duration DEFAULT_STUCK_AFTER = Duration.ofSeconds(60);

  private PackValidation() {}

  /**
   * Validates the pack in {@code packDir}, printing its findings to {@code out}, with the default
   * limit for a stuck rule ({@link #DEFAULT_STUCK_AFTER}).
   *
   * @return {@link #OK}, {@link #SCENARIOS_FAILED}, {@link #PACK_DOES_NOT_LOAD} or {@link #STUCK}
   */
  public static int validate(Path packDir, PrintStream out) {
    return validate(packDir, out, DEFAULT_STUCK_AFTER);
  }

  /**
   * Validates the pack in {@code packDir}, printing its findings to {@code out}; a rule or
   * condition that goes {@code stuckAfter} without finishing stops the validation with one line
   * naming the scenario and the rule, and {@link #STUCK}.
   *
   * @return {@link #OK}, {@link #SCENARIOS_FAILED}, {@link #PACK_DOES_NOT_LOAD} or {@link #STUCK}
   */
  public static int validate(Path packDir, PrintStream out, Duration stuckAfter) {
    Scenarios scenarios;
    try {
      scenarios = Scenarios.of(RulePack.fromDirectory(packDir));
    } catch (RulePackException e) {
      printProblems(packDir, e, out);
      return PACK_DOES_NOT_LOAD;
    }
    PackVersion version = scenarios.pack().version();
    List<String> paths = scenarios.paths();
    Run run = new Run(scenarios, paths, out);
    CompletableFuture<Void> done = new CompletableFuture<>();
    Thread worker = new Thread(() -> {
      try {
        run.all();
        done.complete(null);
      } catch (Throwable e) {
        done.completeExceptionally(e);  // errors too: the caller reports them
      }
    }, "riskgate-scenarios");
    // A stuck scenario's thread cannot be stopped; it must not keep the JVM alive either.
    worker.setDaemon(true);
    worker.start();
    String stuck = watch(done, scenarios, run, stuckAfter);
    if (stuck != null) {
      out.println(stuck);
      return STUCK;
    }
    List<CoverageGap> gaps = scenarios.coverageGaps(run.loaded);
    for (CoverageGap gap : gaps) {
      Criterion criterion = gap.criterion();
      out.println(location(packDir, criterion.path()) + ":" + criterion.line() + ":" + criterion.column()
          + ": " + gap.message());
    }
    String pack = version.id() + "@" + version.version();
    List<String> onTrial = scenarios.criteria().stream().filter(Criterion::trial).map(Criterion::code).toList();
    if (!onTrial.isEmpty()) {
      // Said once per run: a reviewer must not take a passing pack for one where these decide.
      out.println(pack + ": on trial (hits recorded and expected, points and minimum channels not counted): "
          + String.join(", ", onTrial));
    }
    String uncovered = gaps.isEmpty() ? "" : "; " + gaps.size() + " of " + scenarios.criteria().size()
        + " criteria not covered (each needs a scenario where it hits and a near miss)";
    if (paths.isEmpty()) {
      out.println(pack + ": compiles and its data loads; no scenarios in " + Scenarios.FOLDER
          + " (add one per criterion: one that fires and one near miss)" + uncovered);
      return gaps.isEmpty() ? OK : SCENARIOS_FAILED;
    }
    out.println(pack + ": " + paths.size() + (paths.size() == 1 ? " scenario, " : " scenarios, ")
        + (paths.size() - run.failed) + " passed, " + run.failed + " failed" + uncovered);
    return run.failed == 0 && gaps.isEmpty() ? OK : SCENARIOS_FAILED;
  }

  /** The scenarios, run one after another on the worker thread. */
  private static final class Run {
    private final Scenarios scenarios;
    private final List<String> paths;
    private final PrintStream out;
    final List<Scenario> loaded = new ArrayList<>();
    int failed;
    /** The scenario running now, for naming a stuck one; read by the watching thread. */
    volatile String current;

    Run(Scenarios scenarios, List<String> paths, PrintStream out) {
      this.scenarios = scenarios;
      this.paths = paths;
      this.out = out;
    }

    void all() {
      for (String path : paths) {
        current = scenarios.display(path);
        ScenarioResult result;
        try {
          Scenario scenario = scenarios.load(path);
          loaded.add(scenario);
          result = scenarios.run(scenario);
        } catch (ScenarioException e) {
          result = ScenarioResult.broken(scenarios.display(path), e);
        }
        if (!result.passed()) {
          failed++;
          out.println("FAIL " + result.report());
        }
      }
    }
  }

  /**
   * Waits for the scenarios to finish, looking at their engines now and then; returns the line to
   * print if a session has stalled for {@code stuckAfter}, or null once they are done. What the
   * worker threw is thrown here.
   */
  private static String watch(CompletableFuture<Void> done, Scenarios scenarios, Run run, Duration stuckAfter) {
    long tick = Math.max(10, Math.min(1_000, stuckAfter.toMillis() / 4));
    while (true) {
      try {
        done.get(tick, TimeUnit.MILLISECONDS);
        return null;
      } catch (TimeoutException e) {
        for (RunningAssessment running : scenarios.running()) {
          if (running.stalled().compareTo(stuckAfter) >= 0) {
            return run.current + ": stuck: " + (running.rule() == null ? "a condition of the rules"
                : "rule '" + running.rule() + "'") + " has not finished in " + stuckAfter.toSeconds()
                + " s (a loop that does not end?); validation stopped";
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while validating", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException runtime) {
          throw runtime;
        }
        if (e.getCause() instanceof Error error) {
          throw error;
        }
        throw new IllegalStateException(e.getCause());
      }
    }
  }

  /** A path of the pack as a path from the working directory, so that it links. */
  private static String location(Path packDir, String path) {
    return path.startsWith("(") || path.equals(".") ? packDir.toString() : packDir.resolve(path).toString();
  }

  private static void printProblems(Path packDir, RulePackException e, PrintStream out) {
    for (RulePackException.Problem problem : e.problems()) {
      out.println(location(packDir, problem.path()) + ":" + problem.line() + ":" + problem.column()
          + ": " + problem.message());
    }
    out.println("the pack in " + packDir + " does not load (" + e.problems().size()
        + (e.problems().size() == 1 ? " problem)" : " problems)"));
  }
}
