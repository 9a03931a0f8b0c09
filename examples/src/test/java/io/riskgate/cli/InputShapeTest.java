package io.riskgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * rescore says what its input should be: an input that is not JSON Lines is refused once, in
 * words, and every reject's reason is a sentence about the declaration.
 */
class InputShapeTest {
  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return TestData.rescore(out, err, args);
  }

  private String pack() {
    return TestData.pack("gate").toString();
  }

  private List<String> filesIn(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static List<JsonNode> rejects(Path file) throws IOException {
    return TestData.rejects(file);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "pretty-printed | looks like the start of a pretty-printed JSON document; put each declaration on a line of its own (jq -c . does)",
      "pretty-printed, brace alone | looks like the start of a pretty-printed JSON document",
      "JSON array | starts a JSON array; put each declaration on a line of its own (jq -c '.[]' does)",
      "JSON array, pretty-printed | starts a JSON array",
      "CSV | looks like CSV or other delimited text, not JSON",
      "binary | holds control characters (code 3): it looks like binary data, not text",
      "UTF-16 | is UTF-16 text; convert the input to UTF-8",
      "XML | looks like XML or HTML, not JSON",
  })
  void rescore_inputThatIsNotJsonLines_isSaidOncePlainly(String kind, String what) throws IOException {
    List<String> lines = TestData.lines(3, 21, false);
    byte[] content = switch (kind) {
      case "pretty-printed" -> lines.get(0).replace("{\"header\":{", "{\n  \"header\": {\n    ")
          .replace(",\"", ",\n    \"").getBytes(StandardCharsets.UTF_8);
      case "pretty-printed, brace alone" -> ("{\n  \"header\": {}\n}\n").getBytes(StandardCharsets.UTF_8);
      case "JSON array" -> ("[" + String.join(",", lines) + "]\n").getBytes(StandardCharsets.UTF_8);
      case "JSON array, pretty-printed" -> ("[\n  " + String.join(",\n  ", lines) + "\n]\n").getBytes(StandardCharsets.UTF_8);
      case "CSV" -> "number,type,hsCode\nD1,IMPORT,87089999\n".getBytes(StandardCharsets.UTF_8);
      case "binary" -> new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, '\n', 1, 2};
      case "UTF-16" -> ("\uFEFF" + lines.get(0) + "\n").getBytes(StandardCharsets.UTF_16LE);
      default -> "<?xml version=\"1.0\"?>\n<declarations/>\n".getBytes(StandardCharsets.UTF_8);
    };
    Path in = Files.write(dir.resolve("in.jsonl"), content);

    int status = run("--pack", pack(), "--in", in.toString(), "--out", dir.resolve("a.jsonl").toString());

    assertThat(status).isEqualTo(Riskgate.USAGE);
    assertThat(err.toString()).hasLineCount(1).startsWith("riskgate rescore: " + in + ": expected JSON Lines, one"
        + " declaration per line (a JSON object on each); line 1 " + what);
    assertThat(filesIn(dir)).containsExactly("in.jsonl");
  }

  @Test
  void rescore_aDamagedFirstLineOfAJsonLinesFile_isOneReject() throws IOException {
    List<String> lines = new ArrayList<>(TestData.lines(3, 22, false));
    lines.set(0, lines.get(0).substring(0, 40));  // torn, and the next line is a declaration

    int status = run("--pack", pack(), "--in", TestData.write(dir.resolve("in.jsonl"), lines).toString(),
        "--out", dir.resolve("a.jsonl").toString());

    assertThat(status).isEqualTo(Riskgate.FAILURES);
    assertThat(rejects(dir.resolve("a.rejects.jsonl"))).extracting(n -> n.get("line").asLong()).containsExactly(1L);
  }

  /** What Jackson and Java put in their messages, which no reason may show. */
  private static final java.util.regex.Pattern INTERNALS = java.util.regex.Pattern.compile(
      "`|JsonToken|START_|END_|VALUE_|FIELD_NAME|REDACTED|Source:|\\bjava\\.|fasterxml|jackson|io\\.riskgate"
          + "|Exception|StreamRead|Feature|Creator|[Dd]eserializ|\\(code |\\[line:|token|Token|BigDecimal");

  @Test
  void rescore_rejectReasonsOverMalformedLines_areSentencesWithoutJacksonOrJavaInternals() throws IOException {
    String good = TestData.lines(1, 23, false).get(0);
    List<String> lines = new ArrayList<>(List.of(good, "{\"header\": 1}", "", "not json at all", "{\"a\":", "[1, 2]",
        "{\"header\": {\"number\": \"1\",,}}", "{\"header\": {\"number\": 01}}", "{'header': {}}", "{} {}",
        "{\"header\": {\"number\": \"a\\qb\"}}", "\"text\"", "null", "12", "{\"header\":{}}]",
        good.replace("\"number\":", "\"number\":\"1\",\"number\":"),
        good.replace("\"items\":", "\"items\":[],\"items\":"),
        good.replaceFirst("\"amount\":[^,]*", "\"amount\":1e100000000"),
        good.replaceFirst("\"amount\":[^,]*", "\"amount\":\"" + "9".repeat(5_000) + "\""),
        good.replaceFirst("\"registeredAt\":\"[^\"]*\"", "\"registeredAt\":\"2016-12-31T23:59:60Z\""),
        good.replaceFirst("\"packages\":[^,]*", "\"packages\":1e999999999"),
        good.replaceFirst("\"grossWeightKg\":[^,]*", "\"grossWeightKg\":1e999999999"),
        good.replaceFirst("\"quantity\":[^,]*", "\"quantity\":\"many\""),
        good.replaceFirst("\"type\":\"[A-Z]*\"", "\"type\":[]"),
        good.replaceFirst("\\}$", ",\"outcome\":{\"inspected\":1,\"violation\":false}}"),
        good.replaceFirst("\\}$", ",\"outcome\":{\"inspected\":true,\"violation\":false,\"violation\":true}}"),
        good.replaceFirst("\\}$", ",\"outcome\":7}"),
        good.replaceFirst("\\}$", ",\"outcome\":{\"inspected\":true}}"),
        "{\"header\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}",
        "x".repeat(3_000)));
    Path in = TestData.write(dir.resolve("in.jsonl"), lines);

    int status = run("--pack", pack(), "--in", in.toString(), "--out", dir.resolve("a.jsonl").toString(),
        "--max-line-chars", "2000");

    assertThat(status).isEqualTo(Riskgate.FAILURES);
    List<JsonNode> rejected = rejects(dir.resolve("a.rejects.jsonl"));
    assertThat(rejected).hasSize(lines.size() - 1);
    for (JsonNode reject : rejected) {
      String reason = reject.get("reason").asText();
      assertThat(reason).startsWith("line " + reject.get("line").asLong())
          .doesNotContainPattern(INTERNALS).doesNotContain("\n");
    }
  }
}
