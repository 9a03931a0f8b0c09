package io.riskgate.cli;

import io.riskgate.Assessment;
import io.riskgate.Channel;
import io.riskgate.DeclarationException;
import io.riskgate.PackManifest;
import io.riskgate.RiskEngine;
import io.riskgate.RiskgateJson;
import io.riskgate.RulePack;
import io.riskgate.declaration.Declaration;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code riskgate calibrate}: the thresholds that give target shares of RED and YELLOW on a history. */
@Command(name = "calibrate", mixinStandardHelpOptions = true, sortOptions = false,
    versionProvider = Riskgate.Version.class,
    description = {
        "Finds the lowest thresholds whose shares of RED and of YELLOW on a history of declarations"
            + " do not exceed the targets, minimum channels and random selection included, and writes"
            + " a copy of the pack with only those thresholds changed and its version bumped (the last"
            + " number in it plus one).",
        "Scores are discrete: it prints the shares reached, the targets, and the shares one step"
            + " lower would give. With --capacity, it reports per customs office the days and"
            + " declarations over capacity, and the thresholds that keep every office within it."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
        "0:the targets can be met; the calibrated pack is written",
        "1:a target cannot be met (minimum channels or random selection alone exceed it, named);"
            + " nothing is written",
        "2:bad arguments, unreadable or unwritable files, a pack that does not load",
        "3:the run could not complete: a JVM error such as running out of memory"})
final class CalibrateCommand implements Callable<Integer> {
  private static final int BATCH = 500;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--pack", required = true, paramLabel = "<dir>", description = "The rule pack folder to calibrate.")
  Path pack;

  @Option(names = "--in", required = true, paramLabel = "<history.jsonl>",
      description = "The history: declarations as JSON Lines (as rescore reads them, outcomes allowed), plain or gzip.")
  Path in;

  @Option(names = "--red", required = true, paramLabel = "<percent>",
      description = "The most declarations to send RED, in percent of the history, 0 to 100 (5 for 5%%).")
  String redOption;

  @Option(names = "--yellow", required = true, paramLabel = "<percent>",
      description = "The most declarations to send YELLOW, in percent of the history, 0 to 100.")
  String yellowOption;

  private BigDecimal red;
  private BigDecimal yellow;

  @Option(names = "--out", required = true, paramLabel = "<new-pack-dir>",
      description = "Where to write the calibrated pack: a folder that does not exist or is empty, never --pack.")
  Path out;

  @Option(names = "--capacity", paramLabel = "<offices.csv>",
      description = "Per customs office, the inspections it can do a day: lines office,physicalPerDay,documentaryPerDay (a header line is allowed).")
  Path capacity;

  @Option(names = "--max-line-chars", paramLabel = "N", defaultValue = "1000000",
      description = "Longest input line read; a longer one is set aside (default: ${DEFAULT-VALUE}).")
  int maxLineChars;

  @Override
  public Integer call() throws IOException {
    validate();
    Map<String, Calibration.Capacity> capacities = capacity == null ? Map.of() : readCapacity(capacity);
    RulePack rulePack = RulePack.fromDirectory(pack);
    RiskEngine engine = RiskEngine.builder().pack(rulePack).build();
    PackManifest manifest = rulePack.manifest();
    Calibration calibration = new Calibration(manifest);
    long rejected = read(engine, calibration);
    PrintWriter stdout = spec.commandLine().getOut();
    int n = calibration.size();
    line(stdout, "pack      %s %s (thresholds yellow %d, red %d)", manifest.id(), manifest.version(),
        manifest.thresholds().yellow(), manifest.thresholds().red());
    line(stdout, "history   %s: %,d declarations assessed%s", in, n, rejected == 0 ? ""
        : String.format(Locale.ROOT, ", %,d lines set aside (not counted; rescore lists them with the reason)", rejected));
    if (calibration.failedClosed() > 0) {
      line(stdout, "          %,d declarations failed closed: their channel counts whatever the thresholds",
          calibration.failedClosed());
    }
    if (n == 0) {
      throw new UserException("--in " + in + ": no declaration could be assessed, nothing to calibrate on");
    }
    Calibration.Found redFound = calibration.red(calibration.allowed(red));
    if (redFound == null) {
      unreachable(stdout, "RED", red, calibration.redFloor(), n, "randomRates.red " + manifest.randomRates().red());
      return Riskgate.FAILURES;
    }
    int redThreshold = redFound.threshold();
    Calibration.Found yellowFound = calibration.yellow(redThreshold, calibration.allowed(yellow));
    if (yellowFound == null) {
      unreachable(stdout, "YELLOW", yellow, calibration.yellowFloor(redThreshold), n,
          "randomRates.yellow " + manifest.randomRates().yellow());
      return Riskgate.FAILURES;
    }
    int yellowThreshold = yellowFound.threshold();
    long[] channels = calibration.channels(yellowThreshold, redThreshold);
    line(stdout, "");
    line(stdout, "channel  threshold  declarations   share  target  one step lower");
    reached(stdout, "RED", redFound, red, n);
    reached(stdout, "YELLOW", yellowFound, yellow, n);
    line(stdout, "%-8s %9s  %12s  %5s%%", "GREEN", "", String.format(Locale.ROOT, "%,d", channels[Channel.GREEN.ordinal()]),
        percent(channels[Channel.GREEN.ordinal()], n));
    if (!capacities.isEmpty()) {
      capacityReport(stdout, calibration, capacities, yellowThreshold, redThreshold);
    }
    String version = CalibratedPack.nextVersion(manifest.version());
    CalibratedPack.write(pack, out, new PackManifest.Thresholds(yellowThreshold, redThreshold), version);
    line(stdout, "");
    line(stdout, "wrote %s: version %s, thresholds yellow %d, red %d (was %s: yellow %d, red %d)", out, version,
        yellowThreshold, redThreshold, manifest.version(), manifest.thresholds().yellow(), manifest.thresholds().red());
    stdout.flush();
    return Riskgate.OK;
  }

