package io.riskgate;

import io.riskgate.declaration.Declaration;
import io.riskgate.declaration.Item;
import io.riskgate.declaration.Line;
import io.riskgate.reference.ReferenceData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.KeepReferenceOption;
import org.kie.api.runtime.conf.ThreadSafeOption;
import org.kie.api.runtime.rule.EntryPoint;
import org.kie.api.runtime.rule.ConsequenceException;

/** The engine on Drools: one session per batch, reset and reused when it succeeds; swappable pack. */
final class DroolsRiskEngine implements RiskEngine {

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

  private static final String DEFAULT_ENTRY_POINT = "DEFAULT";

  /**
   * Sessions the KieBase does not keep a reference to. By default a KieBase holds every session
   * until it is disposed, and compiled packs are cached and shared between engines, so the idle
   * sessions of an engine that was dropped without a reload would stay reachable as long as its
   * pack stays cached. The engine never changes a KieBase, which is what the reference is for.
   *
   * <p>And sessions that are not thread-safe: Drools' thread-safe session lets other threads insert
   * while one fires (for {@code fireUntilHalt}), at the price of a lock on every propagation flush
   * and every agenda state change, several per firing (5% of assessing declarations with many hits,
   * JFR). An engine session is used by one thread at a time, from borrow to release, and handed
   * between threads through the idle queue, which orders the one thread's use before the next's.
   * Such a session also propagates each insert at once instead of queueing it for the next fire, so
   * conditions run while the engine inserts; a condition that throws is caught there the same way
   * (FailClosedTest).
   */
  private static final KieSessionConfiguration SESSION_CONFIGURATION = sessionConfiguration();

  private static KieSessionConfiguration sessionConfiguration() {
    KieSessionConfiguration configuration = KieServices.get().newKieSessionConfiguration();
    configuration.setOption(KeepReferenceOption.NO);
    configuration.setOption(ThreadSafeOption.NO);
    return configuration;
  }

  /**
   * A compiled pack with its globals bound, and its idle sessions: what one assessment runs on,
   * start to end. Retired when a reload replaces it; its idle sessions are disposed then, and a
   * session returned to it afterwards is disposed too.
   */
  private static final class Active {
    final CompiledPack compiled;
    final Map<String, Object> globals;
    private final BlockingQueue<KieSession> idle = new ArrayBlockingQueue<>(IDLE_SESSIONS);
    private volatile boolean retired;
    /** Found on first use: locating rules reads the pack's text, which assessing never needs. */
    private volatile List<Criterion> criteria;

    Active(CompiledPack compiled, Map<String, Object> globals) {
      this.compiled = compiled;
      this.globals = globals;
    }

