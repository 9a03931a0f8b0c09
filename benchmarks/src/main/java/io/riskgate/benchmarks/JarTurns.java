package io.riskgate.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Parameters;

/**
 * Is a change faster? Two or more builds of {@code benchmarks.jar} (say, before and after a change),
 * each loaded in a class loader of its own inside one JVM, assess the same generated declarations
 * ({@code vn-baseline}, {@code --declarations} of {@code --items} each, or the realistic mix if 0)
 * with {@code assessAll}, taking {@link Turns}. Each jar has a class loader of its own, so the JIT
 * profiles each build's Drools apart, as separate JMH forks would.
 *
 * <p>Not JMH, on purpose: a change worth a tenth is smaller than what two JMH forks minutes apart
 * differ by on a shared machine; here every build sees the same load, second by second.
 *
 * <p>But one JVM is one draw: the same jar given twice can settle a tenth or more apart, and which
 * copy is faster changes from JVM to JVM (the JIT compiles each class loader's Drools on its own).
 * So {@code --jvms N} (a multiple of the number of jars) runs the turns in N JVMs one after another,
 * the jars in a rotated order in each, and prints each jar's median in each JVM, the median over
 * the JVMs, and the median of its per-JVM ratios to the first jar with their range. A difference
 * within the range that a jar shows against a copy of itself is not one. {@code --jvms 1}, the
 * default, runs the turns in this JVM and prints every jar's median, fastest round and rounds won.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.riskgate.benchmarks.JarTurns \
 *     --jvms 6 --rounds 16 before/benchmarks.jar benchmarks/target/benchmarks.jar</pre>
 */
@Command(name = "JarTurns", description = "Builds of benchmarks.jar assessing in turns")
public final class JarTurns implements Callable<Integer> {
  /** Marks a JVM that {@link #inJvms} started; it prints its medians as {@link #MEDIAN} lines. */
  private static final String CHILD = "--child";
  private static final String MEDIAN = "median\t";

  /** One jar's engine, input and entry point, all from its own class loader. */
  private record Side(ClassLoader loader, Object engine, Object input, Method assessAll) {

    static Side load(String spec, int declarations, int items) throws ReflectiveOperationException, IOException {
      Path jar = Path.of(spec);
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
      Object engine = workload.getMethod("engine", rulePack).invoke(null, pack);
      Method assessAll = loader.loadClass("io.riskgate.RiskEngine").getMethod("assessAll", List.class);
      return new Side(loader, engine, input, assessAll);
    }
  }

  @Spec
  private CommandSpec spec;

  @Mixin
  private final WorkloadOptions options = new WorkloadOptions(2_000, 0, 20, 4);

  @Option(names = "--jvms", paramLabel = "N", description = "JVMs to run the turns in, one after another (default: ${DEFAULT-VALUE})")
  private int jvms = 1;

  @Option(names = CHILD, hidden = true)
  private boolean child;

  @Parameters(paramLabel = "JAR", arity = "1..*", description = "builds of benchmarks.jar")
  private List<String> jars;

  public static void main(String[] args) {
    Tools.run(new JarTurns(), args);
  }

  @Override
  public Integer call() throws Exception {
    options.check();
    if (jvms < 1) {
      throw new ParameterException(spec.commandLine(), "--jvms must be at least 1");
    }
    if (jvms > 1 && jars.stream().distinct().count() < jars.size()) {
      throw new ParameterException(spec.commandLine(), "with --jvms, name each jar once (copy a jar to compare it with itself)");
    }
    if (jvms > 1 && jvms % jars.size() != 0) {
      // Otherwise some jar takes its turn first in more JVMs than another.
      throw new ParameterException(spec.commandLine(), "--jvms must be a multiple of the number of jars (" + jars.size() + ")");
    }
    System.out.println(options.describe());
    if (jvms > 1) {
      List<String> arguments = new ArrayList<>(options.arguments());
      arguments.add(CHILD);
      inJvms(jvms, arguments, jars);
      return 0;
    }
    List<Side> sides = new ArrayList<>();
    for (String jar : jars) {
      sides.add(Side.load(jar, options.declarations, options.items));
    }
    double[][] micros = Turns.take(sides.size(), options.rounds, options.warmup, s -> {
      Side side = sides.get(s);
      Thread.currentThread().setContextClassLoader(side.loader());
      return ((List<?>) side.assessAll().invoke(side.engine(), side.input())).size();
    });
    if (child) {
      for (int s = 0; s < jars.size(); s++) {
        System.out.println(MEDIAN + jars.get(s) + "\t" + Turns.median(micros[s]));
      }
    } else {
      Turns.print(micros, jars);
    }
    return 0;
  }

