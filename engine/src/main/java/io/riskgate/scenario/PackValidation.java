package io.riskgate.scenario;

import io.riskgate.PackVersion;
import io.riskgate.RulePack;
import io.riskgate.RulePackException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The rule author's check of a pack folder, behind the command {@code validate <pack-dir>}: compile
 * the pack, load its reference data, run its scenarios, and say what is wrong in lines that
 * editors and CI logs link to.
 *
 * <pre>
 * packs/vn-baseline/rules/valuation.drl:42:17: [ERR 102] mismatched input ')' in rule "..."
 * FAIL packs/vn-baseline/scenarios/val-01-fires.json: Unit value far below the reference price
 *   expected: RED [VAL-01]
 *   actual:   YELLOW [VAL-01] (score 40, selection TARGETED)
 *   ...
 * vn-baseline@2026.11.0: 54 scenarios, 53 passed, 1 failed
 * </pre>
 *
 * <p>Mistakes in the pack or its scenarios are reported as lines of text, never as stack traces.
 * Stateless and thread-safe.
 */
public final class PackValidation {
  /** Exit status: the pack compiles, its data loads and every scenario passes. */
  public static final int OK = 0;
  /** Exit status: the pack loads but a scenario failed or could not be read. */
  public static final int SCENARIOS_FAILED = 1;
  /** Exit status: the pack does not load (manifest, rules or reference data). */
  public static final int PACK_DOES_NOT_LOAD = 2;

  private PackValidation() {}

  /**
   * Validates the pack in {@code packDir}, printing its findings to {@code out}.
   *
   * @return {@link #OK}, {@link #SCENARIOS_FAILED} or {@link #PACK_DOES_NOT_LOAD}
   */
  public static int validate(Path packDir, PrintStream out) {
    Scenarios scenarios;
    try {
      scenarios = Scenarios.of(RulePack.fromDirectory(packDir));
    } catch (RulePackException e) {
      printProblems(packDir, e, out);
      return PACK_DOES_NOT_LOAD;
    }
    PackVersion version = scenarios.pack().version();
    List<String> paths = scenarios.paths();
    int failed = 0;
    for (String path : paths) {
      ScenarioResult result = scenarios.run(path);
      if (!result.passed()) {
        failed++;
        out.println("FAIL " + result.report());
      }
    }
    String pack = version.id() + "@" + version.version();
    if (paths.isEmpty()) {
      out.println(pack + ": compiles and its data loads; no scenarios in " + Scenarios.FOLDER
          + " (add one per criterion: one that fires and one near miss)");
      return OK;
    }
    out.println(pack + ": " + paths.size() + (paths.size() == 1 ? " scenario, " : " scenarios, ")
        + (paths.size() - failed) + " passed, " + failed + " failed");
    return failed == 0 ? OK : SCENARIOS_FAILED;
  }

  private static void printProblems(Path packDir, RulePackException e, PrintStream out) {
    for (RulePackException.Problem problem : e.problems()) {
      // Paths relative to the pack become paths from the working directory, so they link.
      String path = problem.path().startsWith("(") || problem.path().equals(".")
          ? packDir.toString() : packDir.resolve(problem.path()).toString();
      out.println(path + ":" + problem.line() + ":" + problem.column() + ": " + problem.message());
    }
    out.println("the pack in " + packDir + " does not load (" + e.problems().size()
        + (e.problems().size() == 1 ? " problem)" : " problems)"));
  }
}