    /** An idle session or a new one, without globals: a reset session has none. */
    KieSession borrow() {
      KieSession session = idle.poll();
      if (session == null) {
        session = compiled.kieBase.newKieSession(SESSION_CONFIGURATION, null);
        if (session instanceof StatefulKnowledgeSessionImpl impl) {
          impl.setGlobalResolver(new SessionGlobals());  // see SessionGlobals for why
        }
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
              RulePackException.Problem at = CompiledPack.locate(compiled.pack, rule.getName(), "");
              Object theme = rule.getMetaData().get(Criterion.THEME_ATTRIBUTE);
              list.add(new Criterion(code.toString(), rule.getName(),
                  theme == null || theme.toString().isBlank() ? Criterion.themeOfPath(at.path()) : theme.toString().strip(),
                  at.path(), at.line(), at.column()));
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
  }

  /** Why a session could not assess its batch. */
  private record Failure(String rule, String reason) {}

  /**
   * A session at work, for {@link #running()}: registered per batch, never per firing. The
   * assessing thread writes {@code inserting} and {@code inserted} without a lock and the watcher
   * reads them racily, which is enough for a diagnostic of a thread that is stuck. The watcher's
   * own fields ({@code seen}, {@code stalledSince}) are guarded by the instance's lock.
   */
  private static final class InFlight {
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

  /**
   * Most items in one session, whatever the batch size: a session keeps the tuples of every item
   * of every rule until it is disposed, so 1,000 declarations of 50 items kept about a million
   * objects alive and the young collections promoted them. Measured on vn-baseline (see
   * benchmarks/README.md): 50-item declarations cost 1.8x less per declaration in sessions of
   * 2,500 items than in sessions of 1,000 declarations; small declarations are unaffected.
   */
  static final int MAX_ITEMS_PER_SESSION = 2_500;

  private final Channel failureChannel;
  private final int maxFirings;
  private final int maxItems;
  private final Duration maxTime;
  private final int batchSize;
  private final Clock clock;
  private final Map<String, Object> userGlobals;
  private final PackPolicy policy;
  private final ConditionCompilation compilation;
  private final PackCache packCache;
  private final AtomicReference<Active> active = new AtomicReference<>();
  private final Set<InFlight> inFlight = ConcurrentHashMap.newKeySet();

  DroolsRiskEngine(RiskEngine.Builder builder) {
    this.failureChannel = builder.failureChannel;
    this.maxFirings = builder.maxFiringsPerDeclaration;
    this.maxItems = builder.maxItemsPerDeclaration;
    this.maxTime = builder.maxTimePerDeclaration;
    this.batchSize = builder.batchSize;
    this.clock = builder.clock;
    this.userGlobals = Map.copyOf(builder.globals);
    this.policy = PackPolicy.allowing(builder.allowedInPacks);
    this.compilation = AlphaNetwork.mode(builder.conditionCompilation);
    this.packCache = builder.packCache;
    active.set(activate(builder.pack));
  }

  @Override
  public PackVersion reload(RulePack pack) {
    Objects.requireNonNull(pack, "pack");
    Active next = activate(pack);
    Active previous = active.getAndSet(next);
    previous.retire();
    return next.compiled.version();
  }

  @Override
  public PackVersion pack() {
    return active.get().compiled.version();
  }

  private Active activate(RulePack pack) {
    CompiledPack compiled = CompiledPack.of(pack, policy, compilation, packCache);
    Map<String, Object> bound = new HashMap<>(compiled.dataGlobals());
    bound.putAll(userGlobals);
    Map<String, Object> globals = new HashMap<>();
    List<RulePackException.Problem> problems = new ArrayList<>();
    for (Map.Entry<String, String> global : compiled.globals.entrySet()) {
      String name = global.getKey();
      if (name.equals(CompiledPack.RISK_GLOBAL)) {
        if (!global.getValue().equals(Risk.class.getName())) {
          problems.add(CompiledPack.locateGlobal(pack, name,
              "global 'risk' must have type io.riskgate.Risk, not " + global.getValue()));
        }
        continue;
      }
      Object value = bound.get(name);
      if (value == null) {
        problems.add(CompiledPack.locateGlobal(pack, name, ReferenceData.missingSource(name).orElse("global '"
            + name + "' is declared but not bound: bind it with RiskEngine.Builder.global")));
      } else if (!isInstance(compiled, global.getValue(), value)) {
        problems.add(CompiledPack.locateGlobal(pack, name, "global '" + name + "' is declared as "
            + global.getValue() + " but bound to a " + value.getClass().getName()));
      } else {
        globals.put(name, value);
      }
    }
    if (problems.isEmpty()) {
      // The type check above passes a type only the pack knows (a DRL 'declare'); Drools itself
      // decides when the global is set, so set them once here rather than fail every assessment.
      KieSession probe = compiled.kieBase.newKieSession(SESSION_CONFIGURATION, null);
      try {
        for (Map.Entry<String, Object> global : globals.entrySet()) {
          try {
            probe.setGlobal(global.getKey(), global.getValue());
          } catch (RuntimeException e) {
            problems.add(CompiledPack.locateGlobal(pack, global.getKey(), "global '" + global.getKey()
                + "' cannot be bound to a " + global.getValue().getClass().getName() + ": " + describe(e)));
          }
        }
      } finally {
        probe.dispose();
      }
    }
    if (!problems.isEmpty()) {
      throw new RulePackException(pack.location(), problems);
    }
    return new Active(compiled, Map.copyOf(globals));
  }

  private static boolean isInstance(CompiledPack compiled, String typeName, Object value) {
    try {
      ClassLoader loader = compiled.kieBase.getClass().getClassLoader();
      return Class.forName(typeName, false, loader).isInstance(value)
          || Class.forName(typeName, false, value.getClass().getClassLoader()).isInstance(value);
    } catch (ClassNotFoundException | LinkageError e) {
      return true;  // a type only the pack knows: Drools checks the assignment itself
    }
  }

  @Override
  public List<Criterion> criteria() {
    return active.get().criteria();
  }

  @Override
  public List<RunningAssessment> running() {
    List<RunningAssessment> running = new ArrayList<>();
    long nowNanos = System.nanoTime();
    Instant now = Instant.now();
    for (InFlight flight : inFlight) {
      running.add(flight.snapshot(nowNanos, now));
    }
    return List.copyOf(running);
  }

  @Override
  public Assessment assess(Declaration declaration) {
    Objects.requireNonNull(declaration, "declaration");
    return run(active.get(), List.of(declaration), clock.instant()).get(0);
  }

  @Override
  public List<Assessment> assessAll(List<Declaration> declarations) {
    Active current = active.get();
    List<Assessment> assessments = new ArrayList<>(declarations.size());
    int from = 0;
    while (from < declarations.size()) {
      int to = from;
      long items = 0;
      while (to < declarations.size() && to - from < batchSize) {
        Declaration declaration = Objects.requireNonNull(declarations.get(to), "declarations must not hold null");
        items += declaration.items().size();
        if (to > from && items > MAX_ITEMS_PER_SESSION) {
          break;
        }
        to++;
      }
      assessments.addAll(run(current, declarations.subList(from, to), clock.instant()));
      from = to;
    }
    return assessments;
  }

  /** Assesses a batch in one session; if the session fails, re-runs each declaration alone. */
  private List<Assessment> run(Active current, List<Declaration> batch, Instant now) {
    CompiledPack compiled = current.compiled;
    List<Declaration> runnable = new ArrayList<>(batch.size());
    for (Declaration declaration : batch) {
      if (declaration.items().size() <= maxItems) {
        runnable.add(declaration);
      }
    }
    Risk risk = new Risk(runnable.size());
    Failure failure = runnable.isEmpty() ? null : execute(current, runnable, risk);
    if (failure != null && runnable.size() > 1) {
      // Find the culprit by isolation: the others must come out as if it had not been there.
      List<Assessment> assessments = new ArrayList<>(batch.size());
      for (Declaration declaration : batch) {
        assessments.addAll(run(current, List.of(declaration), now));
      }
      return assessments;
    }
    List<Assessment> assessments = new ArrayList<>(batch.size());
    for (Declaration declaration : batch) {
      if (declaration.items().size() > maxItems) {
        assessments.add(Decider.failClosed(declaration.number(), failureChannel, "(engine)",
            String.format("declaration has %,d items, more than the maximum %,d (from maxItemsPerDeclaration)",
                declaration.items().size(), maxItems), compiled.version(), now));
      } else if (failure != null) {
        assessments.add(Decider.failClosed(declaration.number(), failureChannel, failure.rule(),
            failure.reason(), compiled.version(), now));
      } else {
        assessments.add(Decider.decide(declaration.number(), risk.hitsOf(declaration),
            compiled.manifest(), compiled.version(), now));
      }
    }
    return assessments;
  }

  private Failure execute(Active current, List<Declaration> batch, Risk risk) {
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
          for (int i = 0; i < items.size(); i++) {  // indexed: an immutable list's iterator per declaration showed in JFR
            session.insert(new Line(declaration, items.get(i)));
          }
          facts += 1 + declaration.items().size();
        }
        flight.inserted++;
      }
      flight.inserting = null;
      // A backstop for firings that no declaration accounts for; the guard catches the rest.
      long budget = (long) maxFirings * batch.size() + 1;
      int fired = session.fireAllRules(guard, (int) Math.min(Integer.MAX_VALUE, budget));
      if (guard.runaway() != null) {
        return new Failure(guard.runaway().getName(), String.format(
            "rule '%s' fired more than %,d times for one declaration (runaway rule; limit maxFiringsPerDeclaration)",
            guard.runaway().getName(), maxFirings));
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
      current.release(session, completed && reset(session, facts));
    }
  }

