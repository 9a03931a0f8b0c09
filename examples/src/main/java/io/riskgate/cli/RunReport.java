package io.riskgate.cli;

import io.riskgate.Criterion;
import io.riskgate.PackVersion;
import java.util.List;

/**
 * Everything the summary and the HTML report show about one rescore run.
 *
 * @param pack the pack that decided
 * @param input where the declarations came from
 * @param baseline the baseline file, or null
 * @param threads the worker threads
 * @param compileSeconds how long the pack took to load and compile
 * @param result the counts and the run time
 * @param criteria the pack's criteria, for their names and themes
 */
record RunReport(PackVersion pack, String input, String baseline, int threads, double compileSeconds,
    Rescorer.Result result, List<Criterion> criteria) {

  RunReport {
    criteria = List.copyOf(criteria);
  }

  /** The names and themes of the criteria, from the pack and the hits seen. */
  CriterionLabels labels() {
    return CriterionLabels.of(criteria, stats(), diff());
  }

  RunStats stats() {
    return result.stats();
  }

  BaselineDiff diff() {
    return result.diff();
  }
}
