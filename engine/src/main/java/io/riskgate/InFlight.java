package io.riskgate;

import io.riskgate.declaration.Declaration;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.kie.api.definition.rule.Rule;

/**
 * A session at work, for {@link RiskEngine#running()}: registered per batch, never per firing. The
 * assessing thread writes {@code inserting} and {@code inserted} without a lock and the watcher
 * reads them racily, which is enough for a diagnostic of a thread that is stuck. The watcher's
 * own fields ({@code seen}, {@code stalledSince}) are guarded by the instance's lock.
 */
final class InFlight {
  final Thread thread = Thread.currentThread();
  final List<Declaration> batch;
  final Risk risk;
  final long startNanos;
  Guard guard;
  Declaration inserting;
  int inserted;
  private long seen = -1;
  private long stalledSince;

  InFlight(List<Declaration> batch, Risk risk, long startNanos) {
    this.batch = batch;
    this.risk = risk;
    this.startNanos = startNanos;
  }

  synchronized RunningAssessment snapshot(long nowNanos, Instant now) {
    Guard g = guard;
    long progress = inserted + (g == null ? 0 : g.firings);
    if (progress != seen) {
      // Nothing happened yet: stalled since the start. Otherwise since this first sighting.
      stalledSince = progress == 0 ? startNanos : nowNanos;
      seen = progress;
    }
    Declaration at = inserting;
    boolean firing = at == null && g != null;
    Rule rule = firing ? risk.firingRule() : null;
    return new RunningAssessment(thread, batch, firing ? risk.firingDeclaration() : at,
        rule == null ? null : rule.getName(), now.minusNanos(nowNanos - startNanos),
        Duration.ofNanos(nowNanos - stalledSince));
  }
}
