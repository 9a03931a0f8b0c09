package io.riskgate.spark;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.riskgate.RiskEngine;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The engines of this JVM, one per pack content hash: the first task of a pack on an executor
 * compiles it (a few seconds for vn-baseline), the tasks running beside it wait for that compile
 * rather than start their own, and every later task of the job, or of a later job in the same
 * executor, takes the compiled engine. A {@link RiskEngine} is thread-safe, so the tasks of one
 * executor share it.
 *
 * <p>Static on purpose: it is the executor JVM's, not a task's, and tasks come and go.
 */
final class ExecutorEngines {
  /**
   * Bounded like the engine's own cache of compiled packs: an executor that lives for many jobs
   * (a notebook's, a shared cluster's) keeps the packs of the last few, not of every job it ran.
   */
  private static final Cache<String, RiskEngine> ENGINES = Caffeine.newBuilder().maximumSize(4).build();
  private static final AtomicInteger COMPILES = new AtomicInteger();

  private ExecutorEngines() {}

  /** The engine for the pack, compiled on first use in this JVM. */
  static RiskEngine engine(PackShipment pack) {
    return ENGINES.get(pack.contentHash(), hash -> {
      COMPILES.incrementAndGet();
      return RiskEngine.builder().pack(pack.load()).build();
    });
  }

  /** How many packs this JVM compiled: for tests, which check that it is one per pack. */
  static int compiles() {
    return COMPILES.get();
  }
}
