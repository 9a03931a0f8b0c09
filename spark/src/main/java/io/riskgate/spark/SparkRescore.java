package io.riskgate.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import io.riskgate.RiskEngine;
import io.riskgate.RulePackException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code riskgate-spark rescore}: re-scores declarations on a Spark cluster, or in Spark's local
 * mode, as {@code riskgate rescore} does on one machine. Reads JSON Lines (plain or compressed)
 * from any Hadoop-compatible path, writes the assessments as JSON Lines and Parquet, the rejected
 * lines with their file, line and reason, and the summary's counts. See docs/spark.md.
 *
 * <pre>
 * out/
 *   assessments/            JSON Lines, part files: one assessment per line, as rescore writes it
 *   assessments.parquet/    the same assessments as columns, with their input file and line
 *   rejects/                JSON Lines {file, line, declaration, reason}
 *   summary.txt             the counts, laid out as rescore's summary
 *   summary.json            the same counts as JSON
 * </pre>
 */
@Command(name = "riskgate-spark", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Re-scores declarations (JSON Lines, plain or compressed, from any Hadoop-compatible"
        + " path) with a rule pack on Spark: assessments as JSON Lines and Parquet, rejected lines with"
        + " their reason, and the summary's counts, under --out."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
        "0:every line assessed",
        "1:some lines rejected, or some declarations failed closed (see the summary)",
        "2:bad arguments, no input, an output that exists (without --overwrite), a pack that does not load",
        "3:the job failed (see the message and Spark's log)"})
public final class SparkRescore implements Callable<Integer> {
  static final int OK = 0;
  static final int FAILURES = 1;
  static final int USAGE = 2;
  static final int FAILED = 3;
  private static final String LOG_CONFIGURATION = "log4j2.configurationFile";

  @Option(names = "--pack", required = true, paramLabel = "<folder>",
      description = "The rule pack folder, on any Hadoop-compatible path; read by the driver and sent to the executors.")
  String pack;

  @Option(names = "--in", required = true, split = ",(?![^{}]*\\})", paramLabel = "<path>",
      description = "Input files, folders or globs (repeatable, or comma-separated; a comma inside a glob's {a,b} stays): JSON Lines, one declaration per line; compressed by any Hadoop codec named by the file's extension (.gz, .bz2, .zst, ...).")
  List<String> in;

  @Option(names = "--out", required = true, paramLabel = "<folder>",
      description = "The output folder: assessments/, assessments.parquet/, rejects/, summary.txt, summary.json.")
  String out;

  @Option(names = "--partitions", paramLabel = "N",
      description = "Partitions that assess, 1 to 100000 (default: Spark's default parallelism). Each input file is read by one task; with more partitions than files, the lines are spread over the partitions.")
  Integer partitions;

  @Option(names = "--batch", paramLabel = "N", defaultValue = "500",
      description = "Lines a task assesses in one call to the engine, 1 to 100000 (default: ${DEFAULT-VALUE}), as rescore's --batch.")
  int batch;

  @Option(names = "--max-line-chars", paramLabel = "N", defaultValue = "1000000",
      description = "Longest input line kept; a longer one is rejected (default: ${DEFAULT-VALUE}), as rescore's.")
  int maxLineChars;

  @Option(names = "--compression", paramLabel = "<codec>", defaultValue = "none",
      description = "Compression of the JSON Lines outputs: none, gzip, bzip2, zstd, lz4, snappy, deflate (default: ${DEFAULT-VALUE}). Parquet is compressed with Spark's default (snappy).")
  String compression;

  @Option(names = "--overwrite", description = "Replace the outputs of an earlier run in --out.")
  boolean overwrite;

  private final SparkSession spark;
  private final PrintWriter stdout;

  SparkRescore(SparkSession spark, PrintWriter stdout) {
    this.spark = spark;
    this.stdout = stdout;
  }

  /**
   * Runs in local mode on every core when started without {@code spark-submit} (no
   * {@code spark.master}; {@code -Dspark.master=local[2]} chooses the cores), else on the cluster
   * {@code spark-submit} names.
   */
  public static void main(String[] args) {
    String master = System.getProperty("spark.master");
    if ((master == null || master.startsWith("local")) && System.getProperty(LOG_CONFIGURATION) == null) {
      // Before anything logs: Spark's default logs every stage at INFO, and on one machine the
      // summary is what a user reads. Spark keeps a configuration it did not set.
      System.setProperty(LOG_CONFIGURATION, "riskgate-spark-local-log4j2.properties");
    }
    SparkConf conf = new SparkConf();
    if (master == null) {
      conf.setMaster("local[*]");
    }
    conf.setIfMissing("spark.ui.showConsoleProgress", "false");
    SparkSession spark = SparkSession.builder().appName("riskgate rescore").config(conf).getOrCreate();
    int status;
    try {
      status = run(spark, System.out, args);
    } finally {
      spark.stop();
    }
    System.exit(status);
  }

