package io.riskgate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riskgate.RiskgateJson;
import io.riskgate.declaration.Declaration;
import org.junit.jupiter.api.Test;

class JsonlRecordTest {
  private final RiskgateJson json = RiskgateJson.defaults();
  private final String plain = json.writeDeclaration(TestData.plain("D1"));

  @Test
  void parse_lineWithoutOutcome_returnsItUnchanged() {
    JsonlRecord record = JsonlRecord.parse(plain, 3);

    assertThat(record.declarationJson()).isSameAs(plain);
    assertThat(record.outcome()).isNull();
  }

  @Test
  void parse_outcomeAsLastField_isCutOutAndTheRestBinds() {
    String line = JsonlRecord.format(plain, new Outcome(true, true));

    JsonlRecord record = JsonlRecord.parse(line, 3);

    assertThat(record.outcome()).isEqualTo(new Outcome(true, true));
    assertThat(record.declarationJson()).hasSameSizeAs(line).doesNotContain("outcome");
    assertThat(json.readDeclaration(record.declarationJson(), 3)).isEqualTo(TestData.plain("D1"));
  }

  @Test
  void parse_outcomeAsFirstField_keepsTheColumnsOfTheRest() {
    String line = "{\"outcome\": {\"inspected\": false, \"violation\": false}, " + plain.substring(1);

    JsonlRecord record = JsonlRecord.parse(line, 3);

    assertThat(record.outcome()).isEqualTo(new Outcome(false, false));
    assertThat(record.declarationJson().indexOf("\"header\"")).isEqualTo(line.indexOf("\"header\""));
    Declaration declaration = json.readDeclaration(record.declarationJson(), 3);
    assertThat(declaration.number()).isEqualTo("D1");
  }

  @Test
  void parse_outcomeWithAStringForABoolean_isRejectedWithItsPath() {
    String line = plain.substring(0, plain.length() - 1) + ",\"outcome\":{\"inspected\":\"yes\",\"violation\":false}}";

    assertThatThrownBy(() -> JsonlRecord.parse(line, 7))
        .isInstanceOf(JsonlRecord.OutcomeException.class)
        .hasMessageStartingWith("line 7, column ")
        .hasMessageContaining("at $.outcome.inspected: expected true or false");
  }

  @Test
  void parse_violationWithoutInspection_isKeptAsKnownTruth() {
    String line = JsonlRecord.format(plain, new Outcome(false, true));

    assertThat(JsonlRecord.parse(line, 2).outcome()).isEqualTo(new Outcome(false, true));
  }

  @Test
  void parse_outcomeMissingAField_isRejected() {
    String line = plain.substring(0, plain.length() - 1) + ",\"outcome\":{\"inspected\":true}}";

    assertThatThrownBy(() -> JsonlRecord.parse(line, 2))
        .isInstanceOf(JsonlRecord.OutcomeException.class)
        .hasMessageContaining("needs both 'inspected' and 'violation'");
  }

  @Test
  void parse_outcomeWithAnUnknownField_isRejected() {
    String line = plain.substring(0, plain.length() - 1)
        + ",\"outcome\":{\"inspected\":true,\"violation\":false,\"seized\":true}}";

    assertThatThrownBy(() -> JsonlRecord.parse(line, 2))
        .isInstanceOf(JsonlRecord.OutcomeException.class)
        .hasMessageContaining("unknown field 'seized'");
  }

  @Test
  void parse_wordOutcomeInsideAValue_isNotTakenForTheField() {
    String line = plain.replace("Brake assemblies for light trucks", "outcome");

    JsonlRecord record = JsonlRecord.parse(line, 1);

    assertThat(record.outcome()).isNull();
    assertThat(record.declarationJson()).isEqualTo(line);
  }

  @Test
  void parse_malformedJson_isReturnedWholeForTheDeclarationReaderToLocate() {
    String line = "{\"outcome\": {\"inspected\": true, \"violation\": false}, \"header\": ";

    JsonlRecord record = JsonlRecord.parse(line, 1);

    assertThat(record.declarationJson()).isEqualTo(line);
    assertThat(record.outcome()).isNull();
  }
}