  /** Assesses the history in batches, keeping what the searches need; returns the lines set aside. */
  private long read(RiskEngine engine, Calibration calibration) throws IOException {
    RiskgateJson json = RiskgateJson.builder().maxDeclarationChars(maxLineChars).build();
    Source source = Source.file(in);
    long rejected = 0;
    long number = 0;
    try (LineReader lines = new LineReader(source.open(), maxLineChars)) {
      List<LineReader.Line> batch = new ArrayList<>(BATCH);
      boolean more = true;
      while (more) {
        batch.clear();
        LineReader.Line line = null;
        while (batch.size() < BATCH && (line = lines.next()) != null) {
          batch.add(line);
        }
        more = line != null;
        String notJsonLines = number == 0 ? InputShape.problem(batch) : null;
        if (notJsonLines != null) {
          throw new UserException(source.name() + ": " + notJsonLines);
        }
        List<Declaration> declarations = new ArrayList<>(batch.size());
        for (LineReader.Line read : batch) {
          number++;
          if (read.tooLong()) {
            rejected++;
            continue;
          }
          try {
            declarations.add(json.readDeclaration(JsonlRecord.parse(read.bytes(), number).declarationJson(), number));
          } catch (DeclarationException | JsonlRecord.OutcomeException e) {
            rejected++;
          }
        }
        if (declarations.isEmpty()) {
          continue;
        }
        List<Assessment> assessments = engine.assessAll(declarations);
        for (int i = 0; i < assessments.size(); i++) {
          Declaration declaration = declarations.get(i);
          calibration.add(assessments.get(i), declaration.header().customsOffice(), declaration.header().registeredAt());
        }
      }
    }
    return rejected;
  }

  private static void reached(PrintWriter out, String channel, Calibration.Found found, BigDecimal target, int n) {
    String lower = found.countOneLower() < 0 ? "none (1 is the lowest threshold)"
        : String.format(Locale.ROOT, "%d gives %s%% (%,d)", found.threshold() - 1,
            percent(found.countOneLower(), n), found.countOneLower());
    line(out, "%-8s %9d  %12s  %5s%%  %5s%%  %s", channel, found.threshold(),
        String.format(Locale.ROOT, "%,d", found.count()), percent(found.count(), n), target.stripTrailingZeros().toPlainString(), lower);
  }

  private static void unreachable(PrintWriter out, String channel, BigDecimal target, Calibration.Floor floor, int n,
      String randomRate) {
    String criteria = floor.criteria().isEmpty() ? "none"
        : floor.criteria().entrySet().stream().map(e -> String.format(Locale.ROOT, "%s (%,d)", e.getKey(), e.getValue()))
            .collect(Collectors.joining(", "));
    line(out, "");
    line(out, "the %s target %s%% cannot be met: %,d declarations (%s%%) are %s whatever the thresholds", channel,
        target.stripTrailingZeros().toPlainString(), floor.count(), percent(floor.count(), n), channel);
    line(out, "  criteria with minimum channel %s: %s", channel, criteria);
    line(out, "  random selection: %,d declarations (%s)", floor.random(), randomRate);
    line(out, "lower those minimum channels or random rates, or raise the target; no pack is written");
    out.flush();
  }

