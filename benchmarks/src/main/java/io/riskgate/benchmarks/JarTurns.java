package io.riskgate.benchmarks;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Is a change faster? Two or more builds of {@code benchmarks.jar} (say, before and after a change),
 * each loaded in a class loader of its own inside one JVM, assess the same generated declarations
 * ({@code vn-baseline}, {@code --declarations} of {@code --items} each, or the realistic mix if 0)
 * with {@code assessAll}, taking {@link Turns}. Prints each jar's median and fastest time per
 * declaration over the rounds, and the rounds in which it beat the first jar.
 *
 * <p>A participant written {@code naive:JAR} runs that jar's {@link NaiveDrools} instead (a new
 * session per declaration, item criteria with {@code from $d.items}, as in
 * {@link NaiveDroolsBenchmark}): {@code JAR naive:JAR} measures the naive/engine ratio with both
 * sides under the same load. Each participant has a class loader of its own, so the JIT profiles
 * Drools' code for each apart, as separate JMH forks would.
 *
 * <p>Not JMH, on purpose: a change worth a tenth is smaller than what two JMH forks minutes apart
 * differ by on this shared machine; here every participant sees the same load, second by second.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.riskgate.benchmarks.JarTurns \
 *     --rounds 20 before/benchmarks.jar benchmarks/target/benchmarks.jar
 * java -cp benchmarks/target/benchmarks.jar io.riskgate.benchmarks.JarTurns \
 *     --rounds 20 benchmarks/target/benchmarks.jar naive:benchmarks/target/benchmarks.jar</pre>
 */
public final class JarTurns {
  private JarTurns() {}

  /** One jar's scorer, input and entry point, all from its own class loader. */
  private record Side(ClassLoader loader, boolean naive, Object scorer, Object input, Method assess) {
    private static final String NAIVE = "naive:";

    static Side load(String spec, int declarations, int items) throws ReflectiveOperationException, IOException {
      boolean naive = spec.startsWith(NAIVE);
      Path jar = Path.of(naive ? spec.substring(NAIVE.length()) : spec);
      if (!Files.isRegularFile(jar)) {
        throw new IllegalArgumentException("no such jar: " + jar);
      }
      // The platform loader as parent: nothing of Riskgate or Drools may come from this JVM's own
      // class path, or both sides would run the same code.
      ClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
      Thread.currentThread().setContextClassLoader(loader);  // Drools finds its services through it
      Class<?> workload = loader.loadClass(Workload.class.getName());
      Object pack = workload.getMethod("vnBaseline").invoke(null);
      Object input = workload.getMethod("declarations", int.class, int.class, long.class)
          .invoke(null, declarations, items, workload.getField("SEED").getLong(null));
      Class<?> rulePack = loader.loadClass("io.riskgate.RulePack");
      if (naive) {
        Object scorer = workload.getMethod("naive", rulePack).invoke(null, pack);
        Method assess = workload.getMethod("assessEach", scorer.getClass(), List.class);
        return new Side(loader, true, scorer, input, assess);
      }
      Object engine = workload.getMethod("engine", rulePack).invoke(null, pack);
      Method assessAll = loader.loadClass("io.riskgate.RiskEngine").getMethod("assessAll", List.class);
      return new Side(loader, false, engine, input, assessAll);
    }
  }

  /** Options: --declarations N, --items N, --rounds N, --warmup N, then the jars. */
  public static void main(String[] args) throws Exception {
    int declarations = 2_000;
    int items = 0;
    int rounds = 20;
    int warmup = 4;
    List<String> jars = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--declarations" -> declarations = Integer.parseInt(args[++i]);
        case "--items" -> items = Integer.parseInt(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        default -> jars.add(args[i]);
      }
    }
    if (jars.isEmpty()) {
      throw new IllegalArgumentException("usage: JarTurns [--declarations N] [--items N] [--rounds N] [--warmup N] [naive:]JAR...");
    }
    List<Side> sides = new ArrayList<>();
    for (String jar : jars) {
      sides.add(Side.load(jar, declarations, items));
    }
    System.out.printf("vn-baseline, %,d declarations (%s)%n", declarations,
        items == 0 ? "realistic mix" : items + " items each");
    double[][] micros = Turns.take(sides.size(), rounds, warmup, s -> {
      Side side = sides.get(s);
      Thread.currentThread().setContextClassLoader(side.loader());
      // One reflective call per list, either way: the naive loop, or the engine's assessAll.
      return side.naive() ? (int) side.assess().invoke(null, side.scorer(), side.input())
          : ((List<?>) side.assess().invoke(side.scorer(), side.input())).size();
    });
    Turns.print(micros, jars);
  }
}