  /** Runs the command on a session the caller owns, and returns its exit status. */
  public static int run(SparkSession spark, OutputStream stdout, String... args) {
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(stdout, StandardCharsets.UTF_8), true);
    CommandLine cli = new CommandLine(new SparkRescore(spark, out));
    cli.setOut(out);
    cli.setParameterExceptionHandler((e, arguments) -> {
      e.getCommandLine().getErr().println("riskgate-spark: " + e.getMessage() + " (see 'riskgate-spark --help')");
      return USAGE;
    });
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      PrintWriter err = commandLine.getErr();
      if (e instanceof RulePackException || e instanceof IllegalArgumentException) {
        // The user's mistake: the message says where and what; no stack trace.
        err.println("riskgate-spark: " + e.getMessage());
        return USAGE;
      }
      err.println("riskgate-spark: the job failed: " + e);
      e.printStackTrace(err);
      return FAILED;
    });
    return cli.execute(args);
  }

  @Override
  public Integer call() throws IOException {
    validate();
    long start = System.nanoTime();
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    Path outFolder = new Path(out);
    FileSystem outFs = outFolder.getFileSystem(hadoop);
    if (!overwrite && outFs.exists(outFolder) && outFs.listStatus(outFolder).length > 0) {
      throw new IllegalArgumentException("--out " + out + " exists and is not empty: name another"
          + " folder, or give --overwrite to replace its outputs");
    }
    List<String> files = InputFiles.list(hadoop, in);
    PackShipment shipment = PackShipment.read(hadoop, pack);
    // Compiled on the driver too: a pack that does not load stops the job here, with its located
    // errors, before any executor starts; the criteria label the summary. In local mode the
    // driver is the executor, and its tasks take this engine from the cache.
    RiskEngine engine = ExecutorEngines.engine(shipment);

    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int assessing = partitions != null ? partitions : context.defaultParallelism();
    Broadcast<PackShipment> packBroadcast = context.broadcast(shipment);
    Broadcast<HadoopConf> confBroadcast = context.broadcast(new HadoopConf(hadoop));
    int maxChars = maxLineChars;
    int batchLines = batch;
    JavaRDD<InputFiles.Line> lines = context.parallelize(files, files.size())
        .flatMap(file -> InputFiles.lines(confBroadcast.value().get(), file, maxChars));
    if (assessing > files.size()) {
      // Fewer files than partitions: spread the lines, so every core assesses. The lines travel
      // once through Spark's shuffle; assessing costs far more than moving them.
      lines = lines.repartition(assessing);
    }
    JavaRDD<Row> scored = lines.mapPartitions((Iterator<InputFiles.Line> partition) -> new PartitionRescorer(
        partition, ExecutorEngines.engine(packBroadcast.value()), maxChars, batchLines));
    Dataset<Row> rows = spark.createDataFrame(scored, PartitionRescorer.SCHEMA)
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      write(rows);
      RunSummary summary = RunSummary.of(rows, engine.pack(), files, engine.criteria(),
          (System.nanoTime() - start) / 1e9, rows.rdd().getNumPartitions());
      writeText(outFs, new Path(outFolder, "summary.txt"), summary.text());
      writeText(outFs, new Path(outFolder, "summary.json"), summary.json());
      stdout.print(summary.text());
      stdout.println();
      stdout.println("wrote " + out);
      stdout.flush();
      return summary.rejected() > 0 || summary.failedClosed() > 0 ? FAILURES : OK;
    } finally {
      rows.unpersist();
      packBroadcast.destroy();
      confBroadcast.destroy();
    }
  }

  private void write(Dataset<Row> rows) {
    SaveMode mode = overwrite ? SaveMode.Overwrite : SaveMode.ErrorIfExists;
    Dataset<Row> assessed = rows.where(col(PartitionRescorer.REASON).isNull());
    assessed.sortWithinPartitions(PartitionRescorer.FILE, PartitionRescorer.LINE)
        .select(PartitionRescorer.JSON)
        .write().mode(mode).option("compression", compression).text(out + "/assessments");
    assessed.drop(PartitionRescorer.JSON, PartitionRescorer.REASON)
        .write().mode(mode).parquet(out + "/assessments.parquet");
    rows.where(col(PartitionRescorer.REASON).isNotNull())
        .sortWithinPartitions(PartitionRescorer.FILE, PartitionRescorer.LINE)
        .select(to_json(struct(col(PartitionRescorer.FILE).as("file"), col(PartitionRescorer.LINE).as("line"),
            col("declarationNumber").as("declaration"), col(PartitionRescorer.REASON).as("reason"))))
        .write().mode(mode).option("compression", compression).text(out + "/rejects");
  }

  private static void writeText(FileSystem fs, Path file, String text) throws IOException {
    try (OutputStream stream = fs.create(file, true)) {
      stream.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  private void validate() {
    List<String> problems = new ArrayList<>();
    if (partitions != null && (partitions < 1 || partitions > 100_000)) {
      problems.add("--partitions must be between 1 and 100000, was " + partitions);
    }
    if (batch < 1 || batch > 100_000) {
      problems.add("--batch must be between 1 and 100000, was " + batch);
    }
    if (maxLineChars < 100) {
      problems.add("--max-line-chars must be at least 100, was " + maxLineChars);
    }
    if (!List.of("none", "gzip", "bzip2", "zstd", "lz4", "snappy", "deflate").contains(compression)) {
      problems.add("--compression must be one of none, gzip, bzip2, zstd, lz4, snappy, deflate, was " + compression);
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
  }
}