  private static void capacityReport(PrintWriter out, Calibration calibration,
      Map<String, Calibration.Capacity> capacities, int yellow, int red) {
    line(out, "");
    line(out, "capacity at yellow %d, red %d (days are registration days, UTC):", yellow, red);
    line(out, "%-12s %9s %11s %6s %9s %11s %11s", "office", "physical", "documentary", "days", "days over", "RED over",
        "YELLOW over");
    for (Calibration.OfficeLoad load : calibration.loads(yellow, red, capacities)) {
      if (load.capacity() == null) {
        line(out, "%-12s no capacity given (%d day%s)", load.office(), load.days(), load.days() == 1 ? "" : "s");
        continue;
      }
      line(out, "%-12s %9d %11d %6d %9d %11s %11s", load.office(), load.capacity().physicalPerDay(),
          load.capacity().documentaryPerDay(), load.days(), load.daysOver(), String.format(Locale.ROOT, "%,d", load.redOver()),
          String.format(Locale.ROOT, "%,d", load.yellowOver()));
    }
    Calibration.CapacityThresholds within = calibration.withinCapacity(capacities);
    if (within.impossible() != null) {
      line(out, "no thresholds keep every office within capacity: %s", within.impossible());
    } else {
      long[] channels = calibration.channels(within.yellow(), within.red());
      line(out, "thresholds that keep every office within capacity: yellow %d, red %d (RED %s%%, YELLOW %s%%)",
          within.yellow(), within.red(), percent(channels[Channel.RED.ordinal()], calibration.size()),
          percent(channels[Channel.YELLOW.ordinal()], calibration.size()));
    }
  }

  /** The capacity file: office,physicalPerDay,documentaryPerDay per line; a header line allowed. */
  static Map<String, Calibration.Capacity> readCapacity(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UserException("--capacity " + file + ": cannot read: " + StagedFile.describe(e), e);
    }
    Map<String, Calibration.Capacity> capacities = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String text = lines.get(i).strip();
      if (text.isEmpty() || i == 0 && text.toLowerCase(Locale.ROOT).startsWith("office")) {
        continue;
      }
      String[] fields = text.split(",", -1);
      String where = "--capacity " + file + ": line " + (i + 1) + ": ";
      if (fields.length != 3) {
        throw new UserException(where + "expected office,physicalPerDay,documentaryPerDay, found "
            + fields.length + " fields");
      }
      String office = fields[0].strip();
      if (office.isEmpty()) {
        throw new UserException(where + "the office is empty");
      }
      long physical = perDay(fields[1], where + "physicalPerDay");
      long documentary = perDay(fields[2], where + "documentaryPerDay");
      if (capacities.put(office, new Calibration.Capacity(office, physical, documentary)) != null) {
        throw new UserException(where + "office " + office + " appears twice");
      }
    }
    if (capacities.isEmpty()) {
      throw new UserException("--capacity " + file + ": no office in it");
    }
    return capacities;
  }

  private static long perDay(String field, String where) {
    try {
      long value = Long.parseLong(field.strip());
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // Said below.
    }
    throw new UserException(where + " must be a whole number, 0 or more");
  }

  private void validate() throws IOException {
    CommandLine cli = spec.commandLine();
    red = percent(cli, "--red", redOption);
    yellow = percent(cli, "--yellow", yellowOption);
    if (maxLineChars < 100) {
      throw new CommandLine.ParameterException(cli, "--max-line-chars must be at least 100, was " + maxLineChars);
    }
    OutputPaths.requireFolder(cli, "--pack", pack, RulePack.MANIFEST);
    OutputPaths.requireFile(cli, "--in", in, "a JSON Lines file");
    if (capacity != null) {
      OutputPaths.requireFile(cli, "--capacity", capacity, "a CSV file office,physicalPerDay,documentaryPerDay");
    }
    Path packPath = pack.toAbsolutePath().normalize();
    Path outPath = OutputPaths.followLinks(out.toAbsolutePath()).normalize();
    if (OutputPaths.same(out, pack) || outPath.startsWith(OutputPaths.followLinks(packPath))) {
      throw new CommandLine.ParameterException(cli, "--out " + out + ": is the --pack folder or inside it;"
          + " name a new folder for the calibrated pack");
    }
    if (Files.isDirectory(out)) {
      try (Stream<Path> entries = Files.list(out)) {
        if (entries.findAny().isPresent()) {
          throw new CommandLine.ParameterException(cli, "--out " + out + ": is a folder that is not empty;"
              + " name a new or empty folder");
        }
      }
    } else if (Files.exists(out)) {
      throw new CommandLine.ParameterException(cli, "--out " + out + ": is a file; name a new or empty folder");
    }
  }

  /** A plain number of percent, 0 to 100: {@code 5} or {@code 2.5}, not {@code 5%} nor {@code 0.05}'s meaning. */
  private static BigDecimal percent(CommandLine cli, String option, String text) {
    BigDecimal percent = null;
    if (text.strip().matches("\\d+(\\.\\d+)?")) {
      percent = new BigDecimal(text.strip());
    }
    if (percent == null || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
      throw new CommandLine.ParameterException(cli, option + " takes a percentage as a plain number between 0"
          + " and 100 (--red 5 for 5%), was '" + text + "'");
    }
    return percent;
  }

  /** A share in percent with two decimals: a share of a few thousand declarations moves by 0.02. */
  private static String percent(long count, int n) {
    return String.format(Locale.ROOT, "%.2f", 100.0 * count / n);
  }

  private static void line(PrintWriter out, String format, Object... args) {
    out.println(String.format(Locale.ROOT, format, args));
  }
}
