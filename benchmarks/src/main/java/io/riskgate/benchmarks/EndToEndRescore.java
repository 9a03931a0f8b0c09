package io.riskgate.benchmarks;

import io.riskgate.RulePack;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * How fast does a year re-score, in how much memory? Writes {@code declarations} generated
 * declarations (seeded) as JSON Lines once, then runs {@code riskgate rescore} (the CLI jar, as a
 * user runs it) on them in a fresh JVM with a fixed heap, on 1 and on 2 worker threads, alternating,
 * {@code runs} times each. Reports the rescore's own throughput (parse, assess, write; the pack
 * compile is excluded and printed apart), the wall time of the whole process, and the peak heap:
 * the largest heap occupancy before a collection, read from the child's GC log.
 *
 * <p>A separate JVM per run rather than JMH, because the heap limit and the JIT's warm-up are part
 * of the question. Given {@code --cli} more than once, the jars take turns run by run, so that two
 * builds are compared under the same load; the summary gives each jar's median beside the first's.
 *
 * <p>With {@code --repeat N} the CLI reads the input N times over from its standard input
 * ({@code --in -}), so that a national year (13 million declarations) runs without writing 19 GB
 * of input: {@code --declarations 1000000 --repeat 13}.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.riskgate.benchmarks.EndToEndRescore \
 *     --declarations 1000000 --runs 3 --heap 512m --cli examples/target/riskgate.jar</pre>
 */
@Command(name = "EndToEndRescore", description = "riskgate rescore of generated declarations in a fixed heap, 1 and 2 threads")
public final class EndToEndRescore implements Callable<Integer> {
  private static final Pattern THROUGHPUT = Pattern.compile(
      "throughput ([\\d,]+) declarations/s: ([\\d,]+) assessed in ([\\d.]+) s on (\\d+) threads? \\(pack compiled in ([\\d.]+) s\\)");
  /** The line newer CLIs print after the throughput: where the workers' time went. */
  private static final Pattern TIMES = Pattern.compile(
      "worker time per declaration: ([\\d.]+) us reading, ([\\d.]+) us assessing, ([\\d.]+) us writing");
  /** A G1 pause line: "... Pause Young (Normal) (G1 Evacuation Pause) 300M->42M(512M) 3.1ms". */
  private static final Pattern GC = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

  /**
   * The outcome of one run; the worker's microseconds per declaration are NaN for a CLI that does
   * not print them.
   */
  record Run(Path cli, String pack, int threads, double perSecond, long assessed, double rescoreSeconds,
      double compileSeconds, double wallSeconds, long peakHeapMb, int exitCode, double readMicros,
      double assessMicros, double writeMicros) {}

  /** The bundled vn-baseline, and the one-rule floor pack of this jar's resources. */
  private static final String VN_BASELINE = "vn-baseline";
  private static final String FLOOR = "floor";

  @Spec
  private CommandSpec spec;

  @Option(names = "--declarations", paramLabel = "N", description = "generated declarations (default: ${DEFAULT-VALUE})")
  private int declarations = 1_000_000;

  @Option(names = "--items", paramLabel = "N", description = "items per declaration, 0 for the realistic mix (default: ${DEFAULT-VALUE})")
  private int items;

  @Option(names = "--runs", paramLabel = "N", description = "runs per thread count (default: ${DEFAULT-VALUE})")
  private int runs = 3;

  @Option(names = "--repeat", paramLabel = "N", description = "times the CLI reads the input over (default: ${DEFAULT-VALUE})")
  private int repeat = 1;

  @Option(names = "--heap", paramLabel = "SIZE", description = "the rescore's -Xmx (default: ${DEFAULT-VALUE})")
  private String heap = "512m";

  @Option(names = "--threads", paramLabel = "N", split = ",", description = "worker threads, a run each (default: 1,2)")
  private int[] threads = {1, 2};

  @Option(names = "--floor", description = "also run each thread count with a pack of one rule that never"
      + " fires: what reading, binding and writing cost on their own")
  private boolean floor;

