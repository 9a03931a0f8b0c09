package io.riskgate;

import io.riskgate.internal.drools.Sessions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.KeepReferenceOption;
import org.kie.api.runtime.conf.ThreadSafeOption;

/**
 * A compiled pack with its globals bound, and its idle sessions: what one assessment runs on,
 * start to end. Retired when a reload replaces it; its idle sessions are disposed then, and a
 * session returned to it afterwards is disposed too.
 */
final class ServingPack {
  /**
   * Sessions kept idle per pack. A new session costs about a third of a single assess of a
   * one-item declaration (11 us at the median with a new session, 8 us with a reset one; see
   * benchmarks/README.md), so sessions that come back clean are reset and kept for the next call:
   * one per thread that assesses at once, up to this many; beyond it they are disposed.
   */
  private static final int IDLE_SESSIONS = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

  /**
   * Most facts a session may have held and still be kept: past it the session is disposed, since
   * its node memories grew for a large batch and a new session per large batch costs little. Also
   * measured: single assess of 50-item declarations is no faster on a reset session.
   */
  static final int REUSE_MAX_FACTS = 256;

  /**
   * Sessions the KieBase does not keep a reference to. By default a KieBase holds every session
   * until it is disposed, and compiled packs are cached and shared between engines, so the idle
   * sessions of an engine that was dropped without a reload would stay reachable as long as its
   * pack stays cached. The engine never changes a KieBase, which is what the reference is for.
   *
   * <p>And sessions that are not thread-safe: Drools' thread-safe session lets other threads insert
   * while one fires (for {@code fireUntilHalt}), at the price of a lock on every propagation flush
   * and every agenda state change, several per firing, which declarations with many hits pay most.
   * An engine session is used by one thread at a time, from borrow to release, and handed
   * between threads through the idle queue, which orders the one thread's use before the next's.
   * Such a session also propagates each insert at once instead of queueing it for the next fire, so
   * conditions run while the engine inserts; a condition that throws is caught there the same way
   * (FailClosedTest).
   */
  static final KieSessionConfiguration SESSION_CONFIGURATION = sessionConfiguration();

  private static KieSessionConfiguration sessionConfiguration() {
    KieSessionConfiguration configuration = KieServices.get().newKieSessionConfiguration();
    configuration.setOption(KeepReferenceOption.NO);
    configuration.setOption(ThreadSafeOption.NO);
    return configuration;
  }

  final CompiledPack compiled;
  final Map<String, Object> globals;
  private final BlockingQueue<KieSession> idle = new ArrayBlockingQueue<>(IDLE_SESSIONS);
  private volatile boolean retired;
  /** Found on first use: locating rules reads the pack's text, which assessing never needs. */
  private volatile List<Criterion> criteria;

  ServingPack(CompiledPack compiled, Map<String, Object> globals) {
    this.compiled = compiled;
    this.globals = globals;
  }

  /** An idle session or a new one, without globals: a reset session has none. */
  KieSession borrow() {
    KieSession session = idle.poll();
    if (session == null) {
      session = Sessions.open(compiled.kieBase, SESSION_CONFIGURATION);  // globals resolved fast
    }
    return session;
  }

  /** Keeps a clean session for the next assessment, or disposes of it. */
  void release(KieSession session, boolean clean) {
    if (!clean || retired || !idle.offer(session)) {
      session.dispose();
    } else if (retired) {
      drain();  // retired while we offered: nobody else will take it
    }
  }

  void retire() {
    retired = true;
    drain();
  }

  List<Criterion> criteria() {
    List<Criterion> found = criteria;
    if (found == null) {
      List<Criterion> list = new ArrayList<>();
      for (KiePackage kiePackage : compiled.kieBase.getKiePackages()) {
        for (Rule rule : kiePackage.getRules()) {
          Object code = rule.getMetaData().get(CompiledPack.CODE_ATTRIBUTE);
          if (code != null) {
            RulePackException.Problem at = compiled.sources.locate(rule.getName(), "");
            Object theme = rule.getMetaData().get(Criterion.THEME_ATTRIBUTE);
            list.add(new Criterion(code.toString(), rule.getName(),
                theme == null || theme.toString().isBlank() ? Criterion.themeOfPath(at.path()) : theme.toString().strip(),
                at.path(), at.line(), at.column(), compiled.trial.contains(code.toString())));
          }
        }
      }
      list.sort(Comparator.comparing(Criterion::code));
      criteria = found = List.copyOf(list);
    }
    return found;
  }

  private void drain() {
    for (KieSession session = idle.poll(); session != null; session = idle.poll()) {
      session.dispose();
    }
  }

  /**
   * Makes the session as new for the next batch: Drools' reset (what its own session pool does)
   * clears the working memory, every node memory, the agenda, the globals and the listeners, so
   * nothing a rule inserted or a batch left can reach the next. Sessions that failed are not
   * reset but disposed, and so are sessions that held a large batch, whose memories grew.
   */
  static boolean reset(KieSession session, int facts) {
    return facts <= REUSE_MAX_FACTS && Sessions.reset(session);
  }
}
