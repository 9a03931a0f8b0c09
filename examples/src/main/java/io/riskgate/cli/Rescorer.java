package io.riskgate.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
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
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The streaming pipeline of {@code rescore}: one reader thread cuts the input into chunks of
 * lines, {@code threads} workers bind and assess each chunk (through {@link RiskEngine#assessAll})
 * and format its output, and the calling thread writes the chunks in input order, counts, and
 * compares with the baseline.
 *
 * <p>Memory stays within the heap whatever the input: the lines in flight (read and not yet
 * written) may take at most half the heap, counted in bytes ({@link #HEAP_PER_LINE_BYTE} per byte
 * of a line), not in lines: the reader cuts a chunk short and waits when the next line would not
 * fit, and a heap too small for one line of {@code --max-line-chars} is refused before the run. At
 * most {@code 2 × threads} chunks are in flight, and the counts are per channel and per criterion,
 * not per declaration.
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

  /**
   * Where a resumed run starts: the first {@code lines} input lines are already in the outputs'
   * temporary files ({@code outPart}, {@code rejectsPart}), and are only read again to count them.
   * The journal, when there is one, records checkpoints as the run goes.
   */
  record Resume(RunJournal journal, RunJournal.Checkpoint from, Path outPart, Path rejectsPart) {
    static final Resume NONE = new Resume(null, RunJournal.Checkpoint.START, null, null);
  }

  /** A line set aside: its number, the declaration number if it was readable, and why. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Reject(long line, String declaration, String reason) {}

  /**
   * Where the workers' time went, summed over them: binding lines into declarations, assessing them,
   * formatting the assessments (done by the writer thread instead when the workers leave a core). Per assessed declaration, it compares with the benchmarks'
   * figures for each part (assessing with the engine's JMH figure).
   */
  record WorkerTimes(long readNanos, long assessNanos, long writeNanos) {
    static final WorkerTimes NONE = new WorkerTimes(0, 0, 0);
  }

  /** What a run counted, and how long it took. */
  record Result(RunStats stats, BaselineDiff diff, long nanos, WorkerTimes times) {
    Result(RunStats stats, BaselineDiff diff, long nanos) {
      this(stats, diff, nanos, WorkerTimes.NONE);
    }

    double seconds() {
      return nanos / 1e9;
    }

    double perSecond() {
      return stats.assessed / Math.max(seconds(), 1e-9);
    }
  }

  private record Assessed(long line, Assessment assessment, Outcome outcome) {}

  /** The declarations a worker is assessing, and their input lines: for naming a stuck line. */
  private record Work(List<Declaration> declarations, List<Long> lines) {}

  /**
   * A processed chunk; {@code bytesRead} is how far the input had been read when it was cut. A chunk
   * of lines a resumed run had already written has {@code replayed}: each line's outcome (null if
   * none), to count with the assessments read back from the output.
   */
  private record Chunk(List<Assessed> assessed, List<Reject> rejects, long lastLine, long bytesRead,
      List<Outcome> replayed, long cost, LineBlock block) {}

  private static final ObjectWriter REJECT_WRITER = JsonMapper.builder().build().writer();
  private static final com.fasterxml.jackson.databind.ObjectReader REJECT_READER = JsonMapper.builder().build().reader();
  private static final Future<Chunk> END = CompletableFuture.completedFuture(null);
  private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  /** How often a run with a journal writes a checkpoint; a test property makes it every chunk. */
  private static final long CHECKPOINT_NANOS = Long.getLong("riskgate.test.checkpointMillis", 1_000) * 1_000_000;
  /** The time written while formatting, then cut out: rescore lines carry no time (see below). */
  private static final String EPOCH_FIELD = "\"assessedAt\":\"1970-01-01T00:00:00Z\"";
  private static final String TIME_AT_END = "," + EPOCH_FIELD + "}";
  private static final byte[] TIME_AT_END_BYTES = TIME_AT_END.getBytes(StandardCharsets.US_ASCII);
  private static final JsonFactory GENERATORS = new JsonFactory();

  private final RiskEngine engine;
  private final RiskgateJson json;
  private final Settings settings;
  private final Progress progress;
  private final Map<Thread, Work> working = new ConcurrentHashMap<>();
  private final LongAdder readNanos = new LongAdder();
  private final LongAdder assessNanos = new LongAdder();
  private final LongAdder writeNanos = new LongAdder();
  private final Budget budget = new Budget(inFlightBudget(Runtime.getRuntime().maxMemory()));
  /** Blocks the writer is done with, for the reader's next chunks: their arrays are reused. */
  private final Queue<LineBlock> freeBlocks = new ConcurrentLinkedQueue<>();
  /**
   * Whether the workers format their own assessments: when they take every core. With fewer workers
   * than cores the writer thread formats them instead, on a core that would otherwise idle, so that
   * a worker only reads and assesses.
   */
  private final boolean workersFormat;
  /** Each thread's generator, writing into the block of the chunk it formats. */
  private final ThreadLocal<Formatter> formatters = ThreadLocal.withInitial(Formatter::new);

  Rescorer(RiskEngine engine, Settings settings, Progress progress) {
    this.engine = engine;
    this.settings = settings;
    this.progress = progress;
    this.workersFormat = settings.threads() >= Runtime.getRuntime().availableProcessors();
    this.json = RiskgateJson.builder().maxDeclarationChars(settings.maxLineChars()).build();
  }

  /**
   * Runs the whole input, writing assessments to {@code out} and rejected lines to
   * {@code rejects}; the caller finishes and renames them, or discards them on failure.
   *
   * @throws UserException for a file that cannot be read, or a baseline that does not match the input
   * @throws WriteFailedException for an output that cannot be written
   */
  Result run(StagedFile out, StagedFile rejects) throws InterruptedException {
    return run(out, rejects, Resume.NONE);
  }

  Result run(StagedFile out, StagedFile rejects, Resume resume) throws InterruptedException {
    long start = System.nanoTime();
    RunStats stats = new RunStats();
    BaselineDiff diff = settings.baseline() == null ? null : new BaselineDiff();
    BlockingQueue<Future<Chunk>> inFlight = new ArrayBlockingQueue<>(2 * settings.threads());
    ExecutorService workers = Executors.newFixedThreadPool(settings.threads(), named("riskgate-worker"));
    long skip = resume.from().lines();
    Thread reader = named("riskgate-reader").newThread(() -> read(inFlight, workers, skip));
    try (Baseline baseline = settings.baseline() == null ? null : new Baseline(settings.baseline(),
            settings.maxLineChars());
        Written written = skip == 0 ? null : new Written(resume.outPart(), resume.rejectsPart())) {
      reader.start();
      long lastCheckpoint = System.nanoTime();
      int checkpoints = 0;
      while (true) {
        Future<Chunk> next = inFlight.take();
        if (next == END) {
          break;
        }
        Chunk chunk = result(next);
        // Written or counted below, and dropped: its lines' memory goes back to the reader.
        budget.give(chunk.cost());
        if (chunk.replayed() != null) {
          recount(chunk, written, stats, baseline, diff);
          release(chunk.block());
          if (chunk.lastLine() == skip) {
            // Before this run appends anything: the outputs must hold exactly what was counted.
            written.finish();
          }
          progress.update(chunk.lastLine(), chunk.bytesRead());
          continue;
        }
        // The worker formatted the lines when the workers take every core: this thread then only
        // copies their bytes, in input order, so that it takes little of a core a worker could use.
        LineBlock.Output lines = chunk.block().output;
        if (!workersFormat) {
          formatAll(chunk.assessed(), lines);
        }
        int half = chunk.assessed().size() / 2;
        for (int i = 0; i < chunk.assessed().size(); i++) {
          Assessed a = chunk.assessed().get(i);
          int from = lines.start(i);
          if (i == half && checkpoints >= 2 && HaltPoint.named("writing")) {
            // Lines after the last checkpoint and a torn one: what a kill while writing leaves.
            out.write(lines.bytes, from, (lines.end(i) - from) / 2);
            out.sync();
            HaltPoint.reach("writing");
          }
          out.write(lines.bytes, from, lines.end(i) - from);
          stats.assessed(a.assessment(), a.outcome(), a.line());
          if (baseline != null) {
            diff.compare(baseline.next(a), a.assessment(), a.line());
          }
        }
        release(chunk.block());
        for (Reject reject : chunk.rejects()) {
          rejects.line(rejectJson(reject));
          stats.rejected();
        }
        if (resume.journal() != null && System.nanoTime() - lastCheckpoint >= CHECKPOINT_NANOS) {
          resume.journal().checkpoint(new RunJournal.Checkpoint(chunk.lastLine(), out.sync(), rejects.sync()));
          lastCheckpoint = System.nanoTime();
          HaltPoint.reach("checkpoint-" + ++checkpoints);
        }
        progress.update(chunk.lastLine(), chunk.bytesRead());
      }
      if (baseline != null) {
        baseline.finish(stats.assessed);
      }
      if (written != null && stats.lines < skip) {
        throw new UserException("cannot resume: the input has fewer lines (" + stats.lines + ") than the"
            + " interrupted run had written (" + skip + "); start the run again without --resume");
      }
      progress.finish(stats.lines);
      return new Result(stats, diff, System.nanoTime() - start,
          new WorkerTimes(readNanos.sum(), assessNanos.sum(), writeNanos.sum()));
    } catch (IOException e) {
      throw new UserException("cannot read: " + StagedFile.describe(e), e);
    } finally {
      progress.clear();
      reader.interrupt();
      workers.shutdownNow();
      // Unblock a reader waiting for room, so it sees the interrupt and ends.
      inFlight.clear();
      reader.join();
    }
  }

  /** Counts lines a resumed run had written, reading their assessments back from the output. */
  private void recount(Chunk chunk, Written written, RunStats stats, Baseline baseline, BaselineDiff diff)
      throws IOException {
    long first = chunk.lastLine() - chunk.replayed().size() + 1;
    for (int i = 0; i < chunk.replayed().size(); i++) {
      long line = first + i;
      if (written.nextReject() == line) {
        written.takeReject();
        stats.rejected();
        continue;
      }
      Assessment assessment = written.nextAssessment(json, line);
      stats.assessed(assessment, chunk.replayed().get(i), line);
      if (baseline != null) {
        diff.compare(baseline.next(new Assessed(line, assessment, null)), assessment, line);
      }
    }
  }

  /**
   * One assessment as rescore writes it: without {@code assessedAt}, so that two runs on the same
   * input write the same bytes and a resumed run ends as an uninterrupted one; the run's time is
   * in the summary and the report.
   */
  static String lineOf(RiskgateJson json, Assessment assessment) {
    String text = json.writeAssessment(withoutTime(assessment));
    // The time is the record's last component, so Jackson writes it last: cut it off the end
    // rather than search the whole line. Only the field can hold this text: a quote inside a
    // string value is escaped.
    return text.endsWith(TIME_AT_END)
        ? text.substring(0, text.length() - TIME_AT_END.length()) + "}"
        : text.replace("," + EPOCH_FIELD, "").replace(EPOCH_FIELD + ",", "");
  }

  /** Formats the chunk's assessments into its output, one line each, in order. */
  private void formatAll(List<Assessed> assessed, LineBlock.Output output) {
    long started = System.nanoTime();
    for (Assessed a : assessed) {
      format(a.assessment(), output);
    }
    writeNanos.add(System.nanoTime() - started);
  }

  /**
   * Appends {@link #lineOf}'s text and a line feed to the block's output, through the worker's own
   * generator and without a string.
   */
  private void format(Assessment assessment, LineBlock.Output output) {
    int start = output.current();
    Formatter formatter = formatters.get();
    try {
      formatter.into(output);
      json.writeAssessment(withoutTime(assessment), formatter.generator);
      if (output.endsWith(start, TIME_AT_END_BYTES) && !output.hasSurrogateEscape(start)) {
        // As lineOf: the time is the last field; cut it off the end.
        output.truncate(output.size - TIME_AT_END_BYTES.length);
        output.write('}');
      } else {
        // A character outside the Basic Multilingual Plane (or an unpaired surrogate, from a
        // \\uD800 escape in the input), which the byte generator escapes: written as the text path
        // writes it, as UTF-8 (unpaired surrogates as '?'), so that every build and the Spark job
        // write the same bytes.
        output.truncate(start);
        output.write(lineOf(json, assessment));
      }
    } catch (IOException | RuntimeException e) {
      // The generator may be left mid-value: a new one for the next line, this one as text.
      formatters.remove();
      output.truncate(start);
      output.write(lineOf(json, assessment));
    } finally {
      formatter.into(null);  // the block goes back to the pool; the thread must not keep it
    }
    output.lineEnd();
  }

  private static Assessment withoutTime(Assessment assessment) {
    return new Assessment(assessment.declarationNumber(), assessment.channel(), assessment.score(),
        assessment.hits(), assessment.trials(), assessment.selection(), assessment.pack(),
        assessment.engineVersion(), Assessment.NO_TIME);
  }

  /** A worker's JSON generator, over the output of whichever block it is formatting. */
  private static final class Formatter {
    private final Redirect target = new Redirect();
    private final JsonGenerator generator;

    Formatter() {
      try {
        generator = GENERATORS.createGenerator(target);
      } catch (IOException e) {
        throw new UncheckedIOException(e);  // not from a stream that only points at an array
      }
      // One object per call, lines ended by the caller.
      generator.setRootValueSeparator(null);
    }

    void into(LineBlock.Output output) {
      target.output = output;
    }
  }

  /** The stream a worker's generator writes to: the output of its current block. */
  private static final class Redirect extends OutputStream {
    private LineBlock.Output output;

    @Override
    public void write(int b) {
      output.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      output.write(b, off, len);
    }
  }

  /**
   * Reads an assessment rescore wrote (without its time: {@link Assessment#NO_TIME}) or the library
   * wrote (with it).
   */
  static Assessment readLine(RiskgateJson json, String line, long lineNumber) {
    return json.readAssessment(line, lineNumber);
  }

  /** The outputs a killed run had written, read back in step with the input on resume. */
  private static final class Written implements AutoCloseable {
    private final java.io.BufferedReader assessments;
    private final java.io.BufferedReader rejects;
    private final Path outPart;
    private long nextReject = -2;
    private long assessmentLine;

    Written(Path outPart, Path rejectsPart) {
      this.outPart = outPart;
      try {
        this.assessments = java.nio.file.Files.newBufferedReader(outPart, StandardCharsets.UTF_8);
        this.rejects = java.nio.file.Files.newBufferedReader(rejectsPart, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UserException("cannot resume: " + StagedFile.describe(e), e);
      }
    }

    long nextReject() throws IOException {
      if (nextReject == -2) {
        String line = rejects.readLine();
        nextReject = line == null ? -1 : REJECT_READER.readTree(line).path("line").asLong(-1);
      }
      return nextReject;
    }

    void takeReject() {
      nextReject = -2;
    }

    Assessment nextAssessment(RiskgateJson json, long inputLine) throws IOException {
      String line = assessments.readLine();
      assessmentLine++;
      if (line == null) {
        throw new UserException("cannot resume: " + outPart + " ends before input line " + inputLine
            + ": it was changed since the run was killed; start the run again without --resume");
      }
      try {
        return readLine(json, line, assessmentLine);
      } catch (DeclarationException e) {
        throw new UserException("cannot resume: " + outPart + ": " + e.getMessage(), e);
      }
    }

    /** Every written line must have been counted: what is left was not in the checkpoint. */
    void finish() throws IOException {
      if (assessments.readLine() != null || nextReject() != -1) {
        throw new UserException("cannot resume: " + outPart + " holds more than its journal recorded;"
            + " start the run again without --resume");
      }
    }

    @Override
    public void close() throws IOException {
      assessments.close();
      rejects.close();
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
  private void read(BlockingQueue<Future<Chunk>> inFlight, ExecutorService workers, long skip) {
    try {
      try (LineReader lines = new LineReader(settings.input().open(), settings.maxLineChars())) {
        long lineNumber = 0;
        // A line read into the last chunk that did not fit in memory: it starts the next one.
        LineBlock carried = null;
        boolean more = true;
        while (more && !Thread.currentThread().isInterrupted()) {
          LineBlock block = carried != null ? carried : block();
          carried = null;
          long cost = 0;
          if (!block.isEmpty()) {
            // The carried line: nothing else is held now, so waiting for room cannot stall the run.
            cost = lineCost(block.byteCount(0));
            budget.take(cost);
          }
          // Lines a resumed run had written make chunks of their own, to be counted, not assessed.
          int size = lineNumber < skip ? (int) Math.min(settings.chunkLines(), skip - lineNumber)
              : settings.chunkLines();
          while (block.lines() < size) {
            if (!lines.nextInto(block)) {
              more = false;
              break;
            }
            long lineCost = lineCost(block.byteCount(block.lines() - 1));
            if (!budget.tryTake(lineCost)) {
              if (block.lines() > 1) {
                // Hand over what is held before waiting: only the chunks ahead give memory back.
                carried = block();
                block.moveLastTo(carried);
                break;
              }
              budget.take(lineCost);
            }
            cost += lineCost;
          }
          if (block.isEmpty()) {
            break;
          }
          String notJsonLines = lineNumber == 0 ? InputShape.problem(firstLines(block)) : null;
          if (notJsonLines != null) {
            throw new UserException(settings.input().name() + ": " + notJsonLines);
          }
          long first = lineNumber + 1;
          long bytes = settings.input().bytesRead();
          long chunkCost = cost;
          lineNumber += block.lines();
          inFlight.put(workers.submit(first <= skip ? () -> outcomes(first, block, bytes, chunkCost)
              : () -> process(first, block, bytes, chunkCost)));
          HaltPoint.reach("reading");
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

  private LineBlock block() {
    LineBlock block = freeBlocks.poll();
    return block != null ? block : new LineBlock();
  }

  /** Gives a written chunk's block back for the reader to fill again, unless it grew too large. */
  private void release(LineBlock block) {
    if (block.clear()) {
      freeBlocks.add(block);
    }
  }

  private static List<LineReader.Line> firstLines(LineBlock block) {
    List<LineReader.Line> first = new ArrayList<>(2);
    for (int i = 0; i < Math.min(2, block.lines()); i++) {
      first.add(block.line(i));
    }
    return first;
  }

  /** A worker: binds each line, assesses the chunk in one call, formats the output. */
  private Chunk process(long firstLine, LineBlock block, long bytesRead, long cost) {
    long started = System.nanoTime();
    List<Declaration> declarations = new ArrayList<>(block.lines());
    List<Long> numbers = new ArrayList<>(block.lines());
    List<Outcome> outcomes = new ArrayList<>(block.lines());
    List<Reject> rejects = new ArrayList<>();
    byte[] bytes = block.bytes;
    for (int i = 0; i < block.lines(); i++) {
      long number = firstLine + i;
      if (block.tooLong(i)) {
        rejects.add(new Reject(number, null, String.format(java.util.Locale.ROOT,
            "line %d: the line is %,d characters long, more than the maximum %,d (--max-line-chars)",
            number, block.length(i), settings.maxLineChars())));
        continue;
      }
      int end = block.end(i);
      if (isBlank(bytes, block.start(i), end)) {
        rejects.add(new Reject(number, null, "line " + number + ": empty line, expected a declaration"));
        continue;
      }
      // Editors on Windows may start a UTF-8 file with a byte order mark; it is not JSON.
      int start = block.start(i) + byteOrderMark(number, bytes, block.start(i), end);
      try {
        JsonlRecord record = JsonlRecord.parse(bytes, start, end - start, number);
        declarations.add(json.readDeclaration(record.declarationJson(), record.offset(), record.length(), number));
        numbers.add(number);
        outcomes.add(record.outcome());
      } catch (DeclarationException e) {
        rejects.add(new Reject(number, e.declarationNumber(), e.getMessage()));
      } catch (JsonlRecord.OutcomeException e) {
        rejects.add(new Reject(number, null, e.getMessage()));
      }
    }
    long read = System.nanoTime();
    readNanos.add(read - started);
    List<Assessment> assessments = List.of();
    if (!declarations.isEmpty()) {
      working.put(Thread.currentThread(), new Work(declarations, numbers));
      try {
        assessments = engine.assessAll(declarations);
      } finally {
        working.remove(Thread.currentThread());
      }
    }
    assessNanos.add(System.nanoTime() - read);
    List<Assessed> assessed = new ArrayList<>(assessments.size());
    for (int i = 0; i < assessments.size(); i++) {
      assessed.add(new Assessed(numbers.get(i), assessments.get(i), outcomes.get(i)));
    }
    if (workersFormat) {
      formatAll(assessed, block.output);
    }
    return new Chunk(assessed, rejects, firstLine + block.lines() - 1, bytesRead, null, cost, block);
  }

  /** A worker, on lines a resumed run had written: only their outcomes, for the counts. */
  private Chunk outcomes(long firstLine, LineBlock block, long bytesRead, long cost) {
    List<Outcome> outcomes = new ArrayList<>(block.lines());
    for (int i = 0; i < block.lines(); i++) {
      Outcome outcome = null;
      if (!block.tooLong(i)) {
        int start = block.start(i) + byteOrderMark(firstLine + i, block.bytes, block.start(i), block.end(i));
        try {
          outcome = JsonlRecord.parse(block.bytes, start, block.end(i) - start, firstLine + i).outcome();
        } catch (JsonlRecord.OutcomeException e) {
          // A rejected line: counted as such from the rejects.
        }
      }
      outcomes.add(outcome);
    }
    return new Chunk(List.of(), List.of(), firstLine + block.lines() - 1, bytesRead, outcomes, cost, block);
  }

  /** The length of the byte order mark the line starts with, if it is the first line. */
  private static int byteOrderMark(long number, byte[] bytes, int start, int end) {
    return number == 1 && end - start >= BYTE_ORDER_MARK.length
        && Arrays.equals(bytes, start, start + BYTE_ORDER_MARK.length, BYTE_ORDER_MARK, 0, BYTE_ORDER_MARK.length)
        ? BYTE_ORDER_MARK.length : 0;
  }

  /** Whether the line is only white space, as {@link String#isBlank} tells. */
  private static boolean isBlank(byte[] bytes, int start, int end) {
    for (int i = start; i < end; i++) {
      byte b = bytes[i];
      if (b < 0) {
        // Not ASCII: Unicode has white space beyond it (such as U+3000); rare enough to decode.
        return new String(bytes, start, end - start, StandardCharsets.UTF_8).isBlank();
      }
      if (!Character.isWhitespace(b)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Heap a line in flight may take, per byte of its UTF-8 text: the line, the declaration bound
   * from it, the engine's facts while it is assessed and the assessment's text until it is
   * written. Measured with lines of 1,000 items of long descriptions at the default limit (see
   * docs/reliability.md), with room to spare.
   */
  static final int HEAP_PER_LINE_BYTE = 16;

  /** What the reader may have in flight: half the heap, the other half for the pack and the engine. */
  static long inFlightBudget(long maxMemory) {
    return maxMemory / 2;
  }

  static long lineCost(long bytes) {
    return HEAP_PER_LINE_BYTE * (bytes + 64);
  }

  /**
   * Why the heap cannot hold a line of {@code maxLineChars} in flight, or null if it can: such a
   * run is refused before it starts, rather than running out of memory on the first long line.
   */
  static String heapTooSmall(int maxLineChars, long maxMemory) {
    // A character takes up to 3 bytes of UTF-8 (LineReader's bound).
    long cost = lineCost(3L * maxLineChars);
    if (cost <= inFlightBudget(maxMemory)) {
      return null;
    }
    long neededMegabytes = 2 * cost / (1 << 20) + 1;
    return String.format(java.util.Locale.ROOT, "a line of --max-line-chars %,d characters may take %,d MB of"
        + " heap while it is assessed, more than this JVM can spare (maximum heap %,d MB, -Xmx): lower"
        + " --max-line-chars, or raise -Xmx to at least %,dm (java -Xmx%dm -jar riskgate.jar ...)",
        maxLineChars, cost >> 20, maxMemory >> 20, neededMegabytes, neededMegabytes);
  }

  /** Bytes of heap lines in flight may take: the reader takes, the writer gives back. */
  private static final class Budget {
    private long left;

    Budget(long total) {
      this.left = total;
    }

    synchronized boolean tryTake(long bytes) {
      if (bytes > left) {
        return false;
      }
      left -= bytes;
      return true;
    }

    /** Waits until there is room; a single line always fits (see {@link #heapTooSmall}). */
    synchronized void take(long bytes) throws InterruptedException {
      while (bytes > left) {
        wait();
      }
      left -= bytes;
    }

    synchronized void give(long bytes) {
      left += bytes;
      notifyAll();
    }
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
        before = readLine(json, line.text(), lineNumber);
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
