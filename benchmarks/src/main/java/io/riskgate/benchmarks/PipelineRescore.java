package io.riskgate.benchmarks;

import io.riskgate.Assessment;
import io.riskgate.RiskEngine;
import io.riskgate.RiskgateJson;
import io.riskgate.RulePack;
import io.riskgate.declaration.Declaration;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The rescore steps without the command line around them, for when the CLI jar is not built: read
 * JSON Lines, bind each line with {@link RiskgateJson}, assess chunks with
 * {@link RiskEngine#assessAll} on {@code threads} workers, write the assessments as JSON Lines in
 * input order. Prints a line in the CLI's own format ("throughput N declarations/s: ...") so that
 * {@link EndToEndRescore} reads both the same way.
 *
 * <pre>java -Xmx512m -cp benchmarks/target/benchmarks.jar io.riskgate.benchmarks.PipelineRescore in.jsonl out.jsonl 2</pre>
 */
public final class PipelineRescore {
  private static final int CHUNK = 500;

  private PipelineRescore() {}

  /** Arguments: input file, output file, threads. */
  public static void main(String[] args) throws Exception {
    Path in = Path.of(args[0]);
    Path out = Path.of(args[1]);
    int threads = Integer.parseInt(args[2]);
    long compileStart = System.nanoTime();
    RulePack pack = Workload.vnBaseline();
    RiskEngine engine = RiskEngine.builder().pack(pack).build();  // sessions of the engine's size, as rescore
    double compileSeconds = (System.nanoTime() - compileStart) / 1e9;
    RiskgateJson json = RiskgateJson.defaults();
    long start = System.nanoTime();
    long assessed = 0;
    ExecutorService workers = Executors.newFixedThreadPool(threads);
    // Bounded: at most two chunks per worker in flight, so memory does not grow with the input.
    BlockingQueue<Future<List<String>>> inFlight = new ArrayBlockingQueue<>(2 * threads);
    try (BufferedReader reader = Files.newBufferedReader(in, StandardCharsets.UTF_8);
         BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      long lineNumber = 0;
      boolean more = true;
      while (more || !inFlight.isEmpty()) {
        if (more && inFlight.remainingCapacity() > 0) {
          List<String> lines = new ArrayList<>(CHUNK);
          String line;
          while (lines.size() < CHUNK && (line = reader.readLine()) != null) {
            lines.add(line);
          }
          more = lines.size() == CHUNK;
          if (!lines.isEmpty()) {
            long first = lineNumber + 1;
            lineNumber += lines.size();
            inFlight.add(workers.submit(() -> process(engine, json, lines, first)));
          }
          continue;
        }
        for (String assessment : inFlight.take().get()) {
          writer.write(assessment);
          writer.newLine();
          assessed++;
        }
      }
    } finally {
      workers.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT,
        "throughput %,.0f declarations/s: %,d assessed in %.2f s on %d thread%s (pack compiled in %.2f s)%n",
        assessed / seconds, assessed, seconds, threads, threads == 1 ? "" : "s", compileSeconds);
  }

  private static List<String> process(RiskEngine engine, RiskgateJson json, List<String> lines, long first) {
    List<Declaration> declarations = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      declarations.add(json.readDeclaration(lines.get(i), first + i));
    }
    List<String> out = new ArrayList<>(lines.size());
    for (Assessment assessment : engine.assessAll(declarations)) {
      out.add(json.writeAssessment(assessment));
    }
    return out;
  }
}
