package io.riskgate;

import io.riskgate.declaration.Declaration;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * A challenger pack at work beside the live one: its own threads, the bounded queue in front of
 * them, and the running diff. One per challenger: replacing the challenger starts a new one, so
 * that a diff only ever counts one challenger version.
 *
 * <p>The queue's bound counts declarations, not calls, since a call of {@code assessAll} may hand
 * over thousands: a declaration holds a permit from its offer until its comparison is done. The
 * executor's own queue is unbounded and never holds more than the permits allow; what bounds it
 * is a compare-and-set on the count, so that a full queue costs the caller a failed CAS and an
 * increment, never a wait.
 */
final class Challenger {
  private static final System.Logger LOG = System.getLogger(Challenger.class.getName());
  private static final AtomicInteger CHALLENGERS = new AtomicInteger();
  private static final int CHANNELS = Channel.values().length;

  final ServingPack pack;
  private final Instant since;
  private final int capacity;
  /** Up to how many queued declarations one thread compares in one run of the engine. */
  private final int batch;
  private final ChallengerListener listener;
  /** Runs a list of declarations on this challenger's pack: the engine's own batching. */
  private final Function<List<Declaration>, List<Assessment>> assess;
  private final ThreadPoolExecutor executor;
  private final AtomicInteger pending = new AtomicInteger();
  /** Counted on the callers' threads, so not under the lock that the comparisons take. */
  private final LongAdder dropped = new LongAdder();
  /** False once replaced, removed or closed: offers are dropped. */
  private volatile boolean open = true;
  /** True once replaced or removed, or closed past its wait: queued comparisons are skipped. */
  private volatile boolean retired;

  // The running diff: written by the challenger threads under this object's lock, read whole by
  // snapshots, so a snapshot never shows a comparison half counted.
  private long compared;
  private long liveFailures;
  private long failures;
  private long listenerFailures;
  private final long[] moves = new long[CHANNELS * CHANNELS];
  /** Per code: only live, only challenger, only live and moved, only challenger and moved. */
  private final Map<String, long[]> shifts = new TreeMap<>();

