package io.riskgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.riskgate.RiskgateJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Every assessment rescore writes validates against the schema shipped in the engine jar. */
class AssessmentSchemaTest {
  @TempDir
  Path dir;

  private static JsonSchema schema() throws IOException {
    try (InputStream in = RiskgateJson.class.getResourceAsStream("assessment.schema.json")) {
      assertThat(in).as("assessment.schema.json in the engine jar").isNotNull();
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    }
  }

  @Test
  void everyAssessmentRescoreWrites_validatesAgainstTheSchema() throws IOException {
    Path in = dir.resolve("declarations.jsonl");
    Path out = dir.resolve("assessments.jsonl");
    CommandLine cli = Riskgate.commandLine();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(new StringWriter(), true));
    cli.setErr(new PrintWriter(err, true));
    assertThat(cli.execute("generate", "--count", "3000", "--seed", "11", "--out", in.toString()))
        .as(err.toString()).isZero();
    assertThat(cli.execute("rescore", "-q", "--in", in.toString(), "--out", out.toString()))
        .as(err.toString()).isZero();

    JsonSchema schema = schema();
    ObjectMapper mapper = new ObjectMapper();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(3_000);
    int withMinimum = 0;
    int random = 0;
    for (String line : lines) {
      JsonNode assessment = mapper.readTree(line);
      Set<ValidationMessage> errors = schema.validate(assessment);
      assertThat(errors).as(line).isEmpty();
      withMinimum += line.contains("\"minimumChannel\"") ? 1 : 0;
      random += assessment.get("selection").asText().equals("RANDOM") ? 1 : 0;
    }
    // The sample must exercise the optional parts of the schema, or it proves little about them.
    assertThat(withMinimum).isPositive();
    assertThat(random).isPositive();
  }

  @Test
  void assessmentsWithCriteriaOnTrial_validateAgainstTheSchema() throws IOException {
    Path in = TestData.write(dir.resolve("declarations.jsonl"), TestData.lines(500, 3, false));
    Path out = dir.resolve("assessments.jsonl");
    assertThat(TestData.rescore(new StringWriter(), new StringWriter(), "--pack", TestData.pack("gate-trial").toString(),
        "--in", in.toString(), "--out", out.toString())).isZero();

    JsonSchema schema = schema();
    ObjectMapper mapper = new ObjectMapper();
    int trialHits = 0;
    int trials = 0;
    for (String line : Files.readAllLines(out)) {
      assertThat(schema.validate(mapper.readTree(line))).as(line).isEmpty();
      trialHits += line.contains("\"trial\":true") ? 1 : 0;
      trials += line.contains("\"trials\":[{") ? 1 : 0;
    }
    assertThat(trialHits).isPositive().isEqualTo(trials);
  }

  @Test
  void schema_refusesATrialMarkThatIsFalseAndAnEmptyTrials() throws IOException {
    String pack = ",\"pack\":{\"id\":\"p\",\"version\":\"1\",\"contentHash\":\"" + "0".repeat(64) + "\"},\"engineVersion\":\"x\"}";
    JsonNode falseMark = new ObjectMapper().readTree("{\"declarationNumber\":\"1\",\"channel\":\"GREEN\",\"score\":0,"
        + "\"hits\":[{\"code\":\"A\",\"points\":1,\"reason\":\"r\",\"rule\":\"a\",\"trial\":false}],\"selection\":\"NONE\"" + pack);
    JsonNode emptyTrials = new ObjectMapper().readTree("{\"declarationNumber\":\"1\",\"channel\":\"GREEN\",\"score\":0,"
        + "\"hits\":[],\"trials\":[],\"selection\":\"NONE\"" + pack);

    assertThat(schema().validate(falseMark)).isNotEmpty();
    assertThat(schema().validate(emptyTrials)).isNotEmpty();
  }

  @Test
  void schema_refusesAnAssessmentMissingItsPack() throws IOException {
    JsonNode bad = new ObjectMapper().readTree("{\"declarationNumber\":\"1\",\"channel\":\"GREEN\",\"score\":0,"
        + "\"hits\":[],\"selection\":\"NONE\",\"engineVersion\":\"x\",\"assessedAt\":\"2026-01-01T00:00:00Z\"}");
    assertThat(schema().validate(bad)).extracting(ValidationMessage::getMessage)
        .anySatisfy(message -> assertThat(message).contains("pack"));
  }
}