  @Option(names = "--cli", paramLabel = "JAR", description = "the CLI jar; twice or more to compare builds (default: ${DEFAULT-VALUE})")
  private List<Path> clis = List.of(Path.of("examples/target/riskgate.jar"));

  @Option(names = "--work", paramLabel = "DIR", description = "where the input and outputs go (default: a temporary directory)")
  private Path work;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "prints this and exits")
  private boolean help;

  public static void main(String[] args) {
    Tools.run(new EndToEndRescore(), args);
  }

  @Override
  public Integer call() throws Exception {
    for (Path cli : clis) {
      if (!Files.isRegularFile(cli)) {
        throw new ParameterException(spec.commandLine(), "no CLI jar at " + cli
            + "; build it with 'mvn -B -q package -DskipTests -pl examples -am'");
      }
    }
    if (declarations < 1 || runs < 1 || repeat < 1 || threads.length == 0) {
      throw new ParameterException(spec.commandLine(), "--declarations, --runs and --repeat must be at least 1");
    }
    Path dir = work != null ? Files.createDirectories(work) : Files.createTempDirectory("riskgate-e2e");
    Path input = dir.resolve("declarations-" + declarations + (items > 0 ? "x" + items : "") + ".jsonl");
    if (!Files.isRegularFile(input)) {
      long start = System.nanoTime();
      Path partial = dir.resolve(input.getFileName() + ".partial");
      try (BufferedWriter writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
        Workload.writeJsonl(writer, declarations, items, Workload.SEED);
      }
      Files.move(partial, input);
      System.out.printf(Locale.ROOT, "generated %,d declarations (%,d MB) in %.1f s%n", declarations,
          Files.size(input) >> 20, (System.nanoTime() - start) / 1e9);
    }
    System.out.printf(Locale.ROOT, "input %s, %,d declarations%s; riskgate rescore %s; heap -Xmx%s; JDK %s%n", input,
        declarations, repeat > 1 ? String.format(Locale.ROOT, " read %d times (%,d in all)", repeat,
            (long) declarations * repeat) : "", clis, heap, System.getProperty("java.version"));
    List<String> packs = new ArrayList<>(List.of(VN_BASELINE));
    if (floor) {
      PackCopies.copy(RulePack.fromClasspath("packs/" + FLOOR), dir.resolve(FLOOR));
      packs.add(FLOOR);
    }
    List<Run> all = new ArrayList<>();
    for (int r = 1; r <= runs; r++) {
      for (String pack : packs) {
        for (int t : threads) {
          // The jars in a rotated order each round, so that none always runs first.
          for (int j = 0; j < clis.size(); j++) {
            Path cli = clis.get((j + r - 1) % clis.size());
            Run run = runOnce(cli, pack, input, repeat, dir, t, heap, r);
            all.add(run);
            System.out.printf(Locale.ROOT, "run %d: %s, %s, %d thread(s): %,.0f declarations/s (%,d in %.2f s), "
                    + "compile %.2f s, wall %.2f s, peak heap %d MB, exit %d, load %s%n", r, cli, pack, t,
                run.perSecond(), run.assessed(), run.rescoreSeconds(), run.compileSeconds(), run.wallSeconds(),
                run.peakHeapMb(), run.exitCode(), load());
          }
        }
      }
    }
    System.out.println();
    String row = "%-" + clis.stream().mapToInt(cli -> cli.toString().length()).max().orElse(3)
        + "s %-11s %7s %5s %14s %14s %17s %15s %12s %29s%n";
    System.out.printf(Locale.ROOT, row, "jar", "pack", "threads", "runs", "median decl/s",
        "median wall s", "max peak heap MB", "ratio to first", "x 1st count", "worker us read/assess/write");
    boolean failed = false;
    for (String pack : packs) {
      for (int t : threads) {
        double first = Double.NaN;
        for (Path cli : clis) {
          List<Run> mine = runs(all, cli, pack, t);
          double median = median(mine.stream().mapToDouble(Run::perSecond).toArray());
          double wall = median(mine.stream().mapToDouble(Run::wallSeconds).toArray());
          long peak = mine.stream().mapToLong(Run::peakHeapMb).max().orElse(-1);
          double one = median(runs(all, cli, pack, threads[0]).stream().mapToDouble(Run::perSecond).toArray());
          first = Double.isNaN(first) ? median : first;
          System.out.printf(Locale.ROOT, row, cli, pack, t, mine.size(), String.format(Locale.ROOT, "%,.0f", median),
              String.format(Locale.ROOT, "%.2f", wall), peak, String.format(Locale.ROOT, "%.3f", median / first),
              String.format(Locale.ROOT, "%.2f", median / one), String.format(Locale.ROOT, "%.1f / %.1f / %.1f",
                  median(mine.stream().mapToDouble(Run::readMicros).toArray()),
                  median(mine.stream().mapToDouble(Run::assessMicros).toArray()),
                  median(mine.stream().mapToDouble(Run::writeMicros).toArray())));
          failed |= mine.stream().anyMatch(run -> run.exitCode() != 0 || run.assessed() != all.get(0).assessed());
        }
      }
    }
    if (failed) {
      System.err.println("a run failed or assessed a different number of declarations");
      return 1;
    }
    return 0;
  }

  private static List<Run> runs(List<Run> all, Path cli, String pack, int threads) {
    return all.stream().filter(run -> run.threads() == threads && run.cli().equals(cli) && run.pack().equals(pack))
        .toList();
  }

  /** The load average over the last minute: on a shared machine, how much else was running. */
  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static Run runOnce(Path cli, String pack, Path input, int repeat, Path dir, int threads, String heap,
      int run) throws IOException, InterruptedException {
    Path out = dir.resolve("assessments-" + threads + ".jsonl");
    Path gcLog = dir.resolve("gc-" + threads + "-" + run + ".log");
    Path stdout = dir.resolve("stdout-" + threads + "-" + run + ".txt");
    Files.deleteIfExists(gcLog);  // another jar's run of the same round wrote one of this name
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + heap, "-Xlog:gc:file=" + gcLog));
    command.addAll(List.of("-jar", cli.toString(), "rescore", "--in", repeat > 1 ? "-" : input.toString(),
        "--out", out.toString(), "--threads", Integer.toString(threads), "--quiet"));
    if (!pack.equals(VN_BASELINE)) {
      command.addAll(List.of("--pack", dir.resolve(pack).toString()));
    }
    long start = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(stdout.toFile()).start();
    Thread feeder = new Thread(() -> {
      try (OutputStream stdin = process.getOutputStream()) {
        for (int i = 0; i < repeat && repeat > 1; i++) {
          Files.copy(input, stdin);
        }
      } catch (IOException e) {
        System.err.println("feeding the input failed: " + e.getMessage());
      }
    }, "e2e-feeder");
    feeder.start();
    int exit = process.waitFor();
    feeder.join();
    double wall = (System.nanoTime() - start) / 1e9;
    String text = Files.readString(stdout);
    Matcher m = THROUGHPUT.matcher(text);
    if (!m.find()) {
      System.err.println(text);
      throw new IllegalStateException("no throughput line in the output of " + command);
    }
    long peak = 0;
    for (String line : Files.readAllLines(gcLog)) {
      Matcher gc = GC.matcher(line);
      if (gc.find()) {
        peak = Math.max(peak, Long.parseLong(gc.group(1)));
      }
    }
    Files.deleteIfExists(out);
    Matcher times = TIMES.matcher(text);
    boolean timed = times.find();
    return new Run(cli, pack, threads, Double.parseDouble(m.group(1).replace(",", "")),
        Long.parseLong(m.group(2).replace(",", "")), Double.parseDouble(m.group(3)),
        Double.parseDouble(m.group(5)), wall, peak, exit, timed ? Double.parseDouble(times.group(1)) : Double.NaN,
        timed ? Double.parseDouble(times.group(2)) : Double.NaN, timed ? Double.parseDouble(times.group(3)) : Double.NaN);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