  Challenger(ServingPack pack, Instant since, int threads, int capacity, int batch, ChallengerListener listener,
      Function<List<Declaration>, List<Assessment>> assess) {
    this.pack = pack;
    this.since = since;
    this.capacity = capacity;
    this.batch = batch;
    this.listener = listener;
    this.assess = assess;
    String prefix = "riskgate-challenger-" + CHALLENGERS.incrementAndGet() + "-";
    AtomicInteger threadNumber = new AtomicInteger();
    this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        task -> {
          Thread thread = new Thread(task, prefix + threadNumber.incrementAndGet());
          thread.setDaemon(true);  // never what keeps a JVM alive; close() is for an orderly end
          return thread;
        });
    // Started now, so that an offer never starts a thread on the caller's thread.
    executor.prestartAllCoreThreads();
  }

  /**
   * Hands the first declarations that fit in the queue to the challenger threads, and counts the
   * rest as dropped. {@code copy} when the caller may change the lists afterwards (those of
   * {@code assessAll}): only what fits is copied.
   */
  void offer(List<Declaration> declarations, List<Assessment> live, boolean copy) {
    int wanted = declarations.size();
    int taken = reserve(wanted);
    if (taken < wanted) {
      dropped.add(wanted - taken);
    }
    if (taken > 0) {
      List<Declaration> queuedDeclarations = taken == wanted ? declarations : declarations.subList(0, taken);
      List<Assessment> queuedLive = taken == wanted ? live : live.subList(0, taken);
      submit(copy ? List.copyOf(queuedDeclarations) : queuedDeclarations, copy ? List.copyOf(queuedLive) : queuedLive);
    }
  }

  /** Takes up to {@code wanted} permits without waiting; returns how many it took. */
  private int reserve(int wanted) {
    if (!open) {
      return 0;
    }
    while (true) {
      int now = pending.get();
      int taken = Math.min(wanted, capacity - now);
      if (taken <= 0) {
        return 0;
      }
      if (pending.compareAndSet(now, now + taken)) {
        return taken;
      }
    }
  }

  private void submit(List<Declaration> declarations, List<Assessment> live) {
    try {
      executor.execute(new Task(declarations, live));
    } catch (RejectedExecutionException e) {
      // Shut down between the check and the offer: not compared, so dropped.
      drop(declarations.size());
    }
  }

  /** Declarations to compare, with their live assessments; a class, so close() can count them. */
  private final class Task implements Runnable {
    final List<Declaration> declarations;
    final List<Assessment> live;

    Task(List<Declaration> declarations, List<Assessment> live) {
      this.declarations = declarations;
      this.live = live;
    }

    @Override
    public void run() {
      if (declarations.size() >= batch) {
        compare(declarations, live);
        return;
      }
      // A caller of assess hands over one declaration per call. Run one by one, each would pay a
      // session of its own, and a challenger thread behind a busy caller would fall behind and drop;
      // what has queued up meanwhile is compared in one batch instead, in the order it came.
      List<Declaration> batchDeclarations = null;
      List<Assessment> batchLive = null;
      Runnable queued;
      while ((batchDeclarations == null ? declarations.size() : batchDeclarations.size()) < batch
          && (queued = executor.getQueue().poll()) != null) {
        if (batchDeclarations == null) {
          batchDeclarations = new ArrayList<>(declarations);
          batchLive = new ArrayList<>(live);
        }
        batchDeclarations.addAll(((Task) queued).declarations);
        batchLive.addAll(((Task) queued).live);
      }
      compare(batchDeclarations == null ? declarations : batchDeclarations, batchLive == null ? live : batchLive);
    }
  }

  private void compare(List<Declaration> declarations, List<Assessment> live) {
    // Each declaration leaves the queue's count in the same locked step that counts it, so that a
    // snapshot finds it in exactly one of queued, compared, failed (live or challenger) or dropped.
    int settled = 0;
    try {
      if (retired) {
        return;  // replaced or removed: its diff is no longer read
      }
      List<Assessment> assessed;
      try {
        assessed = assess.apply(declarations);
      } catch (RuntimeException | StackOverflowError e) {
        // The engine fails declarations closed rather than throw; this is for our own bugs.
        failed(declarations.size());
        settled = declarations.size();
        LOG.log(System.Logger.Level.WARNING, "challenger " + pack.compiled.version() + " threw", e);
        return;
      }
      for (int i = 0; i < declarations.size() && !retired; i++) {
        Comparison comparison = new Comparison(declarations.get(i), live.get(i), assessed.get(i));
        if (comparison.live().failedClosed()) {
          liveFailed();
        } else if (comparison.challenger().failedClosed()) {
          failed(1);
        } else {
          count(comparison.live().channel(), comparison.challenger().channel(), comparison.onlyLive(),
              comparison.onlyChallenger());
        }
        settled++;
        if (listener != null) {
          tell(comparison);
        }
      }
    } finally {
      // Closed past its wait, or retired, mid-batch: the rest was not compared.
      drop(declarations.size() - settled);
    }
  }

  private void tell(Comparison comparison) {
    try {
      listener.compared(comparison);
    } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
      long failed;
      synchronized (this) {
        failed = ++listenerFailures;
      }
      if (failed == 1) {  // once: a listener that always throws would fill the log
        LOG.log(System.Logger.Level.WARNING, "challenger listener threw; counting its failures in "
            + "ChallengerDiff.listenerFailures and logging no more of them", e);
      }
    }
  }

  /** Counts queued declarations that will not be compared, and takes them off the queue's count. */
  private synchronized void drop(int declarations) {
    if (declarations > 0) {
      pending.addAndGet(-declarations);
      dropped.add(declarations);
    }
  }

  private synchronized void failed(int declarations) {
    failures += declarations;
    pending.addAndGet(-declarations);
  }

  private synchronized void liveFailed() {
    liveFailures++;
    pending.decrementAndGet();
  }

  private synchronized void count(Channel live, Channel challenger, Set<String> onlyLive, Set<String> onlyChallenger) {
    compared++;
    pending.decrementAndGet();
    moves[live.ordinal() * CHANNELS + challenger.ordinal()]++;
    boolean moved = live != challenger;
    for (String code : onlyLive) {
      long[] shift = shifts.computeIfAbsent(code, c -> new long[4]);
      shift[0]++;
      shift[2] += moved ? 1 : 0;
    }
    for (String code : onlyChallenger) {
      long[] shift = shifts.computeIfAbsent(code, c -> new long[4]);
      shift[1]++;
      shift[3] += moved ? 1 : 0;
    }
  }

  synchronized ChallengerDiff diff() {
    List<ChallengerDiff.Move> moveList = new ArrayList<>(moves.length);
    for (Channel live : Channel.values()) {
      for (Channel challenger : Channel.values()) {
        moveList.add(new ChallengerDiff.Move(live, challenger, moves[live.ordinal() * CHANNELS + challenger.ordinal()]));
      }
    }
    List<ChallengerDiff.CriterionShift> criteria = new ArrayList<>(shifts.size());
    shifts.forEach((code, shift) ->
        criteria.add(new ChallengerDiff.CriterionShift(code, shift[0], shift[1], shift[2], shift[3])));
    return new ChallengerDiff(pack.compiled.version(), since, compared, liveFailures, failures, dropped.sum(),
        pending.get(), listenerFailures, moveList, criteria);
  }

  /**
   * Stops comparing at once, for a challenger replaced or removed: what is queued is skipped, a
   * comparison under way finishes, and the threads end when the queue is empty.
   */
  void retire() {
    open = false;
    retired = true;
    executor.shutdown();
    pack.retire();
  }

  /**
   * Compares what is queued, for up to {@code waitNanos}, then stops the threads; what is still
   * queued then is counted as dropped (and logged). Offers made afterwards are dropped.
   *
   * @return whether every queued comparison finished in time
   */
  boolean close(long waitNanos) {
    open = false;
    executor.shutdown();
    boolean drained;
    try {
      drained = executor.awaitTermination(waitNanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      drained = false;
    }
    if (!drained) {
      retired = true;  // a task that starts now skips its work
      int left = 0;
      for (Runnable task : executor.shutdownNow()) {
        left += ((Task) task).declarations.size();
      }
      drop(left);
      LOG.log(System.Logger.Level.WARNING, "challenger " + pack.compiled.version() + ": closing stopped waiting"
          + " after " + RiskEngine.Builder.describe(Duration.ofNanos(waitNanos)) + "; " + left
          + " queued declarations were not compared (counted as dropped)");
    }
    pack.retire();
    return drained;
  }

  /** Whether every challenger thread has ended; for tests. */
  boolean terminated() {
    return executor.isTerminated();
  }
}
