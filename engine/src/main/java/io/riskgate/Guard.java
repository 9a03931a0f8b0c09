package io.riskgate;

import io.riskgate.declaration.Declaration;
import io.riskgate.internal.drools.Matches;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.Match;

/**
 * Sees each firing of one session just before it happens: tells {@link Risk} which rule is firing,
 * and halts the session when a rule fires more often for one declaration than the limit allows (a
 * runaway rule that re-triggers itself would otherwise never return), or when the session has run
 * past its time budget (a rule whose consequence is slow, over many firings).
 *
 * <p>Why an agenda filter rather than an agenda event listener: Drools asks the filter about each
 * match before firing it and passes the match itself, while a listener makes it build two event
 * objects per firing and dispatch them, a cost on every firing that the guard does not need. The
 * filter accepts every match except the one that goes over the limit.
 */
final class Guard implements AgendaFilter {
  /**
   * Firings between two looks at the clock. {@code System.nanoTime} costs 20-30 ns, a few percent
   * of a firing of a typical criterion, and looking only when the firing declaration changes would
   * save nothing: a session fires one rule at a time across its whole batch, so the declaration
   * changes at nearly every firing. A count costs an increment; a slow consequence is still caught
   * within this many firings of running out of time.
   */
  static final int CLOCK_EVERY = 16;

  private final Risk risk;
  private final int maxFirings;
  private final KieSession session;
  private final long budgetNanos;
  private final long deadline;
  /** Firings so far; read without a lock by {@link DroolsRiskEngine#running()}, for diagnostics. */
  int firings;
  private int nextLook = CLOCK_EVERY;
  private Rule runaway;
  private long runawayLimit;
  private Rule outOfTime;

  /**
   * Firings are counted in {@code risk}'s tally of each declaration; the session has
   * {@code budgetNanos} from {@code startNanos} ({@code System.nanoTime}) to finish.
   */
  Guard(Risk risk, int maxFirings, KieSession session, long startNanos, long budgetNanos) {
    this.risk = risk;
    this.maxFirings = maxFirings;
    this.session = session;
    this.budgetNanos = budgetNanos;
    this.deadline = startNanos + budgetNanos;
  }

  @Override
  public boolean accept(Match match) {
    if (++firings >= nextLook && outOfTime(match)) {
      return false;
    }
    Object key = Matches.declarationOf(match, this);
    int fired = risk.firing(match.getRule(), key);
    if (fired <= maxFirings || fired <= limitOf(key)) {
      return true;
    }
    if (runaway == null) {
      runawayLimit = limitOf(key);
      runaway = match.getRule();
      session.halt();
    }
    return false;
  }

  /**
   * Whether the session is past its deadline; if so, halts it and remembers the rule that fired
   * last, whose consequence ran as the time ran out (or the match's, if none has fired yet).
   */
  private boolean outOfTime(Match match) {
    long now = System.nanoTime();
    long left = deadline - now;
    if (left < 0) {
      if (outOfTime == null) {
        outOfTime = risk.firingRule() != null ? risk.firingRule() : match.getRule();
        session.halt();
      }
      return true;
    }
    // Past half the budget, look at every firing, so that the rule named is the one that ran over
    // rather than one of the firings before it.
    nextLook = firings + (left < budgetNanos / 2 ? 1 : CLOCK_EVERY);
    return false;
  }

  /**
   * The most firings for the declaration {@code key}: {@code maxFirings} for each of its items (a
   * line criterion fires once per item, so a legal declaration of 1,000 items may well fire more
   * than 1,000 times), and {@code maxFirings} for a declaration of none or for a firing that
   * belongs to no declaration. Only asked past {@code maxFirings}.
   */
  long limitOf(Object key) {
    return limit(maxFirings, key instanceof Declaration declaration ? declaration.items().size() : 0);
  }

  static long limit(int maxFirings, int items) {
    return (long) maxFirings * Math.max(1, items);
  }

  /** The limit the runaway rule went past; see {@link #limitOf}. */
  long runawayLimit() {
    return runawayLimit;
  }

  /** The rule that went over the limit, or null. */
  Rule runaway() {
    return runaway;
  }

  /** The rule that was firing when the session ran out of time, or null. */
  Rule outOfTime() {
    return outOfTime;
  }
}
