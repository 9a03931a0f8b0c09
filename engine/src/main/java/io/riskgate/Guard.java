package io.riskgate;

import io.riskgate.declaration.Declaration;
import io.riskgate.declaration.Line;
import java.util.IdentityHashMap;
import java.util.Map;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/**
 * Watches one session's firings: tells {@link Risk} which rule is firing, and halts the session
 * when a rule fires more often for one declaration than the limit allows (a runaway rule that
 * re-triggers itself would otherwise never return).
 */
final class Guard extends DefaultAgendaEventListener {
  private final Risk risk;
  private final int maxFirings;
  private final Map<Object, int[]> firings;
  private Rule runaway;

  /** For a batch of {@code declarations}: the count map is sized so that it does not grow. */
  Guard(Risk risk, int maxFirings, int declarations) {
    this.risk = risk;
    this.maxFirings = maxFirings;
    this.firings = new IdentityHashMap<>(declarations + 1);
  }

  @Override
  public void beforeMatchFired(BeforeMatchFiredEvent event) {
    risk.firing(event.getMatch().getRule());
  }

  @Override
  public void afterMatchFired(AfterMatchFiredEvent event) {
    Object key = this;  // firings not tied to a declaration count against the session as a whole
    for (Object fact : event.getMatch().getObjects()) {
      if (fact instanceof Declaration) {
        key = fact;
        break;
      }
      if (fact instanceof Line line) {
        key = line.declaration();
        break;
      }
    }
    int[] count = firings.computeIfAbsent(key, k -> new int[1]);
    if (++count[0] > maxFirings && runaway == null) {
      runaway = event.getMatch().getRule();
      event.getKieRuntime().halt();
    }
  }

  /** The rule that went over the limit, or null. */
  Rule runaway() {
    return runaway;
  }
}
