package io.riskgate.benchmarks;

import io.riskgate.Channel;
import io.riskgate.Evidence;
import io.riskgate.declaration.Declaration;
import java.util.ArrayList;
import java.util.List;

/**
 * The hit collector a first-time Drools user writes for {@link NaiveDrools}: the same methods as
 * {@code io.riskgate.Risk}, so the pack's DRL runs unchanged but for its {@code global} line. One
 * instance per session, so not thread-safe.
 */
public final class NaiveRisk {
  /** One reported hit: its reason, or its reason template and the evidence that fills it. */
  public record NaiveHit(String code, int points, Channel minimum, String reason, Evidence evidence) {}

  final List<NaiveHit> hits = new ArrayList<>();
  String code;

  /** Reports a hit of the firing rule's criterion. */
  public void hit(Declaration declaration, int points, String reason) {
    hits.add(new NaiveHit(code, points, null, reason, Evidence.none()));
  }

  /** Reports a hit whose reason is a template, with its evidence. */
  public void hit(Declaration declaration, int points, String template, Object... evidence) {
    hits.add(new NaiveHit(code, points, null, template, Evidence.of(evidence)));
  }

  /** Reports a hit that demands at least {@code minimum} channel. */
  public void hit(Declaration declaration, int points, Channel minimum, String reason) {
    hits.add(new NaiveHit(code, points, minimum, reason, Evidence.none()));
  }

  /** Reports a hit that demands at least {@code minimum} channel, with a reason template and evidence. */
  public void hit(Declaration declaration, int points, Channel minimum, String template, Object... evidence) {
    hits.add(new NaiveHit(code, points, minimum, template, Evidence.of(evidence)));
  }

  /** Reports a hit that demands at least {@code minimum} channel and adds no points. */
  public void require(Declaration declaration, Channel minimum, String reason) {
    hits.add(new NaiveHit(code, 0, minimum, reason, Evidence.none()));
  }

  /** Reports a hit that demands at least {@code minimum} channel, with a reason template and evidence. */
  public void require(Declaration declaration, Channel minimum, String template, Object... evidence) {
    hits.add(new NaiveHit(code, 0, minimum, template, Evidence.of(evidence)));
  }
}
