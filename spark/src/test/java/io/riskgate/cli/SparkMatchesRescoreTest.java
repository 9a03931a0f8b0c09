package io.riskgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.riskgate.spark.SparkRescoreAccess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promise of the Spark job: for the same input and pack, local-mode Spark gives what {@code
 * riskgate rescore} gives, declaration by declaration (channel, score, hits, random selection
 * included) and rejected line by rejected line, on a gzip file with broken lines beside a plain
 * one.
 */
class SparkMatchesRescoreTest {
  private static final JsonMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)  // evidence's decimals as written: 5.0, not 5
      .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false).build();
  private static SparkSession spark;

  @TempDir
  static Path folder;
  static Path pack;
  static Path inputs;
  static Path gzipped;
  static Path plain;

  @BeforeAll
  static void start() throws IOException {
    spark = SparkSession.builder().master("local[2]").appName("SparkMatchesRescoreTest")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate();
    pack = SparkTestData.freshBaselinePack(folder.resolve("pack"));
    inputs = Files.createDirectories(folder.resolve("in"));
    Path generated = folder.resolve("generated.jsonl");
    assertThat(Riskgate.run("generate", "--count", "300", "--seed", "11", "--with-outcomes", "--out",
        generated.toString())).isZero();
    List<String> lines = new ArrayList<>(Files.readAllLines(generated));
    // Broken lines among good ones, each of a kind rescore rejects for its own reason.
    lines.add(3, "");
    lines.add(10, "{\"header\": {\"number\": \"10999\"");
    lines.add(20, "not a declaration");
    lines.add(30, lines.get(31).replace("\"outcome\":{\"inspected\":", "\"outcome\":{\"seen\":"));
    lines.add(40, "{\"long\": \"" + "x".repeat(120_000) + "\"}");
    gzipped = inputs.resolve("history.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzipped))) {
      out.write((String.join("\n", lines.subList(0, 200)) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    plain = inputs.resolve("today.jsonl");
    Files.write(plain, lines.subList(200, lines.size()));
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void localSparkAndRescoreGiveTheSameAssessmentsAndRejects() throws IOException {
    Map<String, Rescored> rescored = new HashMap<>();
    for (Path input : List.of(gzipped, plain)) {
      rescored.put(input.getFileName().toString(), rescore(input));
    }
    Path out = folder.resolve("spark-out");
    int compilesBefore = SparkRescoreAccess.compiles();

    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    int status = SparkRescoreAccess.run(spark, stdout, "--pack", pack.toString(), "--in", inputs.toString(),
        "--out", out.toString(), "--max-line-chars", "100000", "--partitions", "3");

    assertThat(status).as(stdout.toString(StandardCharsets.UTF_8)).isEqualTo(1);
    // The pack compiled once in this JVM, for the driver and the tasks of every partition.
    assertThat(SparkRescoreAccess.compiles() - compilesBefore).isEqualTo(1);

    // The JSON Lines are rescore's, byte for byte, in another order.
    List<String> expectedLines = rescored.values().stream().flatMap(r -> r.assessmentLines().stream()).sorted().toList();
    assertThat(partLines(out.resolve("assessments")).stream().sorted().toList()).isEqualTo(expectedLines);

    // Parquet: per input file and declaration, the same channel, score, selection and hits, with
    // each hit's evidence as text: numbers as JSON writes them.
    boolean evidenceSeen = false;
    for (Row row : spark.read().parquet(out.resolve("assessments.parquet").toString()).collectAsList()) {
      String file = Path.of(java.net.URI.create(row.getAs("inputFile"))).getFileName().toString();
      JsonNode expected = rescored.get(file).byNumber().get(row.<String>getAs("declarationNumber"));
      assertThat(expected).as("declaration %s of %s", row.getAs("declarationNumber"), file).isNotNull();
      assertThat(row.<String>getAs("channel")).isEqualTo(expected.get("channel").asText());
      assertThat(row.<Integer>getAs("score")).isEqualTo(expected.get("score").asInt());
      assertThat(row.<String>getAs("selection")).isEqualTo(expected.get("selection").asText());
      List<String> hits = new ArrayList<>();
      expected.get("hits").forEach(hit -> hits.add(hit.get("code").asText() + " " + hit.get("points").asInt()
          + " " + hit.get("reason").asText() + " " + evidence(hit.get("evidence"))));
      List<String> sparkHits = row.<Row>getList(row.fieldIndex("hits")).stream()
          .map(hit -> hit.getAs("code") + " " + hit.getAs("points") + " " + hit.getAs("reason") + " "
              + (hit.isNullAt(hit.fieldIndex("evidence")) ? Map.of() : new TreeMap<>(hit.<String, String>getJavaMap(
                  hit.fieldIndex("evidence")))))
          .toList();
      assertThat(sparkHits).isEqualTo(hits);
      evidenceSeen |= sparkHits.stream().anyMatch(hit -> hit.contains("declared="));
    }
    assertThat(evidenceSeen).as("a valuation hit's evidence in Parquet").isTrue();
    assertThat(spark.read().parquet(out.resolve("assessments.parquet").toString()).count())
        .isEqualTo(expectedLines.size());

    // Rejects: the same lines of the same files, for the same reasons.
    Map<String, List<String>> sparkRejects = new HashMap<>();
    for (String line : partLines(out.resolve("rejects"))) {
      JsonNode reject = JSON.readTree(line);
      String file = Path.of(java.net.URI.create(reject.get("file").asText())).getFileName().toString();
      sparkRejects.computeIfAbsent(file, f -> new ArrayList<>())
          .add(reject.get("line").asLong() + ": " + reject.get("reason").asText());
    }
    for (Map.Entry<String, Rescored> entry : rescored.entrySet()) {
      assertThat(sparkRejects.getOrDefault(entry.getKey(), List.of()).stream().sorted().toList())
          .as(entry.getKey()).isEqualTo(entry.getValue().rejects().stream().sorted().toList());
    }
    assertThat(sparkRejects.get("history.jsonl.gz")).hasSize(5);

    // The summary counts what rescore counts.
    JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
    assertThat(summary.get("assessed").asLong()).isEqualTo(expectedLines.size());
    assertThat(summary.get("rejected").asLong()).isEqualTo(5);
    long red = rescored.values().stream().mapToLong(r -> r.count("RED")).sum();
    assertThat(summary.get("channels").get("RED").asLong()).isEqualTo(red);
    // The seeded random draw took part: it selects the same declarations in both.
    assertThat(summary.get("selections").get("RANDOM").asLong()).isPositive();
    assertThat(Files.readString(out.resolve("summary.txt")))
        .contains(String.format("lines     %,d = %,d assessed + 5 rejected", expectedLines.size() + 5,
            expectedLines.size()));
  }

  /** What rescore wrote for one input: its assessment lines and its rejects as "line: reason". */
  private record Rescored(List<String> assessmentLines, List<String> rejects, Map<String, JsonNode> byNumber) {
    long count(String channel) {
      return byNumber.values().stream().filter(a -> a.get("channel").asText().equals(channel)).count();
    }
  }

  private static Rescored rescore(Path input) throws IOException {
    Path out = folder.resolve("rescore-" + input.getFileName() + ".jsonl");
    Path rejects = folder.resolve("rescore-" + input.getFileName() + ".rejects.jsonl");
    int status = Riskgate.run("rescore", "--quiet", "--pack", pack.toString(), "--in", input.toString(),
        "--out", out.toString(), "--rejects", rejects.toString(), "--max-line-chars", "100000");
    assertThat(status).isIn(0, 1);
    List<String> lines = Files.readAllLines(out);
    Map<String, JsonNode> byNumber = new HashMap<>();
    for (String line : lines) {
      JsonNode node = JSON.readTree(line);
      byNumber.put(node.get("declarationNumber").asText(), node);
    }
    List<String> rejected = new ArrayList<>();
    for (String line : Files.readAllLines(rejects)) {
      JsonNode reject = JSON.readTree(line);
      rejected.add(reject.get("line").asLong() + ": " + reject.get("reason").asText());
    }
    return new Rescored(lines, rejected, byNumber);
  }

  private static List<String> partLines(Path folder) throws IOException {
    try (Stream<Path> parts = Files.list(folder)) {
      List<String> lines = new ArrayList<>();
      for (Path part : parts.filter(p -> p.getFileName().toString().startsWith("part-")).sorted()
          .collect(Collectors.toList())) {
        lines.addAll(Files.readAllLines(part));
      }
      return lines;
    }
  }

  /** A hit's evidence as the Parquet column holds it: names to text, numbers in plain form. */
  private static Map<String, String> evidence(JsonNode evidence) {
    Map<String, String> texts = new TreeMap<>();
    if (evidence != null) {
      for (Map.Entry<String, JsonNode> field : evidence.properties()) {
        JsonNode value = field.getValue();
        texts.put(field.getKey(), value.isNull() ? null
            : value.isNumber() ? value.decimalValue().toPlainString() : value.asText());
      }
    }
    return texts;
  }

}
