package io.riskgate.benchmarks;

import io.riskgate.RiskEngine;
import io.riskgate.RulePack;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How much heap do reloads retain? Builds an engine, reloads an edited copy of the pack (a new
 * content hash each time, so each is compiled) {@code reloads} times, and prints the heap in use
 * after a full GC at the start and after every tenth of the reloads. The engine keeps a bounded
 * cache of compiled packs (8 by default, {@code riskgate.compiledPackCacheSize}), so the heap
 * should grow for the first few reloads and then stay flat; growth that goes on is a leak.
 *
 * <p>Not a JMH benchmark: it measures what stays, not how long it takes.
 * <pre>java -Xmx1g -cp benchmarks/target/benchmarks.jar io.riskgate.benchmarks.ReloadHeap vn-baseline 100</pre>
 */
public final class ReloadHeap {
  private ReloadHeap() {}

  /** Arguments: the pack ({@code vn-baseline}, {@code generated-5000}, ...) and the number of reloads. */
  public static void main(String[] args) throws Exception {
    String packName = args.length > 0 ? args[0] : "vn-baseline";
    int reloads = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    Path work = Files.createTempDirectory("riskgate-reload-heap");
    try {
      RulePack pack = Workload.pack(packName, work.resolve("pack"));
      RiskEngine engine = Workload.engine(pack);
      long start = usedAfterGc();
      System.out.printf(Locale.ROOT, "pack %s (%d DRL files), %d reloads%n", pack.version(),
          pack.drlPaths().size(), reloads);
      System.out.printf(Locale.ROOT, "%8s %14s %14s %12s%n", "reloads", "heap used MB", "growth MB", "last ms");
      System.out.printf(Locale.ROOT, "%8d %14.1f %14.1f %12s%n", 0, mb(start), 0.0, "-");
      int step = Math.max(1, reloads / 10);
      for (int i = 1; i <= reloads; i++) {
        Path copy = work.resolve("copy-" + i);
        RulePack edited = PackCopies.copy(pack, copy, Integer.toString(i));
        long began = System.nanoTime();
        engine.reload(edited);
        long millis = (System.nanoTime() - began) / 1_000_000;
        PackCopies.delete(copy);
        if (i % step == 0 || i == reloads) {
          long used = usedAfterGc();
          System.out.printf(Locale.ROOT, "%8d %14.1f %14.1f %12d%n", i, mb(used), mb(used - start), millis);
        }
      }
      // Keep the engine reachable until the last measurement.
      System.out.println("serving " + engine.pack());
    } finally {
      PackCopies.delete(work);
    }
  }

  /** Heap in use after full collections, once it stops shrinking. */
  private static long usedAfterGc() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long previous = Long.MAX_VALUE;
    for (int i = 0; i < 10; i++) {
      System.gc();
      Thread.sleep(50);
      long used = memory.getHeapMemoryUsage().getUsed();
      if (used >= previous - (1 << 20)) {
        return Math.min(used, previous);
      }
      previous = used;
    }
    return previous;
  }

  private static double mb(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }
}