  /**
   * The turns in {@code jvms} JVMs one after another, the jars rotated by one place each time, each
   * JVM started with this JVM's options (heap, flags, properties), so that both measure the same.
   */
  private static void inJvms(int jvms, List<String> arguments, List<String> jars) throws IOException, InterruptedException {
    List<Map<String, Double>> perJvm = new ArrayList<>();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // A debugger, profiler, recording or log file given to this JVM stays with it: N children
    // cannot share its port or write one file.
    List<String> jvmOptions = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(option -> !option.startsWith("-agentlib:") && !option.startsWith("-agentpath:")
            && !option.startsWith("-javaagent:") && !option.startsWith("-Xrunjdwp")
            && !option.startsWith("-XX:StartFlightRecording") && !option.startsWith("-Xlog:"))
        .toList();
    for (int jvm = 0; jvm < jvms; jvm++) {
      List<String> command = new ArrayList<>(List.of(java));
      command.addAll(jvmOptions);
      command.addAll(List.of("-cp", System.getProperty("java.class.path"), JarTurns.class.getName()));
      command.addAll(arguments);
      for (int j = 0; j < jars.size(); j++) {
        command.add(jars.get((j + jvm) % jars.size()));
      }
      perJvm.add(child(jvm, jvms, new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start(), jars));
    }
    System.out.printf("%d JVMs, the jars in a rotated order in each%n", jvms);
    System.out.printf("%-40s  %-10s  %s%n", "", "median", "median in each JVM (us/decl); "
        + "median of the per-JVM ratios to the first jar (min-max)");
    for (String jar : jars) {
      double[] own = new double[jvms];
      double[] ratios = new double[jvms];
      StringBuilder each = new StringBuilder();
      for (int jvm = 0; jvm < jvms; jvm++) {
        own[jvm] = perJvm.get(jvm).get(jar);
        ratios[jvm] = own[jvm] / perJvm.get(jvm).get(jars.get(0));
        each.append(String.format(" %7.2f", own[jvm]));
      }
      String ratio = jar.equals(jars.get(0)) ? "" : String.format(";  ratio %.3f (%.3f-%.3f)", Turns.median(ratios),
          Arrays.stream(ratios).min().orElseThrow(), Arrays.stream(ratios).max().orElseThrow());
      System.out.printf("%-40s  %-10.2f%s%s%n", jar, Turns.median(own), each, ratio);
    }
  }

  /**
   * Each jar's median in one child JVM, which must report every jar exactly once: a ratio pairs
   * two jars' medians from the same JVM. The child's other lines go to stderr as progress. A child
   * still running when this fails is killed, lest it go on using the cores for minutes.
   */
  private static Map<String, Double> child(int jvm, int jvms, Process process, List<String> jars)
      throws IOException, InterruptedException {
    String name = "JVM " + (jvm + 1) + " of " + jvms;
    Map<String, Double> medians = new HashMap<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (!line.startsWith(MEDIAN)) {
          System.err.println("[" + name + "] " + line);
          continue;
        }
        String[] fields = line.split("\t");
        if (fields.length != 3 || !jars.contains(fields[1]) || medians.put(fields[1], Double.valueOf(fields[2])) != null) {
          throw new IllegalStateException(name + " printed an unexpected median line: " + line);
        }
      }
      if (process.waitFor() != 0) {
        throw new IllegalStateException(name + " exited with " + process.exitValue());
      }
    } finally {
      if (process.isAlive()) {
        process.destroyForcibly();
      }
    }
    if (!medians.keySet().containsAll(jars)) {
      throw new IllegalStateException(name + " reported medians for " + medians.keySet() + ", not for all of " + jars);
    }
    return medians;
  }
}
