package io.riskgate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The published JSON Schema agrees with the reader: every example declaration in the repository
 * validates against it and reads without error.
 */
class DeclarationSchemaTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonSchema SCHEMA = load();

  private static JsonSchema load() {
    try (InputStream in = RiskgateJson.class.getResourceAsStream("declaration.schema.json")) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Example declarations anywhere in the repository: JSON files in folders named
   * {@code declarations}, and JSON Lines samples whose name says they hold declarations.
   */
  static List<Path> examples() throws IOException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.git/"))
          .filter(p -> {
            String name = p.getFileName().toString();
            return (name.endsWith(".json") && p.getParent().getFileName().toString().equals("declarations"))
                || name.matches(".*declarations.*\\.jsonl(\\.gz)?");
          })
          .sorted()
          .toList();
    }
  }

  @Test
  void everyExampleDeclaration_validatesAgainstTheSchemaAndReads() throws IOException {
    List<Path> examples = examples();
    assertThat(examples).isNotEmpty();
    int checked = 0;
    for (Path example : examples) {
      for (String[] record : records(example)) {
        JsonNode node = MAPPER.readTree(record[1]);
        if (node instanceof ObjectNode object) {
          // JSON Lines samples may carry a known inspection outcome beside the declaration.
          object.remove("outcome");
        }
        Set<ValidationMessage> errors = SCHEMA.validate(node);
        assertThat(errors).as("%s line %s", example, record[0]).isEmpty();
        RiskgateJson.defaults().readDeclaration(MAPPER.writeValueAsString(node));
        checked++;
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(2);
  }

  @Test
  void schema_rejectsWhatTheReaderRejects() throws IOException {
    ObjectNode good = (ObjectNode) MAPPER.readTree(RiskgateJsonTest.example("import-vehicle-parts.json"));
    assertThat(SCHEMA.validate(good)).isEmpty();

    ObjectNode badHs = good.deepCopy();
    ((ObjectNode) badHs.get("items").get(0)).put("hsCode", "8708");
    assertThat(SCHEMA.validate(badHs)).isNotEmpty();

    ObjectNode unknown = good.deepCopy();
    ((ObjectNode) unknown.get("header")).put("orign", "CN");
    assertThat(SCHEMA.validate(unknown)).isNotEmpty();

    ObjectNode noItems = good.deepCopy();
    noItems.putArray("items");
    assertThat(SCHEMA.validate(noItems)).isNotEmpty();
  }

  private static List<String[]> records(Path file) throws IOException {
    List<String[]> records = new ArrayList<>();
    String name = file.getFileName().toString();
    if (name.endsWith(".json")) {
      records.add(new String[] {"1", Files.readString(file)});
      return records;
    }
    InputStream in = Files.newInputStream(file);
    if (name.endsWith(".gz")) {
      in = new GZIPInputStream(in);
    }
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (!line.isBlank()) {
          records.add(new String[] {String.valueOf(number), line});
        }
      }
    }
    return records;
  }
}
