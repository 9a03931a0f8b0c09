package io.riskgate.cli;

import io.riskgate.PackVersion;

/**
 * Everything the summary and the HTML report show about one rescore run.
 *
 * @param pack the pack that decided
 * @param input where the declarations came from
 * @param baseline the baseline file, or null
 * @param threads the worker threads
 * @param compileSeconds how long the pack took to load and compile
 * @param result the counts and the run time
 */
record RunReport(PackVersion pack, String input, String baseline, int threads, double compileSeconds,
    Rescorer.Result result) {

  RunStats stats() {
    return result.stats();
  }

  BaselineDiff diff() {
    return result.diff();
  }
}
