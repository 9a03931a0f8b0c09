package io.riskgate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.riskgate.declaration.Declaration;
import io.riskgate.declaration.DeclarationType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RiskgateJsonTest {
  private static final RiskgateJson JSON = RiskgateJson.defaults();

  static String example(String name) throws IOException {
    return Files.readString(Path.of("../examples/declarations", name));
  }

  @Test
  void readDeclaration_bindsEveryPart() throws IOException {
    Declaration d = JSON.readDeclaration(example("import-vehicle-parts.json"));
    assertThat(d.number()).isEqualTo("104512345670");
    assertThat(d.header().type()).isEqualTo(DeclarationType.IMPORT);
    assertThat(d.header().registeredAt()).isEqualTo(Instant.parse("2026-03-14T08:15:00Z"));
    assertThat(d.header().invoiceValue().amount()).isEqualByComparingTo("18250.00");
    assertThat(d.header().invoiceValue().currencyCode()).isEqualTo("USD");
    assertThat(d.items()).hasSize(2);
    assertThat(d.items().get(0).preference().form()).isEqualTo("E");
    assertThat(d.items().get(0).unitValue()).isEqualByComparingTo("12");
    assertThat(d.items().get(0).chapter()).isEqualTo(87);
    assertThat(d.items().get(1).licences()).isEmpty();
    assertThat(d.hasDocument("CO")).isTrue();
  }

  @Test
  void writeThenRead_givesAnEqualDeclaration() throws IOException {
    for (String name : new String[] {"import-vehicle-parts.json", "export-garments.json"}) {
      Declaration d = JSON.readDeclaration(example(name));
      String line = JSON.writeDeclaration(d);
      assertThat(line).doesNotContain("\n").doesNotContain("unitValue").doesNotContain("chapter");
      assertThat(JSON.readDeclaration(line)).isEqualTo(d);
    }
  }

  @Test
  void assessment_roundTripsThroughJson() {
    Assessment a = new Assessment("104512345670", Channel.YELLOW, 35,
        java.util.List.of(new Hit("VAL-01", 35, null, "declared unit value 3.10 USD/KGM is 62% below reference 8.20", "Under-valuation")),
        Selection.TARGETED, new PackVersion("vn-baseline", "1.0", "ab".repeat(32)), "0.1.0",
        Instant.parse("2026-03-14T08:15:01Z"));
    String line = JSON.writeAssessment(a);
    assertThat(line).contains("\"channel\":\"YELLOW\"").contains("\"assessedAt\":\"2026-03-14T08:15:01Z\"")
        .doesNotContain("minimumChannel");
    assertThat(JSON.readAssessment(line, 1)).isEqualTo(a);
  }

  @Test
  void invalidHsCode_isLocatedWithLineColumnPathAndNumber() throws IOException {
    String json = example("import-vehicle-parts.json").replace("\"40111000\"", "\"4011\"");
    assertThatThrownBy(() -> JSON.readDeclaration(json, 100))
        .isInstanceOfSatisfying(DeclarationException.class, e -> {
          assertThat(e.jsonPath()).isEqualTo("$.items[1].hsCode");
          assertThat(e.declarationNumber()).isEqualTo("104512345670");
          assertThat(e.line()).isGreaterThan(100);
          assertThat(e.column()).isPositive();
          assertThat(e.getOriginalMessage()).isEqualTo("hsCode must be an HS code of 6, 8 or 10 digits (got 4 characters)");
          assertThat(e.getMessage()).startsWith("line " + e.line() + ", column " + e.column()
              + ", at $.items[1].hsCode (declaration 104512345670): hsCode must be");
        });
  }

  @Test
  void unknownCountryAndCurrency_areRejected() throws IOException {
    String badCountry = example("export-garments.json").replace("\"origin\": \"VN\"", "\"origin\": \"XX\"");
    assertThatThrownBy(() -> JSON.readDeclaration(badCountry))
        .isInstanceOf(DeclarationException.class)
        .hasMessageContaining("at $.items[0].origin (declaration 305512345671): origin must be an ISO 3166-1 alpha-2 country code");
    String badCurrency = example("export-garments.json").replace("\"currency\": \"USD\" },\n    \"packages\"", "\"currency\": \"usd\" },\n    \"packages\"");
    assertThatThrownBy(() -> JSON.readDeclaration(badCurrency))
        .isInstanceOf(DeclarationException.class)
        .hasMessageContaining("at $.header.invoiceValue.currency")
        .hasMessageContaining("ISO 4217");
  }

  @Test
  void unknownField_isRejectedByDefaultAndIgnoredWhenConfigured() throws IOException {
    String json = example("export-garments.json").replace("\"unit\": \"PCE\"", "\"unit\": \"PCE\", \"orign\": \"VN\"");
    assertThatThrownBy(() -> JSON.readDeclaration(json))
        .isInstanceOf(DeclarationException.class)
        .hasMessageContaining("at $.items[0].orign")
        .hasMessageContaining("unknown field 'orign'");
    Declaration lenient = RiskgateJson.builder().ignoreUnknownFields(true).build().readDeclaration(json);
    assertThat(lenient.items().get(0).origin()).isEqualTo("VN");
  }

  @Test
  void malformedJson_givesLineAndColumn() {
    assertThatThrownBy(() -> JSON.readDeclaration("{\"header\": {\"number\": \"1\",,}}", 7))
        .isInstanceOfSatisfying(DeclarationException.class, e -> {
          assertThat(e.line()).isEqualTo(7);
          assertThat(e.column()).isEqualTo(27);  // the second comma
          assertThat(e.declarationNumber()).isNull();
        });
    assertThatThrownBy(() -> JSON.readDeclaration("{\"header\": {\"number\": \"1\", \"packages\": \"many\"}}"))
        .isInstanceOf(DeclarationException.class)
        .hasMessageContaining("at $.header.packages")
        .hasMessageContaining("expected a number (int)");
    assertThatThrownBy(() -> JSON.readDeclaration("{\"header\": {\"number\": \"1\", \"type\": \"SMUGGLE\"}}"))
        .isInstanceOf(DeclarationException.class)
        .hasMessageContaining("at $.header.type")
        .hasMessageContaining("one of IMPORT, EXPORT, TRANSIT");
  }

  @Test
  void readDeclarationFromBytes_bindsWhatTheTextBinds() throws IOException {
    for (String name : new String[] {"import-vehicle-parts.json", "export-garments.json"}) {
      String text = example(name);
      assertThat(JSON.readDeclaration(text.getBytes(StandardCharsets.UTF_8), 1))
          .isEqualTo(JSON.readDeclaration(text, 1));
    }
  }

  @Test
  void readDeclarationFromBytes_locatesErrorsInCharactersAsTheTextDoes() throws IOException {
    // Vietnamese takes two or three bytes a letter in UTF-8: a byte column would point past the error.
    String text = garmentsLine()
        .replace("\"description\":\"", "\"description\":\"Áo sơ mi nữ, ")
        .replace("\"origin\":\"VN\"", "\"origin\":VN");
    DeclarationException fromText = catchThrowableOfType(DeclarationException.class,
        () -> JSON.readDeclaration(text, 9));
    DeclarationException fromBytes = catchThrowableOfType(DeclarationException.class,
        () -> JSON.readDeclaration(text.getBytes(StandardCharsets.UTF_8), 9));
    assertThat(fromBytes.getMessage()).isEqualTo(fromText.getMessage());
    assertThat(fromBytes.line()).isEqualTo(9);
    // Jackson points just past the bad token VN; in bytes it would be 4 further on.
    assertThat(fromBytes.column()).isEqualTo(text.indexOf(":VN") + 4);
  }

  @Test
  void readDeclarationFromBytes_readsMalformedUtf8AsTheTextDecodingDoes() throws IOException {
    byte[] line = garmentsLine()
        .getBytes(StandardCharsets.UTF_8);
    int at = indexOf(line, "\"description\":\"".getBytes(StandardCharsets.UTF_8)) + 15;
    line[at] = (byte) 0xC3;  // a lead byte without its continuation
    Declaration declaration = JSON.readDeclaration(line, 1);
    assertThat(declaration.items().get(0).description()).startsWith("\uFFFD");
    assertThat(declaration).isEqualTo(JSON.readDeclaration(new String(line, StandardCharsets.UTF_8), 1));
  }

  @Test
  void readDeclarationFromBytes_rejectsAByteOrderMarkAsTheTextDoes() throws IOException {
    String text = "\uFEFF" + garmentsLine();
    assertFailsAsText(text.getBytes(StandardCharsets.UTF_8), 1);
  }

  @Test
  void readDeclarationFromBytes_malformedUtf8ThatJacksonWouldDecode_readsAsTheTextDecodingDoes() throws IOException {
    String line = garmentsLine();
    // An HS code of overlong two-byte digits: Jackson alone would decode them into digits.
    byte[] overlong = replace(line, "\"hsCode\":\"62034200\"", overlongDigits("62034200"));
    assertFailsAsText(overlong, 3);
    // A surrogate pair encoded as two three-byte sequences (CESU-8) is malformed UTF-8.
    byte[] cesu = replace(line, "Men's", new byte[] {'M', (byte) 0xED, (byte) 0xA0, (byte) 0xBD,
        (byte) 0xED, (byte) 0xB8, (byte) 0x80});
    assertThat(JSON.readDeclaration(cesu, 1))
        .isEqualTo(JSON.readDeclaration(new String(cesu, StandardCharsets.UTF_8), 1));
    assertThat(JSON.readDeclaration(cesu, 1).items().get(0).description()).doesNotContain("\uD83D");
  }

  @Test
  void readDeclarationFromBytes_overlongCloseAtEveryAlignment_isRejectedAsTheTextIs() throws IOException {
    // The ASCII check reads eight bytes at a time, then the rest one by one. An overlong '}'
    // (C1 BD) ends the document, shifted by 0-7 spaces so that it meets every lane of both loops:
    // Jackson alone would read it as '}' and accept the declaration; decoded, it is two U+FFFD.
    String line = garmentsLine();
    for (int pad = 0; pad < Long.BYTES; pad++) {
      byte[] bytes = (line.substring(0, line.length() - 1) + " ".repeat(pad) + "}}")
          .getBytes(StandardCharsets.UTF_8);
      bytes[bytes.length - 2] = (byte) 0xC1;
      bytes[bytes.length - 1] = (byte) 0xBD;
      assertFailsAsText(bytes, 1);
    }
  }

  private static byte[] overlongDigits(String digits) {
    byte[] quoted = ("\"hsCode\":\"").getBytes(StandardCharsets.UTF_8);
    byte[] out = java.util.Arrays.copyOf(quoted, quoted.length + 2 * digits.length() + 1);
    for (int i = 0; i < digits.length(); i++) {
      out[quoted.length + 2 * i] = (byte) 0xC0;
      out[quoted.length + 2 * i + 1] = (byte) (0x80 | digits.charAt(i));
    }
    out[out.length - 1] = '"';
    return out;
  }

  private static byte[] replace(String text, String part, byte[] with) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    int at = indexOf(bytes, part.getBytes(StandardCharsets.UTF_8));
    assertThat(at).as(part).isNotNegative();
    int after = at + part.getBytes(StandardCharsets.UTF_8).length;
    byte[] out = new byte[bytes.length - (after - at) + with.length];
    System.arraycopy(bytes, 0, out, 0, at);
    System.arraycopy(with, 0, out, at, with.length);
    System.arraycopy(bytes, after, out, at + with.length, bytes.length - after);
    return out;
  }

  private static String garmentsLine() throws IOException {
    return JSON.writeDeclaration(JSON.readDeclaration(example("export-garments.json")));
  }

  /** The byte path fails as the text path fails on the decoded bytes, message for message. */
  private static void assertFailsAsText(byte[] bytes, long line) {
    DeclarationException fromText = catchThrowableOfType(DeclarationException.class,
        () -> JSON.readDeclaration(new String(bytes, StandardCharsets.UTF_8), line));
    assertThat(fromText).as("the text path's error").isNotNull();
    assertThatThrownBy(() -> JSON.readDeclaration(bytes, line))
        .isInstanceOf(DeclarationException.class)
        .hasMessage(fromText.getMessage());
  }

  private static int indexOf(byte[] bytes, byte[] part) {
    for (int i = 0; i + part.length <= bytes.length; i++) {
      if (java.util.Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void missingField_namesIt() throws IOException {
    String json = example("export-garments.json").replace("\"traderTaxId\": \"0301112223\",", "");
    assertThatThrownBy(() -> JSON.readDeclaration(json))
        .isInstanceOf(DeclarationException.class)
        .hasMessageContaining("at $.header.traderTaxId (declaration 305512345671): traderTaxId is required");
  }

  @Test
  void limits_areEnforcedWithTheSettingNamed() throws IOException {
    RiskgateJson short_ = RiskgateJson.builder().maxDeclarationChars(500).build();
    assertThatThrownBy(() -> short_.readDeclaration(example("import-vehicle-parts.json")))
        .isInstanceOf(DeclarationException.class)
        .hasMessageContaining("more than the maximum 500 (from RiskgateJson.Builder.maxDeclarationChars)");
    RiskgateJson tight = RiskgateJson.builder().maxItems(1).build();
    String twoItems = JSON.writeDeclaration(JSON.readDeclaration(example("import-vehicle-parts.json")));
    assertThatThrownBy(() -> tight.readDeclaration(twoItems))
        .isInstanceOf(DeclarationException.class)
        .hasMessageContaining("at $.items (declaration 104512345670): declaration has 2 items, more than the maximum 1");
    assertThatThrownBy(() -> RiskgateJson.builder().maxItems(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("maxItems must be at least 1, was 0");
  }

  @Test
  void quantityMustBePositive() throws IOException {
    String json = example("export-garments.json").replace("\"quantity\": \"24000\"", "\"quantity\": 0");
    assertThatThrownBy(() -> JSON.readDeclaration(json))
        .isInstanceOf(DeclarationException.class)
        .hasMessageContaining("at $.items[0].quantity")
        .hasMessageContaining("quantity must be greater than zero");
    assertThat(new BigDecimal("1")).isPositive();
  }
}
