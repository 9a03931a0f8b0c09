package io.riskgate;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskgate.declaration.Declaration;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Soak: eight threads call {@code assess} and {@code assessAll} while the pack is reloaded every
 * 100 ms, one reload in ten with a broken pack (a syntax error, or code a pack may not use). Every
 * result must equal the sequential result for its pack version, every {@code assessAll} must come
 * from one version, nothing may throw, and the heap must not grow with the reloads.
 *
 * <p>Runs for {@code riskgate.soak.seconds} (5 by default; the {@code long} Maven profile runs
 * 120). It prints its figures on standard output; docs/reliability.md quotes the last long run.
 */
class SoakTest {
  private static final Clock FIXED = Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC);
  private static final RulePack V1 = RulePack.fromDirectory(TestDeclarations.pack("basic"));
  private static final RulePack V2 = RulePack.fromDirectory(TestDeclarations.pack("basic-v2"));
  private static final int THREADS = 8;
  /** Most the heap may grow over the whole run, all reloads included. */
  private static final long HEAP_GROWTH_LIMIT = 32L << 20;

  @TempDir
  Path temp;

  @Test
  void eightThreadsWhileThePackReloadsEvery100ms_everyResultMatchesItsVersion() throws Exception {
    Duration length = Duration.ofSeconds(Long.getLong("riskgate.soak.seconds", 5));
    List<Declaration> declarations = ReloadConcurrencyTest.declarations();
    Map<String, Map<String, Assessment>> expected = Map.of(
        V1.version().contentHash(), ReloadConcurrencyTest.expected(V1, declarations),
        V2.version().contentHash(), ReloadConcurrencyTest.expected(V2, declarations));
    List<RulePack> broken = List.of(broken("syntax", "Declaration( =="), broken("exit", "Declaration()"));

    RiskEngine engine = RiskEngine.builder().pack(V1).clock(FIXED).batchSize(40).build();
    engine.assessAll(declarations);
    engine.reload(V2);
    engine.assessAll(declarations);
    long heapBefore = usedHeapAfterGc();

    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong assessed = new AtomicLong();
    Queue<String> failures = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      workers.add(pool.submit(() -> {
        int round = 0;
        while (running.get()) {
          try {
            List<Declaration> input;
            List<Assessment> results;
            if ((round + thread) % 4 == 0) {
              input = List.of(declarations.get((round * 7 + thread) % declarations.size()));
              results = List.of(engine.assess(input.get(0)));
            } else {
              int from = (round * 31 + thread * 17) % (declarations.size() - 100);
              input = declarations.subList(from, from + 100);
              results = engine.assessAll(input);
            }
            if (results.stream().map(Assessment::pack).distinct().count() != 1) {
              failures.add("one call mixed pack versions: " + results.stream().map(Assessment::pack).distinct().toList());
            }
            for (int i = 0; i < results.size(); i++) {
              Assessment actual = results.get(i);
              Assessment wanted = expected.get(actual.pack().contentHash()).get(input.get(i).number());
              if (!actual.equals(wanted)) {
                failures.add(actual + " != " + wanted);
              }
            }
            assessed.addAndGet(results.size());
          } catch (Throwable e) {
            failures.add(thread + ": " + e);
          }
          round++;
        }
        return null;
      }));
    }

    long deadline = System.nanoTime() + length.toNanos();
    int reloads = 0;
    int refused = 0;
    while (System.nanoTime() < deadline) {
      Thread.sleep(100);
      reloads++;
      if (reloads % 10 == 0) {
        PackVersion serving = engine.pack();
        try {
          engine.reload(broken.get((reloads / 10) % broken.size()));
          failures.add("a broken pack was accepted");
        } catch (RulePackException e) {
          refused++;
        }
        if (!engine.pack().equals(serving)) {
          failures.add("a refused reload changed the serving pack");
        }
      } else {
        engine.reload(reloads % 2 == 0 ? V1 : V2);
      }
    }
    running.set(false);
    for (Future<?> worker : workers) {
      worker.get(2, TimeUnit.MINUTES);
    }
    pool.shutdown();
    long heapAfter = usedHeapAfterGc();

    System.out.printf("soak: %d s, %d reloads (%d refused), %,d assessments, heap %d -> %d MB%n",
        length.toSeconds(), reloads, refused, assessed.get(), heapBefore >> 20, heapAfter >> 20);
    assertThat(failures).isEmpty();
    assertThat(refused).isPositive();
    assertThat(assessed.get()).isGreaterThan(reloads);
    assertThat(heapAfter - heapBefore).as("heap growth over %d reloads", reloads).isLessThan(HEAP_GROWTH_LIMIT);
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {  // the lowest of a few collections: one may leave garbage behind
      System.gc();
      Thread.sleep(50);
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  /** A copy of the basic pack with one rule that does not load: a syntax error, or System.exit. */
  private RulePack broken(String name, String condition) throws IOException {
    Path pack = temp.resolve(name);
    Files.createDirectories(pack.resolve("rules"));
    Files.copy(TestDeclarations.pack("basic").resolve("pack.json"), pack.resolve("pack.json"));
    Files.writeString(pack.resolve("rules/criteria.drl"), String.join("\n",
        "package broken;",
        "import io.riskgate.declaration.Declaration;",
        "global io.riskgate.Risk risk;",
        "rule \"Broken\" @code(\"X-1\")",
        "when",
        "  $d : " + condition,
        "then",
        "  System.exit(0);",
        "end",
        ""));
    return RulePack.fromDirectory(pack);
  }
}
