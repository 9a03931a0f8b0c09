package io.riskgate;

/**
 * Receives each declaration's live and challenger assessments, once the challenger has assessed it
 * (see {@link RiskEngine.Builder#challenger}).
 *
 * <pre>{@code
 * ChallengerListener log = comparison -> {
 *   if (comparison.moved()) {
 *     System.out.println(comparison.live().declarationNumber() + " " + comparison.live().channel()
 *         + " -> " + comparison.challenger().channel() + ", only challenger: " + comparison.onlyChallenger());
 *   }
 * };
 * }</pre>
 *
 * <p><b>Thread safety:</b> called on the engine's challenger threads, never on a thread that called
 * {@code assess}; with more than one challenger thread, from several at once. A slow listener holds
 * a challenger thread and fills the queue (the engine then drops comparisons, it never waits); a
 * listener that throws is counted in {@link ChallengerDiff#listenerFailures()} and the engine goes on.
 */
@FunctionalInterface
public interface ChallengerListener {

  /**
   * One declaration assessed by both packs. Also called when the challenger failed closed on it
   * ({@code comparison.challenger().failedClosed()}), which the running diff counts as a failure
   * rather than a move.
   */
  void compared(Comparison comparison);
}
