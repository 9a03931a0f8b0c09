package io.riskgate.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.riskgate.Assessment;
import io.riskgate.DeclarationException;
import io.riskgate.RiskEngine;
import io.riskgate.RiskgateJson;
import io.riskgate.RunningAssessment;
import io.riskgate.declaration.Declaration;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The streaming pipeline of {@code rescore}: one reader thread cuts the input into chunks of
 * lines, {@code threads} workers bind and assess each chunk (through {@link RiskEngine#assessAll})
 * and format its output, and the calling thread writes the chunks in input order, counts, and
 * compares with the baseline.
 *
 * <p>Memory stays constant whatever the input size: at most {@code 2 × threads} chunks are in
 * flight (the queue of futures is bounded and the reader blocks on it), and the counts are per
 * channel and per criterion, not per declaration.
 *
 * <p>Output is in input order, so two runs on the same input line up assessment by assessment: a
 * baseline is compared in lockstep, with no index of declarations held in memory.
 */
final class Rescorer {

  /**
   * What to run on; {@code stuckAfter} is how long a rule or condition may go without finishing
   * before the run stops (see {@link #stuck}).
   */
  record Settings(Source input, Path baseline, int threads, int chunkLines, int maxLineChars,
      Duration stuckAfter) {}

  /** A line set aside: its number, the declaration number if it was readable, and why. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Reject(long line, String declaration, String reason) {}

  /** What a run counted, and how long it took. */
  record Result(RunStats stats, BaselineDiff diff, long nanos) {
    double seconds() {
      return nanos / 1e9;
    }

    double perSecond() {
      return stats.assessed / Math.max(seconds(), 1e-9);
    }
  }

  private record Assessed(long line, Assessment assessment, String json, Outcome outcome) {}

  /** The declarations a worker is assessing, and their input lines: for naming a stuck line. */
  private record Work(List<Declaration> declarations, List<Long> lines) {}

  /** A processed chunk; {@code bytesRead} is how far the input had been read when it was cut. */
  private record Chunk(List<Assessed> assessed, List<Reject> rejects, long lastLine, long bytesRead) {}

  private static final ObjectWriter REJECT_WRITER = JsonMapper.builder().build().writer();
  private static final Future<Chunk> END = CompletableFuture.completedFuture(null);
  private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final RiskEngine engine;
  private final RiskgateJson json;
  private final Settings settings;
  private final Progress progress;
  private final Map<Thread, Work> working = new ConcurrentHashMap<>();

  Rescorer(RiskEngine engine, Settings settings, Progress progress) {
    this.engine = engine;
    this.settings = settings;
    this.progress = progress;
    this.json = RiskgateJson.builder().maxDeclarationChars(settings.maxLineChars()).build();
  }

  /**
   * Runs the whole input, writing assessments to {@code out} and rejected lines to
   * {@code rejects}; the caller commits them, or discards them on failure.
   *
   * @throws UserException for a file that cannot be read or written, or a baseline that does not
   *     match the input
   */
  Result run(StagedFile out, StagedFile rejects) throws InterruptedException {
    long start = System.nanoTime();
    RunStats stats = new RunStats();
    BaselineDiff diff = settings.baseline() == null ? null : new BaselineDiff();
    BlockingQueue<Future<Chunk>> inFlight = new ArrayBlockingQueue<>(2 * settings.threads());
    ExecutorService workers = Executors.newFixedThreadPool(settings.threads(), named("riskgate-worker"));
    Thread reader = named("riskgate-reader").newThread(() -> read(inFlight, workers));
    try (Baseline baseline = settings.baseline() == null ? null : new Baseline(settings.baseline(),
            settings.maxLineChars())) {
      reader.start();
      while (true) {
        Future<Chunk> next = inFlight.take();
        if (next == END) {
          break;
        }
        Chunk chunk = result(next);
        for (Assessed a : chunk.assessed()) {
          out.line(a.json());
          stats.assessed(a.assessment(), a.outcome());
          if (baseline != null) {
            diff.compare(baseline.next(a), a.assessment(), a.line());
          }
        }
        for (Reject reject : chunk.rejects()) {
          rejects.line(rejectJson(reject));
          stats.rejected();
        }
        progress.update(chunk.lastLine(), chunk.bytesRead());
      }
      if (baseline != null) {
        baseline.finish(stats.assessed);
      }
      progress.finish(stats.lines);
      return new Result(stats, diff, System.nanoTime() - start);
    } catch (IOException e) {
      throw new UserException("cannot write the output: " + StagedFile.describe(e), e);
    } finally {
      progress.clear();
      reader.interrupt();
      workers.shutdownNow();
      // Unblock a reader waiting for room, so it sees the interrupt and ends.
      inFlight.clear();
      reader.join();
    }
  }

  /**
   * Waits for a chunk, looking at the engine's sessions now and then: a worker whose rules have
   * gone {@code stuckAfter} without a rule starting to fire would otherwise hold the run for ever.
   */
  private Chunk result(Future<Chunk> future) throws InterruptedException {
    long tick = Math.max(10, Math.min(1_000, settings.stuckAfter().toMillis() / 4));
    try {
      while (true) {
        try {
          return future.get(tick, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          stuck();
        }
      }
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    }
  }

  /** Throws if a worker's session has stalled for {@code stuckAfter}, naming its line and rule. */
  private void stuck() {
    for (RunningAssessment running : engine.running()) {
      Work work = working.get(running.thread());
      if (work == null || running.stalled().compareTo(settings.stuckAfter()) < 0) {
        continue;
      }
      String where = "lines " + work.lines().get(0) + "-" + work.lines().get(work.lines().size() - 1);
      for (int i = 0; i < work.declarations().size(); i++) {
        if (work.declarations().get(i) == running.declaration()) {
          where = "line " + work.lines().get(i) + " (declaration " + running.declaration().number() + ")";
          break;
        }
      }
      throw new StuckException(String.format("%s: %s has not finished in %,d s (--stuck-after): the"
          + " run is stopped and its outputs are not written", where,
          running.rule() == null ? "a condition of the rules" : "rule '" + running.rule() + "'",
          settings.stuckAfter().toSeconds()));
    }
  }

  /** The reader thread: lines into chunks, chunks onto the workers, futures onto the queue. */
  private void read(BlockingQueue<Future<Chunk>> inFlight, ExecutorService workers) {
    try {
      try (LineReader lines = new LineReader(settings.input().open(), settings.maxLineChars())) {
        long lineNumber = 0;
        boolean more = true;
        while (more && !Thread.currentThread().isInterrupted()) {
          List<LineReader.Line> batch = new ArrayList<>(settings.chunkLines());
          LineReader.Line line = null;
          while (batch.size() < settings.chunkLines() && (line = lines.next()) != null) {
            batch.add(line);
          }
          more = line != null;
          if (batch.isEmpty()) {
            break;
          }
          String notJsonLines = lineNumber == 0 ? InputShape.problem(batch) : null;
          if (notJsonLines != null) {
            throw new UserException(settings.input().name() + ": " + notJsonLines);
          }
          long first = lineNumber + 1;
          long bytes = settings.input().bytesRead();
          lineNumber += batch.size();
          inFlight.put(workers.submit(() -> process(first, batch, bytes)));
        }
      } catch (IOException e) {
        inFlight.put(CompletableFuture.failedFuture(new UserException(
            settings.input().name() + ": cannot read: " + StagedFile.describe(e), e)));
        return;
      } catch (RuntimeException | Error e) {
        // An error too (out of memory, say): the writer waits for this thread's futures.
        inFlight.put(CompletableFuture.failedFuture(e));
        return;
      }
      inFlight.put(END);
    } catch (InterruptedException e) {
      // The writer gave up: nothing more to hand over.
      Thread.currentThread().interrupt();
    }
  }

  /** A worker: binds each line, assesses the chunk in one call, formats the output. */
  private Chunk process(long firstLine, List<LineReader.Line> lines, long bytesRead) {
    List<Declaration> declarations = new ArrayList<>(lines.size());
    List<Long> numbers = new ArrayList<>(lines.size());
    List<Outcome> outcomes = new ArrayList<>(lines.size());
    List<Reject> rejects = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      long number = firstLine + i;
      LineReader.Line line = lines.get(i);
      if (line.tooLong()) {
        rejects.add(new Reject(number, null, String.format(
            "line %d: the line is %,d characters long, more than the maximum %,d (--max-line-chars)",
            number, line.length(), settings.maxLineChars())));
        continue;
      }
      if (isBlank(line.bytes())) {
        rejects.add(new Reject(number, null, "line " + number + ": empty line, expected a declaration"));
        continue;
      }
      // Editors on Windows may start a UTF-8 file with a byte order mark; it is not JSON.
      byte[] bytes = number == 1 && startsWithByteOrderMark(line.bytes())
          ? Arrays.copyOfRange(line.bytes(), BYTE_ORDER_MARK.length, line.bytes().length) : line.bytes();
      try {
        JsonlRecord record = JsonlRecord.parse(bytes, number);
        declarations.add(json.readDeclaration(record.declarationJson(), number));
        numbers.add(number);
        outcomes.add(record.outcome());
      } catch (DeclarationException e) {
        rejects.add(new Reject(number, e.declarationNumber(), e.getMessage()));
      } catch (JsonlRecord.OutcomeException e) {
        rejects.add(new Reject(number, null, e.getMessage()));
      }
    }
    List<Assessment> assessments = List.of();
    if (!declarations.isEmpty()) {
      working.put(Thread.currentThread(), new Work(declarations, numbers));
      try {
        assessments = engine.assessAll(declarations);
      } finally {
        working.remove(Thread.currentThread());
      }
    }
    List<Assessed> assessed = new ArrayList<>(assessments.size());
    for (int i = 0; i < assessments.size(); i++) {
      Assessment assessment = assessments.get(i);
      assessed.add(new Assessed(numbers.get(i), assessment, json.writeAssessment(assessment),
          outcomes.get(i)));
    }
    return new Chunk(assessed, rejects, firstLine + lines.size() - 1, bytesRead);
  }

  private static boolean startsWithByteOrderMark(byte[] line) {
    return line.length >= BYTE_ORDER_MARK.length
        && Arrays.equals(line, 0, BYTE_ORDER_MARK.length, BYTE_ORDER_MARK, 0, BYTE_ORDER_MARK.length);
  }

  /** Whether the line is only white space, as {@link String#isBlank} tells. */
  private static boolean isBlank(byte[] line) {
    for (byte b : line) {
      if (b < 0) {
        // Not ASCII: Unicode has white space beyond it (such as U+3000); rare enough to decode.
        return new String(line, StandardCharsets.UTF_8).isBlank();
      }
      if (!Character.isWhitespace(b)) {
        return false;
      }
    }
    return true;
  }

  /** The baseline's assessments, read in step with this run's. */
  private static final class Baseline implements AutoCloseable {
    private final Path file;
    private final LineReader lines;
    private final RiskgateJson json = RiskgateJson.defaults();
    private long lineNumber;

    Baseline(Path file, int maxLineChars) {
      this.file = file;
      this.lines = new LineReader(Source.file(file).open(), maxLineChars);
    }

    Assessment next(Assessed now) throws IOException {
      LineReader.Line line = lines.next();
      lineNumber++;
      if (line == null) {
        throw mismatch("ends at line " + (lineNumber - 1) + ", but input line " + now.line()
            + " was assessed too");
      }
      if (line.tooLong()) {
        throw new UserException("baseline " + file + ": line " + lineNumber + " is too long");
      }
      Assessment before;
      try {
        before = json.readAssessment(line.text(), lineNumber);
      } catch (DeclarationException e) {
        throw new UserException("baseline " + file + ": " + e.getMessage());
      }
      if (!before.declarationNumber().equals(now.assessment().declarationNumber())) {
        throw mismatch("line " + lineNumber + " is declaration " + before.declarationNumber()
            + ", but the matching assessment (input line " + now.line() + ") is declaration "
            + now.assessment().declarationNumber());
      }
      return before;
    }

    void finish(long assessed) throws IOException {
      if (lines.next() != null) {
        throw mismatch("has more than the " + assessed + " assessments of this run");
      }
    }

    private UserException mismatch(String what) {
      return new UserException("baseline " + file + " " + what
          + ": a baseline must be the --out of a rescore of the same input");
    }

    @Override
    public void close() throws IOException {
      lines.close();
    }
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
      // Never keep the JVM alive after the command has answered.
      thread.setDaemon(true);
      return thread;
    };
  }

  static String rejectJson(Reject reject) {
    try {
      return REJECT_WRITER.writeValueAsString(reject);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a reject record", e);
    }
  }
}
