package io.riskgate.cli;

import io.riskgate.RiskEngine;
import io.riskgate.RulePack;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code riskgate rescore}: re-scores a history of declarations with a pack. */
@Command(name = "rescore", mixinStandardHelpOptions = true, sortOptions = false,
    versionProvider = Riskgate.Version.class,
    description = {
        "Re-scores declarations (JSON Lines, one declaration per line, .gz allowed) with a rule pack:"
            + " what would change if this pack went live?",
        "With no --pack and no --in, runs the bundled vn-baseline pack on a bundled sample and writes"
            + " assessments, rejects, summary and report into ./riskgate-out/.",
        "Every input line is either assessed (--out, in input order) or set aside in --rejects with its"
            + " line number and the reason. Outputs are written under temporary names and renamed only"
            + " when the run succeeds."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
        "0:every line assessed",
        "1:some lines rejected, or some declarations failed closed (see the summary)",
        "2:bad arguments, unreadable or unwritable files, a pack that does not load, a baseline that"
            + " does not match the input",
        "3:the run could not complete: a rule stuck (--stuck-after), an output that cannot be written"
            + " (a full disk), a JVM error such as running out of memory; no output is renamed into place"})
final class RescoreCommand implements Callable<Integer> {
  static final String BUNDLED_PACK = "riskgate/packs/vn-baseline";
  static final String BUNDLED_SAMPLE = "riskgate/samples/vn-sample.jsonl.gz";
  static final Path DEFAULT_DIR = Path.of("riskgate-out");

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--pack", paramLabel = "<dir>",
      description = "The rule pack folder (default: the bundled vn-baseline).")
  Path pack;

  @Option(names = "--in", paramLabel = "<declarations.jsonl>",
      description = "The declarations, one JSON object per line (LF, CRLF or CR), UTF-8, optionally with an \"outcome\" field; plain or gzip; - for standard input. Required with --pack or --out; with neither, the bundled sample.")
  Path in;

  @Option(names = "--out", paramLabel = "<assessments.jsonl>",
      description = "Where to write the assessments, one per line in input order; .gz compresses; - for standard output, the summary then going to standard error (default: riskgate-out/assessments.jsonl). No output may be an input or another output.")
  Path out;

  @Option(names = "--rejects", paramLabel = "<file>",
      description = "Where to write the rejected lines as JSON Lines {line, declaration, reason} (default: named after --out, beside it: assessments.jsonl -> assessments.rejects.jsonl; required with --out -).")
  Path rejects;

  @Option(names = "--baseline", paramLabel = "<assessments.jsonl>",
      description = "A previous rescore's --out on the same input: adds the decision diff.")
  Path baseline;

  @Option(names = "--report", paramLabel = "<report.html>",
      description = "Write a self-contained HTML report with charts (default without --out: riskgate-out/report.html).")
  Path report;

  @Option(names = "--summary", paramLabel = "<summary.txt>",
      description = "Also write the printed summary to this file (default without --out: riskgate-out/summary.txt).")
  Path summary;

  @Option(names = "--threads", paramLabel = "N",
      description = "Worker threads assessing in parallel, 1 to 256 (default: the number of processors, ${DEFAULT-VALUE}).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--batch", paramLabel = "N", defaultValue = "500",
      description = "Lines per batch handed to a worker, 1 to 100000 (default: ${DEFAULT-VALUE}); the engine assesses them in sessions of its own size.")
  int batch;

  @Option(names = "--max-line-chars", paramLabel = "N", defaultValue = "1000000",
      description = "Longest input line kept; a longer one is rejected without being held in memory (default: ${DEFAULT-VALUE}).")
  int maxLineChars;

  @Option(names = "--stuck-after", paramLabel = "<seconds>", defaultValue = "60",
      description = "Stop the run (exit 3, naming the input line and the rule) when a rule or condition has not finished for this long, 1 to 86400 (default: ${DEFAULT-VALUE}).")
  int stuckAfter;

  @Option(names = "--resume",
      description = "Continue a run that was killed (kill -9, power loss) from what it had written, given the same arguments: the outputs end byte for byte as an uninterrupted run's. Needs --in a file and --out and --rejects plain files (not .gz, not -).")
  boolean resume;

  @Option(names = {"-q", "--quiet"}, description = "No progress output.")
  boolean quiet;

  /** Where {@code --out -} writes; a field so that tests can catch it. */
  OutputStream standardOutput = System.out;

  /** Wraps every output's stream; a field so that tests can inject failing ones. */
  StagedFile.StreamFilter streamFilter = StagedFile.StreamFilter.NONE;

  @Override
  public Integer call() throws Exception {
    validate();
    Duration stuck = Riskgate.stuckAfter(spec.commandLine(), stuckAfter);
    boolean defaults = out == null;
    boolean toStandardOutput = out != null && out.toString().equals("-");
    // With the assessments on standard output, the summary goes to standard error.
    PrintWriter stdout = toStandardOutput ? spec.commandLine().getErr() : spec.commandLine().getOut();
    Path outFile = defaults ? DEFAULT_DIR.resolve("assessments.jsonl") : out;
    Path rejectsFile = rejects != null ? rejects : rejectsBeside(outFile);
    Path summaryFile = summary != null ? summary : defaults ? DEFAULT_DIR.resolve("summary.txt") : null;
    Path reportFile = report != null ? report : defaults ? DEFAULT_DIR.resolve("report.html") : null;
    Map<String, Path> outputs = new LinkedHashMap<>();
    outputs.put("--out", toStandardOutput ? null : outFile);
    outputs.put("--rejects", rejectsFile);
    outputs.put("--summary", summaryFile);
    outputs.put("--report", reportFile);
    Map<String, Path> inputs = new LinkedHashMap<>();
    inputs.put("--in", in == null || in.toString().equals("-") ? null : in);
    inputs.put("--baseline", baseline);
    OutputPaths.check(spec.commandLine(), outputs, inputs);

    long compileStart = System.nanoTime();
    RulePack rulePack = pack == null ? RulePack.fromClasspath(BUNDLED_PACK) : RulePack.fromDirectory(pack);
    RiskEngine engine = RiskEngine.builder().pack(rulePack).build();
    double compileSeconds = (System.nanoTime() - compileStart) / 1e9;

    Source source = in == null ? Source.resource(BUNDLED_SAMPLE, "bundled sample (" + BUNDLED_SAMPLE + ")")
        : in.toString().equals("-") ? Source.stdin() : Source.file(in);
    Rescorer.Settings settings = new Rescorer.Settings(source, baseline, threads, batch, maxLineChars, stuck);
    boolean terminal = Progress.stderrIsTerminal();
    Progress progress = quiet ? Progress.none() : Progress.of(System.err, terminal, source::size);

    boolean resumable = !toStandardOutput && plain(outFile) && plain(rejectsFile)
        && (in == null || !in.toString().equals("-"));
    if (resume && !resumable) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--resume needs --in a file and"
          + " --out and --rejects plain files (not .gz, not -, not a device): only those can be cut back"
          + " to a checkpoint");
    }
    Map<String, Path> staging = new LinkedHashMap<>(outputs);
    staging.values().removeIf(path -> path == null || !StagedFile.staged(path));
    RunJournal journal = resumable ? RunJournal.open(RunJournal.of(outFile)) : null;
    List<StagedFile> staged = new ArrayList<>();
    boolean keepJournal = false;
    try {
      String fingerprint = journal == null ? null : fingerprint(engine, source, outFile, rejectsFile);
      RunJournal.Left left = journal == null ? null : journal.left();
      Rescorer.Resume from = Rescorer.Resume.NONE;
      if (resume) {
        keepJournal = true;
        if (left == null) {
          keepJournal = false;
          throw new UserException("--resume: no interrupted run to resume into " + outFile + " (no journal "
              + journal.file() + "); run again without --resume");
        }
        if (!fingerprint.equals(left.fingerprint())) {
          throw new UserException("--resume: the interrupted run into " + outFile + " had other arguments,"
              + " another pack or another input (its journal " + journal.file() + " says " + left.fingerprint()
              + "); give the same ones, or run without --resume to start over");
        }
        if (left.committedStatus() != null) {
          keepJournal = false;
          return renameLeftovers(stdout, journal, staging.values(), left.committedStatus());
        }
        from = new Rescorer.Resume(journal, left.checkpoint(), StagedFile.partOf(outFile),
            StagedFile.partOf(rejectsFile));
      } else if (journal != null) {
        if (left != null) {
          removeLeftovers(journal, staging.values());
        }
        journal.start(fingerprint);
        from = new Rescorer.Resume(journal, RunJournal.Checkpoint.START, null, null);
      }
      HaltPoint.reach("started");

      StagedFile outStaged;
      if (toStandardOutput) {
        outStaged = StagedFile.standardOutput(standardOutput);
        staged.add(outStaged);
      } else {
        outStaged = stage(staged, outFile, resume ? from.from().outBytes() : -1);
      }
      StagedFile rejectsStaged = stage(staged, rejectsFile, resume ? from.from().rejectsBytes() : -1);
      keepJournal = false;
      Rescorer.Result result = new Rescorer(engine, settings, progress).run(outStaged, rejectsStaged, from);
      RunReport runReport = new RunReport(engine.pack(), source.name(),
          baseline == null ? null : baseline.toString(), threads, compileSeconds, result, engine.criteria());
      String text = SummaryText.render(runReport);
      if (summaryFile != null) {
        stage(staged, summaryFile, -1).write(text);
      }
      if (reportFile != null) {
        stage(staged, reportFile, -1).write(HtmlReport.render(runReport));
      }
      RunStats stats = result.stats();
      int status = stats.rejected > 0 || stats.failedClosed > 0 ? Riskgate.FAILURES : Riskgate.OK;
      // Every output written down to the disk before any is renamed: a write that fails (a full
      // disk) leaves every target as it was.
      for (StagedFile file : staged) {
        file.finish();
      }
      HaltPoint.reach("finished");
      if (journal != null) {
        journal.commit(status);
      }
      HaltPoint.reach("committed");
      for (StagedFile file : staged) {
        file.rename();
        HaltPoint.reach("renaming");
      }
      if (journal != null) {
        syncFolder(outFile);
        journal.delete();
      }
      stdout.print(text);
      stdout.println();
      for (StagedFile file : staged) {
        stdout.println("wrote " + (file.target().toString().equals("-") ? "standard output" : file.target()));
      }
      stdout.flush();
      return status;
    } finally {
      for (StagedFile file : staged) {
        file.close();
      }
      if (journal != null) {
        if (keepJournal) {
          journal.close();
        } else {
          // A run that failed leaves nothing to resume: its temporary files are gone.
          try {
            journal.delete();
          } catch (WriteFailedException e) {
            // It says by its name what it is; the next run removes it.
          }
        }
      }
    }
  }

  /** What must be the same for a resumed run to continue a killed one: input, pack, outputs, limits. */
  private String fingerprint(RiskEngine engine, Source source, Path outFile, Path rejectsFile) {
    StringBuilder text = new StringBuilder();
    text.append("in=").append(in == null ? source.name() : describeFile(in));
    text.append(" pack=").append(engine.pack().contentHash());
    text.append(" baseline=").append(baseline == null ? "none" : describeFile(baseline));
    text.append(" out=").append(outFile.toAbsolutePath().normalize());
    text.append(" rejects=").append(rejectsFile.toAbsolutePath().normalize());
    text.append(" max-line-chars=").append(maxLineChars);
    return text.toString();
  }

  private static String describeFile(Path file) {
    try {
      return file.toAbsolutePath().normalize() + ":" + Files.size(file) + ":"
          + Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      return file.toAbsolutePath().normalize().toString();
    }
  }

  private static boolean plain(Path file) {
    return !file.getFileName().toString().endsWith(".gz") && StagedFile.staged(file);
  }

  /** Removes a killed run's temporary files and journal, naming them. */
  private void removeLeftovers(RunJournal journal, Iterable<Path> targets) {
    List<String> removed = new ArrayList<>();
    try {
      for (Path target : targets) {
        if (Files.deleteIfExists(StagedFile.partOf(target))) {
          removed.add(StagedFile.partOf(target).toString());
        }
      }
    } catch (IOException e) {
      throw new UserException("cannot remove the leftovers of an interrupted run: " + StagedFile.describe(e), e);
    }
    removed.add(journal.file().toString());
    spec.commandLine().getErr().println(spec.qualifiedName() + ": removed the leftovers of an"
        + " interrupted run (use --resume to continue one instead): " + String.join(", ", removed));
    spec.commandLine().getErr().flush();
  }

  /** Completes a killed run that had written every output and was renaming them. */
  private int renameLeftovers(PrintWriter stdout, RunJournal journal, Iterable<Path> targets, int status) {
    for (Path target : targets) {
      Path part = StagedFile.partOf(target);
      try {
        if (Files.exists(part)) {
          Files.move(part, OutputPaths.followLinks(target.toAbsolutePath()).normalize(),
              StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
      } catch (IOException e) {
        throw new WriteFailedException(target + ": cannot rename " + part + " into place: "
            + StagedFile.describe(e), e);
      }
      stdout.println("wrote " + target);
    }
    syncFolder(targets.iterator().next());
    journal.delete();
    stdout.println("the interrupted run had written every output; they are now in place");
    stdout.flush();
    return status;
  }

  /** Writes the folder's entries (the renames) down to the disk; best effort where unsupported. */
  private static void syncFolder(Path file) {
    Path folder = OutputPaths.followLinks(file.toAbsolutePath()).normalize().getParent();
    try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Some systems cannot open a folder for fsync; the renames are made all the same.
    }
  }

  /**
   * The default rejects file: named after {@code --out}, beside it ({@code assessments.jsonl} ->
   * {@code assessments.rejects.jsonl}), so that runs into one folder keep their own.
   */
  static Path rejectsBeside(Path out) {
    String name = out.getFileName().toString();
    if (name.endsWith(".gz")) {
      name = name.substring(0, name.length() - 3);
    }
    int dot = name.lastIndexOf('.');
    String base = dot > 0 ? name.substring(0, dot) : name;
    return out.resolveSibling(base + ".rejects.jsonl");
  }

  private StagedFile stage(List<StagedFile> staged, Path target, long resumeAt) {
    StagedFile file = StagedFile.create(target, streamFilter, resumeAt);
    staged.add(file);
    return file;
  }

  private void validate() {
    CommandLine cli = spec.commandLine();
    if (threads < 1 || threads > 256) {
      throw new CommandLine.ParameterException(cli, "--threads must be between 1 and 256, was " + threads);
    }
    if (batch < 1 || batch > 100_000) {
      throw new CommandLine.ParameterException(cli, "--batch must be between 1 and 100000, was " + batch);
    }
    if (maxLineChars < 100) {
      throw new CommandLine.ParameterException(cli, "--max-line-chars must be at least 100, was " + maxLineChars);
    }
    String heap = Rescorer.heapTooSmall(maxLineChars, Runtime.getRuntime().maxMemory());
    if (heap != null) {
      throw new CommandLine.ParameterException(cli, heap);
    }
    if (in == null && (pack != null || out != null)) {
      throw new CommandLine.ParameterException(cli, "--in is required with --pack or --out"
          + " (only a bare 'riskgate rescore' runs the bundled sample)");
    }
    if (in != null && !in.toString().equals("-")) {
      OutputPaths.requireFile(cli, "--in", in, "a JSON Lines file");
    }
    if (baseline != null) {
      OutputPaths.requireFile(cli, "--baseline", baseline, "the assessments of an earlier rescore");
    }
    if (pack != null) {
      OutputPaths.requireFolder(cli, "--pack", pack, "pack.json");
    }
    if (out != null && out.toString().equals("-") && rejects == null) {
      throw new CommandLine.ParameterException(cli, "--out - writes the assessments to standard output;"
          + " name a file for the rejected lines with --rejects");
    }
    for (Path dash : new Path[] {rejects, summary, report, baseline}) {
      if (dash != null && dash.toString().equals("-")) {
        throw new CommandLine.ParameterException(cli, "- (standard output) is for --out only");
      }
    }
  }
}
