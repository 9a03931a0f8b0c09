package io.riskgate;

import io.riskgate.declaration.Declaration;
import io.riskgate.declaration.Item;
import io.riskgate.declaration.Line;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * Runs one batch of declarations in one Drools session, within the engine's limits (firings and
 * time per declaration), and says why it could not, if it could not. Stateless between batches;
 * the engine has one and calls it from any thread.
 */
final class SessionRun {
  /** Why a session could not assess its batch: the rule to blame, and the reason. */
  record Failure(String rule, String reason) {}

  private final int maxFirings;
  private final Duration maxTime;
  /** Batches at work, for {@link RiskEngine#running()}. */
  private final Set<InFlight> inFlight;

  SessionRun(int maxFirings, Duration maxTime, Set<InFlight> inFlight) {
    this.maxFirings = maxFirings;
    this.maxTime = maxTime;
    this.inFlight = inFlight;
  }

  /**
   * Inserts {@code batch} into one of {@code current}'s sessions and fires its rules, reporting
   * hits into {@code risk}; returns why the session could not assess the batch, or null.
   */
  Failure execute(ServingPack current, List<Declaration> batch, Risk risk) {
    KieSession session = current.borrow();
    InFlight flight = new InFlight(batch, risk, System.nanoTime());
    // The batch's budget is the sum of its declarations': no declaration's own time is measured,
    // since firings alternate between them; a batch over it is re-run one declaration at a time,
    // each with its own budget, so the culprit fails alone.
    Guard guard = new Guard(risk, maxFirings, session, flight.startNanos,
        Math.multiplyExact(maxTime.toNanos(), (long) batch.size()));
    flight.guard = guard;
    inFlight.add(flight);
    int facts = 0;
    long firingBudget = 1;
    boolean completed = false;
    try {
      // A lookup memo per batch in front of the reference sources; see LookupMemo for why.
      current.globals.forEach((name, value) ->
          session.setGlobal(name, LookupMemo.wrap(current.compiled.globals.get(name), value)));
      if (current.compiled.globals.containsKey(CompiledPack.RISK_GLOBAL)) {
        session.setGlobal(CompiledPack.RISK_GLOBAL, risk);
      }
      for (Declaration declaration : batch) {
        flight.inserting = declaration;
        long before = session.getFactCount();
        session.insert(declaration);
        // The same object twice in a batch is one fact (Drools keeps facts by identity); its lines
        // must not go in twice either, or every line criterion would hit it twice.
        if (session.getFactCount() > before) {
          List<Item> items = declaration.items();
          for (int i = 0; i < items.size(); i++) {  // indexed: no iterator allocated per declaration
            session.insert(new Line(declaration, items.get(i)));
          }
          facts += 1 + declaration.items().size();
          firingBudget += Guard.limit(maxFirings, declaration.items().size());
        }
        flight.inserted++;
      }
      flight.inserting = null;
      // A backstop for firings that no declaration accounts for; the guard catches the rest.
      long budget = firingBudget;
      int fired = session.fireAllRules(guard, (int) Math.min(Integer.MAX_VALUE, budget));
      if (guard.runaway() != null) {
        return new Failure(guard.runaway().getName(), String.format(
            "rule '%s' fired more than %,d times for one declaration (runaway rule; limit maxFiringsPerDeclaration,"
                + " for each item)", guard.runaway().getName(), guard.runawayLimit()));
      }
      if (guard.outOfTime() != null) {
        return new Failure(guard.outOfTime().getName(), String.format(
            "rules ran longer than %s for this declaration (limit maxTimePerDeclaration); rule '%s' was firing"
                + " when the time ran out", RiskEngine.Builder.describe(maxTime), guard.outOfTime().getName()));
      }
      if (fired >= budget) {
        return new Failure("(engine)", "rules fired " + fired + " times, more than the session's budget");
      }
      completed = true;
      return null;
    } catch (ConsequenceException e) {
      String rule = e.getMatch() == null ? ruleOf(risk) : e.getMatch().getRule().getName();
      return new Failure(rule, "rule '" + rule + "' threw " + describe(e.getCause() == null ? e : e.getCause()));
    } catch (RuntimeException | StackOverflowError e) {
      // Conditions that throw surface as plain runtime exceptions, while inserting or firing.
      String rule = ruleOf(risk);
      return new Failure(rule, "evaluating the rules failed: " + describe(e));
    } finally {
      inFlight.remove(flight);
      current.release(session, completed && ServingPack.reset(session, facts));
    }
  }

  private static String ruleOf(Risk risk) {
    return risk.firingRule() == null ? "(engine)" : risk.firingRule().getName();
  }

  /** A throwable in one line: its class, message, and root cause. */
  static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
    String rootText = root == e ? "" : " (caused by " + root.getClass().getSimpleName()
        + (root.getMessage() == null ? "" : ": " + root.getMessage().lines().findFirst().orElse("")) + ")";
    return e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message) + rootText;
  }
}