  /**
   * Makes the session as new for the next batch: Drools' reset (what its own session pool does)
   * clears the working memory, every node memory, the agenda, the globals and the listeners, so
   * nothing a rule inserted or a batch left can reach the next. Sessions that failed are not
   * reset but disposed, and so are sessions that held a large batch, whose memories grew.
   */
  private static boolean reset(KieSession session, int facts) {
    if (facts > REUSE_MAX_FACTS || !(session instanceof StatefulKnowledgeSessionImpl impl)) {
      return false;
    }
    try {
      // Drools' reset empties the default entry point only; facts a rule put into a named one
      // would stay, and pile up call after call.
      for (EntryPoint entryPoint : session.getEntryPoints()) {
        if (entryPoint.getFactCount() > 0 && !entryPoint.getEntryPointId().equals(DEFAULT_ENTRY_POINT)) {
          return false;
        }
      }
      impl.reset();
      return true;
    } catch (RuntimeException e) {
      return false;  // whatever went wrong, this session is not reused
    }
  }

  private static String ruleOf(Risk risk) {
    return risk.firingRule() == null ? "(engine)" : risk.firingRule().getName();
  }

  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
    String rootText = root == e ? "" : " (caused by " + root.getClass().getSimpleName()
        + (root.getMessage() == null ? "" : ": " + root.getMessage().lines().findFirst().orElse("")) + ")";
    return e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message) + rootText;
  }

  @Override
  public String toString() {
    return "RiskEngine[" + pack() + "]";
  }
}
