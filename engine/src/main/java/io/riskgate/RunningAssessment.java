package io.riskgate;

import io.riskgate.declaration.Declaration;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An assessment in progress, as {@link RiskEngine#running()} saw it: what a watchdog needs to name
 * a rule that does not finish. Immutable; a snapshot, never updated.
 *
 * <pre>{@code
 * for (RunningAssessment running : engine.running()) {
 *   if (running.stalled().compareTo(Duration.ofSeconds(60)) > 0) {
 *     System.err.println(running.thread().getName() + " is stuck in rule " + running.rule());
 *   }
 * }
 * }</pre>
 *
 * <p>The engine does not stop to take the snapshot: {@code declaration} and {@code rule} are read
 * from fields the assessing thread keeps writing, so they are exact for a thread that is stuck and
 * may be a step behind for one that is not. They are diagnostics, not part of any result.
 *
 * @param thread the thread that assesses
 * @param declarations the declarations of the Drools session (a batch of {@link RiskEngine#assessAll}, or
 *     the one declaration of {@link RiskEngine#assess})
 * @param declaration the declaration the engine is at: the one being inserted, or the one the rule
 *     that fired last fired for; {@code null} if no rule has fired since the inserts ended
 * @param rule the name of the rule firing now, or of the last one that started firing if a
 *     condition is what runs now; {@code null} while the engine inserts, or before the first firing
 * @param since when the session started, by the system clock
 * @param stalled how long the session has gone without a rule starting to fire and without a fact
 *     going in, as far as calls of {@code running()} have seen: measured from the first call that
 *     saw its current progress (from {@code since} if nothing has happened yet)
 */
public record RunningAssessment(
    Thread thread,
    List<Declaration> declarations,
    Declaration declaration,
    String rule,
    Instant since,
    Duration stalled) {

  public RunningAssessment {
    Objects.requireNonNull(thread, "thread");
    declarations = List.copyOf(declarations);
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(stalled, "stalled");
  }
}
