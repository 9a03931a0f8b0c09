package io.riskgate;

import io.riskgate.declaration.Declaration;
import io.riskgate.declaration.Line;
import java.util.List;
import org.drools.core.common.InternalFactHandle;
import org.drools.core.reteoo.TupleImpl;
import org.drools.core.rule.consequence.InternalMatch;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.Match;

/**
 * Sees each firing of one session just before it happens: tells {@link Risk} which rule is firing,
 * and halts the session when a rule fires more often for one declaration than the limit allows (a
 * runaway rule that re-triggers itself would otherwise never return).
 *
 * <p>Why an agenda filter rather than an agenda event listener: Drools asks the filter about each
 * match before firing it and passes the match itself, while a listener makes it build two event
 * objects per firing and dispatch them, a cost on every firing that the guard does not need. The
 * filter accepts every match except the one that goes over the limit.
 */
final class Guard implements AgendaFilter {
  private final Risk risk;
  private final int maxFirings;
  private final KieSession session;
  private Rule runaway;

  /** Firings are counted in {@code risk}'s tally of each declaration. */
  Guard(Risk risk, int maxFirings, KieSession session) {
    this.risk = risk;
    this.maxFirings = maxFirings;
    this.session = session;
  }

  @Override
  public boolean accept(Match match) {
    if (risk.firing(match.getRule(), declarationOf(match)) <= maxFirings) {
      return true;
    }
    if (runaway == null) {
      runaway = match.getRule();
      session.halt();
    }
    return false;
  }

  /**
   * The declaration of the match's first {@code Declaration} or {@code Line} fact, or this guard:
   * firings not tied to a declaration count against the session as a whole. Walks Drools' tuple
   * (last pattern first) rather than calling {@code Match.getObjects()}, which builds two lists per
   * firing only to be read once and dropped.
   */
  private Object declarationOf(Match match) {
    if (!(match instanceof InternalMatch internal)) {
      return declarationOf(match.getObjects());
    }
    Object key = this;
    for (TupleImpl tuple = internal.getTuple(); tuple != null; tuple = tuple.getParent()) {
      InternalFactHandle handle = tuple.getFactHandle();
      Object declaration = handle == null ? null : declarationOf(handle.getObject());
      if (declaration != null) {
        key = declaration;  // keep walking: the first pattern's fact comes last
      }
    }
    return key;
  }

  private Object declarationOf(List<?> facts) {
    for (Object fact : facts) {
      Object declaration = declarationOf(fact);
      if (declaration != null) {
        return declaration;
      }
    }
    return this;
  }

  private static Declaration declarationOf(Object fact) {
    return fact instanceof Declaration declaration ? declaration
        : fact instanceof Line line ? line.declaration() : null;
  }

  /** The rule that went over the limit, or null. */
  Rule runaway() {
    return runaway;
  }
}
