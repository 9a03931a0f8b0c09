package io.riskgate;

import io.riskgate.declaration.Declaration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The engine on Drools: the pack serving now (swapped atomically on reload), declarations cut into
 * batches of one session each ({@link SessionRun}), and a failing batch re-run one declaration at
 * a time, so that the culprit fails closed alone.
 */
final class DroolsRiskEngine implements RiskEngine {

  /**
   * Most items in one session, whatever the batch size: a session keeps the tuples of every item
   * of every rule until it is disposed, so 1,000 declarations of 50 items kept about a million
   * objects alive and the young collections promoted them. Measured on vn-baseline (see
   * benchmarks/README.md): 50-item declarations cost 1.8x less per declaration in sessions of
   * 2,500 items than in sessions of 1,000 declarations; small declarations are unaffected.
   */
  static final int MAX_ITEMS_PER_SESSION = 2_500;

  /** How long {@link #close()} lets the challenger compare what is queued. */
  static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

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
  private final AtomicReference<ServingPack> active = new AtomicReference<>();
  private final Set<InFlight> inFlight = ConcurrentHashMap.newKeySet();
  private final SessionRun sessions;
  private final int challengerThreads;
  private final int challengerCapacity;
  private final ChallengerListener challengerListener;
  /**
   * The challenger at work, or null: the one field the assessing path reads for it, so that an
   * engine without a challenger pays a null check and nothing else.
   */
  private volatile Challenger challenger;
  /** Orders setting, replacing, removing the challenger and closing; never taken by assessing. */
  private final Object challengerLock = new Object();
  private boolean closed;

  DroolsRiskEngine(RiskEngine.Builder builder) {
    this.failureChannel = builder.failureChannel;
    this.maxFirings = builder.maxFiringsPerDeclaration;
    this.maxItems = builder.maxItemsPerDeclaration;
    this.maxTime = builder.maxTimePerDeclaration;
    this.batchSize = builder.batchSize;
    this.clock = builder.clock;
    this.userGlobals = Map.copyOf(builder.globals);
    this.policy = PackPolicy.allowing(builder.allowedInPacks);
    this.compilation = CompiledPack.compilation(builder.conditionCompilation);
    this.packCache = builder.packCache;
    this.sessions = new SessionRun(maxFirings, maxTime, inFlight);
    this.challengerThreads = builder.challengerThreads;
    this.challengerCapacity = builder.challengerQueueCapacity;
    this.challengerListener = builder.challengerListener;
    active.set(activate(builder.pack));
    if (builder.challenger != null) {
      challenger = challenge(activate(builder.challenger));
    }
  }

  private Challenger challenge(ServingPack pack) {
    return new Challenger(pack, clock.instant(), challengerThreads, challengerCapacity, batchSize,
        challengerListener, declarations -> assessAll(pack, declarations));
  }

  @Override
  public PackVersion reloadChallenger(RulePack candidate) {
    Objects.requireNonNull(candidate, "candidate");
    ServingPack pack = activate(candidate);  // compiles off the lock: may take seconds
    synchronized (challengerLock) {
      if (closed) {
        pack.retire();
        throw new IllegalStateException("the engine is closed: a challenger cannot be set on it");
      }
      Challenger previous = challenger;
      challenger = challenge(pack);
      if (previous != null) {
        previous.retire();
      }
    }
    return pack.compiled.version();
  }

  @Override
  public Optional<ChallengerDiff> removeChallenger() {
    synchronized (challengerLock) {
      Challenger previous = challenger;
      if (previous == null || closed) {
        return Optional.ofNullable(previous).map(Challenger::diff);
      }
      challenger = null;
      previous.retire();
      return Optional.of(previous.diff());
    }
  }

  @Override
  public Optional<ChallengerDiff> challengerDiff() {
    Challenger current = challenger;
    return current == null ? Optional.empty() : Optional.of(current.diff());
  }

  @Override
  public void close() {
    close(CLOSE_WAIT);
  }

  /** {@link #close()}, waiting at most {@code wait} for the challenger's queue; for tests. */
  void close(Duration wait) {
    synchronized (challengerLock) {
      if (!closed) {
        closed = true;
        Challenger current = challenger;
        if (current != null) {
          // Kept in place, closed: its final diff stays readable and offers are dropped.
          current.close(wait.toNanos());
        }
      }
    }
  }

  /** The challenger at work, or null; for tests. */
  Challenger challenger() {
    return challenger;
  }

  @Override
  public PackVersion reload(RulePack pack) {
    Objects.requireNonNull(pack, "pack");
    ServingPack next = activate(pack);
    ServingPack previous = active.getAndSet(next);
    previous.retire();
    return next.compiled.version();
  }

  @Override
  public PackVersion pack() {
    return active.get().compiled.version();
  }

  private ServingPack activate(RulePack pack) {
    CompiledPack compiled = CompiledPack.of(pack, policy, compilation, packCache);
    return new ServingPack(compiled, GlobalsBinding.bind(pack, compiled, userGlobals));
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
    List<Declaration> batch = List.of(declaration);
    List<Assessment> assessed = run(active.get(), batch, clock.instant());
    Challenger candidate = challenger;
    if (candidate != null) {
      candidate.offer(batch, assessed, false);  // lists only the engine holds: nothing to copy
    }
    return assessed.get(0);
  }

  @Override
  public List<Assessment> assessAll(List<Declaration> declarations) {
    List<Assessment> assessments = assessAll(active.get(), declarations);
    Challenger candidate = challenger;
    if (candidate != null) {
      candidate.offer(declarations, assessments, true);  // the caller may change either list later
    }
    return assessments;
  }

  /** Assesses {@code declarations} with {@code current}, in batches, in input order. */
  private List<Assessment> assessAll(ServingPack current, List<Declaration> declarations) {
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
  private List<Assessment> run(ServingPack current, List<Declaration> batch, Instant now) {
    CompiledPack compiled = current.compiled;
    List<Declaration> runnable = new ArrayList<>(batch.size());
    for (Declaration declaration : batch) {
      if (declaration.items().size() <= maxItems) {
        runnable.add(declaration);
      }
    }
    Risk risk = new Risk(runnable.size(), compiled.trial);
    SessionRun.Failure failure = runnable.isEmpty() ? null : sessions.execute(current, runnable, risk);
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

  @Override
  public String toString() {
    return "RiskEngine[" + pack() + "]";
  }
}
