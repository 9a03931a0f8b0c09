package io.riskgate.cli;

import io.riskgate.RiskgateJson;
import io.riskgate.declaration.Declaration;
import io.riskgate.declaration.DeclarationType;
import io.riskgate.declaration.Document;
import io.riskgate.declaration.Header;
import io.riskgate.declaration.Item;
import io.riskgate.declaration.Money;
import io.riskgate.declaration.Preference;
import io.riskgate.declaration.TransportMode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Declarations and JSONL inputs for tests, shaped for the test packs in src/test/resources/packs:
 * {@code gate} scores invoice values above 10,000 (40 points), the gate {@code RISKY-GATE} (35),
 * arms in chapter 93 (RED), medicines in chapter 30 (at least YELLOW) and AEO traders (-60).
 */
final class TestData {
  /**
   * The command that starts a child JVM of the jar, for the tests that run it as a user does: with
   * the first JIT tier only, as each run is short and compiling the pack is most of it; that halves
   * a run's CPU time, and those tests start dozens of runs. With a class-data archive of the jar
   * (see {@link ClassArchive}) where one could be made: loading Drools' classes is a third of what
   * remains.
   */
  static List<String> javaCommand() {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1"));
    if (ClassArchive.FILE != null) {
      // Off: the JVM prints on standard output why an archive does not map, and tests read it.
      command.addAll(List.of("-XX:SharedArchiveFile=" + ClassArchive.FILE, "-Xlog:cds*=off"));
    }
    return List.copyOf(command);
  }

  /**
   * A dynamic class-data archive of the jar, made once per test JVM by a short rescore with the gate
   * pack, or null if the JVM could not make one: the child JVMs then load their classes as usual.
   */
  private static final class ClassArchive {
    static final Path FILE = make();

    private static Path make() {
      try {
        Path jar = Path.of(System.getProperty("riskgate.jar", "target/riskgate.jar")).toAbsolutePath();
        // Under target/, which the build cleans: the archive is tens of megabytes.
        Path dir = Files.createTempDirectory(Path.of("target"), "cds");
        Path archive = dir.resolve("riskgate.jsa");
        Path in = write(dir.resolve("in.jsonl"), lines(20, 1, false));
        Process training = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-XX:TieredStopAtLevel=1", "-XX:ArchiveClassesAtExit=" + archive, "-jar", jar.toString(),
            "rescore", "-q", "--pack", pack("gate").toString(), "--in", in.toString(),
            "--out", dir.resolve("out.jsonl").toString())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        return training.waitFor() == 0 && Files.isRegularFile(archive) ? archive : null;
      } catch (IOException e) {
        return null;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
  }

  private TestData() {}

  static Path pack(String name) {
    return Path.of("src/test/resources/packs", name).toAbsolutePath();
  }

  static Declaration declaration(String number, String gate, String trader, String invoice, String hsCode) {
    Header header = new Header(number, DeclarationType.IMPORT, "A11", "15BB", gate,
        Instant.parse("2026-03-14T08:15:00Z"), trader, "DL0042", "Pingxiang Auto Parts Co", "CN",
        "PXHN2026031401", TransportMode.ROAD, "20C-12345", "CNPXG", "CN", "DAP",
        Money.of(invoice, "USD"), 42, new BigDecimal("3150.5"), List.of());
    Item item = new Item(1, hsCode, "Brake assemblies for light trucks", "CN", new BigDecimal("1200"),
        "PCE", Money.of(invoice, "USD"), new BigDecimal("15"), new Preference("E", "E264501230001"),
        List.of());
    return new Declaration(header, List.of(item), List.of(new Document("INVOICE", "PX-INV-7781", null)));
  }

  /** A plain declaration that no criterion of {@code gate} hits. */
  static Declaration plain(String number) {
    return declaration(number, "VNHUU", "0101234567", "500.00", "87089999");
  }

  static String line(Declaration declaration, Outcome outcome) {
    return JsonlRecord.format(RiskgateJson.defaults().writeDeclaration(declaration), outcome);
  }

  /**
   * {@code count} varied input lines, numbered {@code D000001}..., reproducible from the seed; with
   * outcomes if asked (about 30% inspected, a fifth of those with a violation).
   */
  static List<String> lines(int count, long seed, boolean outcomes) {
    Random random = new Random(seed);
    String[] invoices = {"500.00", "5000.00", "15000.00", "30000.00"};
    List<String> lines = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      String gate = random.nextInt(6) == 0 ? "RISKY-GATE" : "VNHUU";
      String trader = random.nextInt(5) == 0 ? "AEO123" : "0101234567";
      int kind = random.nextInt(12);
      String hs = kind == 0 ? "93020000" : kind == 1 ? "30049099" : "87089999";
      Declaration declaration = declaration(String.format("D%06d", i), gate, trader,
          invoices[random.nextInt(invoices.length)], hs);
      Outcome outcome = null;
      if (outcomes) {
        boolean inspected = random.nextInt(10) < 3;
        outcome = new Outcome(inspected, inspected && random.nextInt(5) == 0);
      }
      lines.add(line(declaration, outcome));
    }
    return lines;
  }

  static Path write(Path file, List<String> lines) throws IOException {
    Files.write(file, lines);
    return file;
  }

  /** A stream that hands over one byte per read and says none is available, as a slow pipe may. */
  static java.io.InputStream oneByteAtATime(byte[] bytes) {
    return new java.io.InputStream() {
      private int next;

      @Override
      public int read() {
        return next < bytes.length ? bytes[next++] & 0xFF : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        int c = read();
        if (c < 0) {
          return -1;
        }
        b[off] = (byte) c;
        return 1;
      }
    };
  }

  /** Runs {@code riskgate rescore -q args} in process, its output and errors into the writers. */
  static int rescore(java.io.StringWriter out, java.io.StringWriter err, String... args) {
    picocli.CommandLine cli = Riskgate.commandLine();
    cli.setOut(new java.io.PrintWriter(out, true));
    cli.setErr(new java.io.PrintWriter(err, true));
    List<String> all = new ArrayList<>(List.of("rescore", "-q"));
    all.addAll(List.of(args));
    return cli.execute(all.toArray(String[]::new));
  }

  /** The reject records of a rejects file. */
  static List<com.fasterxml.jackson.databind.JsonNode> rejects(Path file) throws IOException {
    com.fasterxml.jackson.databind.json.JsonMapper mapper = com.fasterxml.jackson.databind.json.JsonMapper.builder().build();
    List<com.fasterxml.jackson.databind.JsonNode> rejected = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      rejected.add(mapper.readTree(line));
    }
    return rejected;
  }
}
