package io.riskgate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riskgate.RiskgateJson;
import io.riskgate.declaration.Declaration;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonlRecordTest {
  private final RiskgateJson json = RiskgateJson.defaults();
  private final String plain = json.writeDeclaration(TestData.plain("D1"));

  private static JsonlRecord parse(String line, long lineNumber) {
    return JsonlRecord.parse(line.getBytes(StandardCharsets.UTF_8), lineNumber);
  }

  private static String text(JsonlRecord record) {
    return new String(record.declarationJson(), StandardCharsets.UTF_8);
  }

  @Test
  void parse_lineWithoutOutcome_returnsItUnchanged() {
    byte[] line = plain.getBytes(StandardCharsets.UTF_8);

    JsonlRecord record = JsonlRecord.parse(line, 3);

    assertThat(record.declarationJson()).isSameAs(line);
    assertThat(record.outcome()).isNull();
  }

  @Test
  void parse_outcomeAsLastField_isCutOutAndTheRestBinds() {
    String line = JsonlRecord.format(plain, new Outcome(true, true));

    JsonlRecord record = parse(line, 3);

    assertThat(record.outcome()).isEqualTo(new Outcome(true, true));
    assertThat(text(record)).hasSameSizeAs(line).doesNotContain("outcome");
    assertThat(json.readDeclaration(record.declarationJson(), 3)).isEqualTo(TestData.plain("D1"));
  }

  @Test
  void parse_outcomeAsFirstField_keepsTheColumnsOfTheRest() {
    String line = "{\"outcome\": {\"inspected\": false, \"violation\": false}, " + plain.substring(1);

    JsonlRecord record = parse(line, 3);

    assertThat(record.outcome()).isEqualTo(new Outcome(false, false));
    assertThat(text(record).indexOf("\"header\"")).isEqualTo(line.indexOf("\"header\""));
    Declaration declaration = json.readDeclaration(record.declarationJson(), 3);
    assertThat(declaration.number()).isEqualTo("D1");
  }

  @Test
  void parse_outcomeWithAStringForABoolean_isRejectedWithItsPath() {
    String line = plain.substring(0, plain.length() - 1) + ",\"outcome\":{\"inspected\":\"yes\",\"violation\":false}}";

    assertThatThrownBy(() -> parse(line, 7))
        .isInstanceOf(JsonlRecord.OutcomeException.class)
        .hasMessageStartingWith("line 7, column ")
        .hasMessageContaining("at $.outcome.inspected: expected true or false");
  }

  @Test
  void parse_violationWithoutInspection_isKeptAsKnownTruth() {
    String line = JsonlRecord.format(plain, new Outcome(false, true));

    assertThat(parse(line, 2).outcome()).isEqualTo(new Outcome(false, true));
  }

  @Test
  void parse_outcomeMissingAField_isRejected() {
    String line = plain.substring(0, plain.length() - 1) + ",\"outcome\":{\"inspected\":true}}";

    assertThatThrownBy(() -> parse(line, 2))
        .isInstanceOf(JsonlRecord.OutcomeException.class)
        .hasMessageContaining("needs both 'inspected' and 'violation'");
  }

  @Test
  void parse_outcomeWithAnUnknownField_isRejected() {
    String line = plain.substring(0, plain.length() - 1)
        + ",\"outcome\":{\"inspected\":true,\"violation\":false,\"seized\":true}}";

    assertThatThrownBy(() -> parse(line, 2))
        .isInstanceOf(JsonlRecord.OutcomeException.class)
        .hasMessageContaining("unknown field 'seized'");
  }

  @Test
  void parse_wordOutcomeInsideAValue_isNotTakenForTheField() {
    String line = plain.replace("Brake assemblies for light trucks", "outcome");

    JsonlRecord record = parse(line, 1);

    assertThat(record.outcome()).isNull();
    assertThat(text(record)).isEqualTo(line);
  }

  @Test
  void parse_malformedJson_isReturnedWholeForTheDeclarationReaderToLocate() {
    String line = "{\"outcome\": {\"inspected\": true, \"violation\": false}, \"header\": ";

    JsonlRecord record = parse(line, 1);

    assertThat(text(record)).isEqualTo(line);
    assertThat(record.outcome()).isNull();
  }

  @Test
  void parse_malformedOutcomeAfterVietnameseText_isLocatedInCharacters() {
    String line = plain.replace("Brake assemblies for light trucks", "Cụm phanh xe tải nhẹ")
        .replaceFirst("\\}$", ",\"outcome\":{\"inspected\":1,\"violation\":false}}");

    assertThatThrownBy(() -> parse(line, 4))
        .isInstanceOf(JsonlRecord.OutcomeException.class)
        .hasMessageStartingWith("line 4, column " + (line.lastIndexOf(":1,") + 2) + ", at $.outcome.inspected");
  }

  @Test
  void parse_outcomeOnALineWithMalformedUtf8_isRefusedByTheDeclarationReaderAtItsByte() {
    byte[] line = JsonlRecord.format(plain, new Outcome(true, false)).replace("Brake", "Brake?s")
        .getBytes(StandardCharsets.UTF_8);
    int at = new String(line, StandardCharsets.ISO_8859_1).indexOf("?s");
    line[at] = (byte) 0x92;  // cp1252's apostrophe

    JsonlRecord record = JsonlRecord.parse(line, 5);

    assertThatThrownBy(() -> json.readDeclaration(record.declarationJson(), 5))
        .isInstanceOf(io.riskgate.DeclarationException.class)
        .hasMessageContaining("byte " + (at + 1) + " of the line (0x92) is not valid UTF-8");
  }

  @Test
  void parse_aFieldTwiceInTheOutcome_isRefusedAtTheSecond() {
    String line = plain.replaceFirst("\\}$", ",\"outcome\":{\"inspected\":true,\"violation\":false,\"inspected\":false}}");

    assertThatThrownBy(() -> parse(line, 2))
        .isInstanceOf(JsonlRecord.OutcomeException.class)
        .hasMessageStartingWith("line 2, column " + (line.lastIndexOf("false}") + 1) + ", at $.outcome.inspected: the field 'inspected' appears twice");
  }
}
