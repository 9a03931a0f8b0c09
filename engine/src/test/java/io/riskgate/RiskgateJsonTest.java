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
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
  void anAssessmentWithoutItsTime_readsWithNoTime_andABadTimeIsStillRefused() {
    Assessment a = new Assessment("104512345670", Channel.GREEN, 0, java.util.List.of(), Selection.NONE,
        new PackVersion("vn-baseline", "1.0", "ab".repeat(32)), "0.1.0", Instant.parse("2026-03-14T08:15:01Z"));
    String line = JSON.writeAssessment(a);
    // As riskgate rescore writes it: the same line without the field.
    String timeless = line.replace(",\"assessedAt\":\"2026-03-14T08:15:01Z\"", "");

    assertThat(timeless).doesNotContain("assessedAt");
    assertThat(JSON.readAssessment(timeless, 1)).isEqualTo(new Assessment(a.declarationNumber(), a.channel(),
        a.score(), a.hits(), a.selection(), a.pack(), a.engineVersion(), Assessment.NO_TIME));
    assertThatThrownBy(() -> JSON.readAssessment(line.replace("2026-03-14T08:15:01Z", "yesterday"), 4))
        .isInstanceOfSatisfying(DeclarationException.class, e -> {
          assertThat(e.line()).isEqualTo(4);
          assertThat(e.jsonPath()).isEqualTo("$.assessedAt");
        });
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
          assertThat(e.declarationNumber()).isEqualTo("1");  // read before the error
          assertThat(e.getOriginalMessage()).isEqualTo("expected a field name in double quotes, found ','");
        });
    assertThatThrownBy(() -> JSON.readDeclaration("{\"header\": {\"number\": \"1\", \"packages\": \"many\"}}"))
        .isInstanceOf(DeclarationException.class)
        .hasMessageContaining("at $.header.packages")
        .hasMessageContaining("expected a whole number, found a string that is not one");
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
  void readDeclarationFromARange_readsOnlyThoseBytes_andLocatesErrorsAsTheLineAlone() throws IOException {
    String line = garmentsLine();
    String before = "{\"not\": \"this\"}\n";
    byte[] bytes = (before + line + "\n{garbage").getBytes(StandardCharsets.UTF_8);
    assertThat(JSON.readDeclaration(bytes, before.length(), line.getBytes(StandardCharsets.UTF_8).length, 2))
        .isEqualTo(JSON.readDeclaration(line, 2));

    // Vietnamese before the error: the column counts characters, from the start of the range.
    String bad = line.replace("\"description\":\"", "\"description\":\"Áo sơ mi nữ, ")
        .replace("\"origin\":\"VN\"", "\"origin\":VN");
    byte[] padded = ("ườ" + bad + "}}").getBytes(StandardCharsets.UTF_8);
    int badBytes = bad.getBytes(StandardCharsets.UTF_8).length;
    DeclarationException fromText = catchThrowableOfType(DeclarationException.class,
        () -> JSON.readDeclaration(bad, 7));
    DeclarationException fromRange = catchThrowableOfType(DeclarationException.class,
        () -> JSON.readDeclaration(padded, "ườ".getBytes(StandardCharsets.UTF_8).length, badBytes, 7));
    assertThat(fromRange.getMessage()).isEqualTo(fromText.getMessage());
    assertThat(fromRange.line()).isEqualTo(7);
    assertThat(fromRange.column()).isEqualTo(fromText.column()).isEqualTo(bad.indexOf(":VN") + 4);

    byte[] notUtf8 = ("xx" + line).getBytes(StandardCharsets.UTF_8);
    notUtf8[10] = (byte) 0xC0;
    assertThatThrownBy(() -> JSON.readDeclaration(notUtf8, 2, notUtf8.length - 2, 4))
        .isInstanceOf(DeclarationException.class).hasMessageContaining("byte 9 of the line (0xC0)");
    assertThatThrownBy(() -> JSON.readDeclaration(bytes, bytes.length - 2, 3, 1))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void writeAssessmentToAGenerator_writesWhatTheStringHolds_andAGeneratorCanBeReused() throws IOException {
    Assessment a = new Assessment("104512345670", Channel.YELLOW, 35,
        java.util.List.of(new Hit("VAL-01", 35, null, "unit value ờ 3.10 \"USD\"/KGM\tis 62% below", "Under-valuation")),
        Selection.TARGETED, new PackVersion("vn-baseline", "1.0", "ab".repeat(32)), "0.1.0",
        Instant.parse("2026-03-14T08:15:01Z"));
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (com.fasterxml.jackson.core.JsonGenerator generator = new com.fasterxml.jackson.core.JsonFactory()
        .createGenerator(out)) {
      generator.setRootValueSeparator(null);
      JSON.writeAssessment(a, generator);
      JSON.writeAssessment(a, generator);
      // Flushed by the call: the bytes are there before the generator is closed.
      assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(JSON.writeAssessment(a).repeat(2));
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
  void readDeclarationFromBytes_malformedUtf8_isRefusedAtItsLineAndByte() throws IOException {
    byte[] line = ("{\"x\": \"Áo\",\n" + garmentsLine().substring(1)).getBytes(StandardCharsets.UTF_8);
    int at = indexOf(line, "\"description\":\"".getBytes(StandardCharsets.UTF_8)) + 15;
    line[at] = (byte) 0xC3;  // a lead byte without its continuation
    int lineStart = indexOf(line, new byte[] {'\n'}) + 1;
    assertThatThrownBy(() -> JSON.readDeclaration(line, 7))
        .isInstanceOfSatisfying(DeclarationException.class, e -> {
          assertThat(e.line()).isEqualTo(8);
          // Characters before it on its line, all ASCII here: the column is the byte's.
          assertThat(e.column()).isEqualTo(at - lineStart + 1);
          assertThat(e.getOriginalMessage()).startsWith("byte " + (at - lineStart + 1)
              + " of the line (0xC3) is not valid UTF-8: bytes that are not UTF-8 are refused, not replaced");
        });
  }

  @Test
  void readDeclarationFromBytes_aRealReplacementCharacter_isRead() throws IOException {
    String text = garmentsLine().replace("Men's", "Men\uFFFDs");
    assertThat(JSON.readDeclaration(text.getBytes(StandardCharsets.UTF_8), 1).items().get(0).description())
        .isEqualTo("Men\uFFFDs cotton trousers");
  }

  @Test
  void readDeclarationFromBytes_rejectsAByteOrderMarkAsTheTextDoes() throws IOException {
    String text = "\uFEFF" + garmentsLine();
    assertFailsAsText(text.getBytes(StandardCharsets.UTF_8), 1);
  }

  @Test
  void readDeclarationFromBytes_malformedUtf8ThatJacksonWouldDecode_isRefused() throws IOException {
    String line = garmentsLine();
    // An HS code of overlong two-byte digits: Jackson alone would decode them into digits.
    byte[] overlong = replace(line, "\"hsCode\":\"62034200\"", overlongDigits("62034200"));
    assertNotUtf8(overlong, 0xC0);
    // A surrogate pair encoded as two three-byte sequences (CESU-8) is malformed UTF-8.
    byte[] cesu = replace(line, "Men's", new byte[] {'M', (byte) 0xED, (byte) 0xA0, (byte) 0xBD,
        (byte) 0xED, (byte) 0xB8, (byte) 0x80});
    assertNotUtf8(cesu, 0xED);
  }

  @Test
  void readDeclarationFromBytes_overlongCloseAtEveryAlignment_isRefused() throws IOException {
    // The ASCII check reads eight bytes at a time, then the rest one by one. An overlong '}'
    // (C1 BD) ends the document, shifted by 0-7 spaces so that it meets every lane of both loops:
    // Jackson alone would read it as '}' and accept the declaration.
    String line = garmentsLine();
    for (int pad = 0; pad < Long.BYTES; pad++) {
      byte[] bytes = (line.substring(0, line.length() - 1) + " ".repeat(pad) + "}}")
          .getBytes(StandardCharsets.UTF_8);
      bytes[bytes.length - 2] = (byte) 0xC1;
      bytes[bytes.length - 1] = (byte) 0xBD;
      assertNotUtf8(bytes, 0xC1);
    }
  }

  private static void assertNotUtf8(byte[] bytes, int badByte) {
    assertThatThrownBy(() -> JSON.readDeclaration(bytes, 3))
        .isInstanceOf(DeclarationException.class)
        .hasMessageContaining(String.format("(0x%02X) is not valid UTF-8", badByte))
        .hasMessageStartingWith("line 3, column ");
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

  // ---- Plausible values, bounded work ----

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', value = {
      "$.header.invoiceValue.amount | 1e100000000 | amount is more than the maximum 1,000,000,000,000,000 (from RiskgateJson.Builder.maxAmount)",
      "$.header.invoiceValue.amount | \"1e999999999\" | amount is more than the maximum 1,000,000,000,000,000 (from RiskgateJson.Builder.maxAmount)",
      "$.header.invoiceValue.amount | 1000000000000000.01 | amount is more than the maximum 1,000,000,000,000,000 (from RiskgateJson.Builder.maxAmount)",
      "$.header.invoiceValue.amount | 1e-100000000 | amount has more than 6 decimal places (from RiskgateJson.Builder.maxFractionDigits)",
      "$.header.invoiceValue.amount | 0.0000001 | amount has more than 6 decimal places (from RiskgateJson.Builder.maxFractionDigits)",
      "$.header.invoiceValue.amount | 1e2147483647 | amount is more than the maximum 1,000,000,000,000,000 (from RiskgateJson.Builder.maxAmount)",
      "$.header.invoiceValue.amount | 1e99999999999 | amount is not a decimal number such as 1250.50 (or its exponent is out of range)",
      "$.header.invoiceValue.amount | 12345678901234567890123456789012345678901 | amount is written with 41 characters, more than the maximum 40 (from RiskgateJson.Builder.maxNumberChars)",
      "$.header.grossWeightKg | 1e999999999 | grossWeightKg is more than the maximum 1,000,000,000 (from RiskgateJson.Builder.maxGrossWeightKg)",
      "$.items[0].quantity | 1e13 | quantity is more than the maximum 1,000,000,000,000 (from RiskgateJson.Builder.maxQuantity)",
      "$.items[0].customsValue.amount | \"1e100000000\" | amount is more than the maximum 1,000,000,000,000,000 (from RiskgateJson.Builder.maxAmount)",
      "$.items[0].dutyRate | 1000.5 | dutyRate is more than the maximum 1,000 (from RiskgateJson.Builder.maxDutyRate)",
      "$.header.packages | 10000001 | packages is more than the maximum 10,000,000 (from RiskgateJson.Builder.maxPackages)",
      "$.header.packages | 12.5 | expected a whole number, found a number with a fraction or an exponent",
      "$.header.packages | 1e999999999 | expected a whole number, found a number with a fraction or an exponent",
      "$.header.packages | 99999999999 | packages is out of range for a whole number",
  })
  void implausibleNumbers_areRefusedWithTheirPathAndTheSetting(String path, String value, String reason)
      throws IOException {
    String json = withValue(garmentsLine(), path, value);
    assertThatThrownBy(() -> JSON.readDeclaration(json, 4))
        .isInstanceOfSatisfying(DeclarationException.class, e -> {
          assertThat(e.jsonPath()).isEqualTo(path);
          assertThat(e.line()).isEqualTo(4);
          assertThat(e.getOriginalMessage()).isEqualTo(reason);
          assertThat(e.declarationNumber()).isEqualTo("305512345671");
        });
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', value = {
      "$.header.invoiceValue.amount | 1000000000000000 | 1000000000000000",
      "$.header.invoiceValue.amount | 1.5E+3 | 1500",
      "$.header.invoiceValue.amount | 12.50000000000 | 12.5",
      "$.header.invoiceValue.amount | \" 96400.00 \" | 96400.00",
      "$.items[0].dutyRate | 1000 | 1000",
      "$.items[0].quantity | 0.000001 | 0.000001",
  })
  void plausibleNumbersAtTheirLimits_areRead(String path, String value, String read) throws IOException {
    Declaration d = JSON.readDeclaration(withValue(garmentsLine(), path, value), 1);
    BigDecimal actual = path.equals("$.items[0].dutyRate") ? d.items().get(0).dutyRate()
        : path.equals("$.items[0].quantity") ? d.items().get(0).quantity()
        : d.header().invoiceValue().amount();
    assertThat(actual.toPlainString()).isEqualTo(read);
  }

  @Test
  void numberLimits_areSettings() throws IOException {
    RiskgateJson strict = RiskgateJson.builder().maxAmount(new BigDecimal("1000")).maxFractionDigits(2)
        .maxPackages(10).build();
    String line = garmentsLine();
    assertThatThrownBy(() -> strict.readDeclaration(line))
        .hasMessageContaining("at $.header.invoiceValue.amount")
        .hasMessageContaining("amount is more than the maximum 1,000 (from RiskgateJson.Builder.maxAmount)");
    String small = withValue(withValue(line, "$.header.invoiceValue.amount", "999.999"),
        "$.items[0].customsValue.amount", "5");
    assertThatThrownBy(() -> strict.readDeclaration(small))
        .hasMessageContaining("amount has more than 2 decimal places");
    assertThatThrownBy(() -> strict.readDeclaration(withValue(small, "$.header.invoiceValue.amount", "999")))
        .hasMessageContaining("packages is more than the maximum 10");
    assertThatThrownBy(() -> RiskgateJson.builder().maxAmount(new BigDecimal("1e31")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxAmount must be greater than zero and below 10^30, was 1E+31");
    assertThatThrownBy(() -> RiskgateJson.builder().dateYears(2000, 1999))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2000 to 1999");
    assertThatThrownBy(() -> RiskgateJson.builder().maxNumberChars(5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxNumberChars must be between 20 and 1000");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "2026-02-30T00:00:00Z | registeredAt is not a calendar date: there is no day 30 in month 02 of 2026",
      "2025-13-01T00:00:00Z | registeredAt is not a calendar date: there is no month 13",
      "2016-12-31T23:59:60Z | registeredAt has the second 60 (a leap second), which is not accepted: write 59",
      "+99999-01-01T00:00:00Z | registeredAt is outside the years 1900 to 2100 (from RiskgateJson.Builder.dateYears)",
      "-999999999-01-01T00:00:00Z | registeredAt is outside the years 1900 to 2100 (from RiskgateJson.Builder.dateYears)",
      "1899-12-31T23:59:59Z | registeredAt is outside the years 1900 to 2100 (from RiskgateJson.Builder.dateYears)",
      "yesterday | registeredAt must be a date and time in UTC such as 2026-03-14T08:15:00Z",
  })
  void implausibleDates_areRefused(String date, String reason) throws IOException {
    String json = garmentsLine().replace("\"2026-05-02T03:40:00Z\"", "\"" + date + "\"");
    assertThatThrownBy(() -> JSON.readDeclaration(json, 2))
        .isInstanceOfSatisfying(DeclarationException.class, e -> {
          assertThat(e.jsonPath()).isEqualTo("$.header.registeredAt");
          assertThat(e.column()).isEqualTo(json.indexOf(date) );  // the opening quote
          assertThat(e.getOriginalMessage()).isEqualTo(reason);
        });
  }

  @Test
  void documentDates_areCalendarDatesInTheWindow() throws IOException {
    String json = example("import-vehicle-parts.json");
    String issued = json.substring(json.indexOf("\"issued\""), json.indexOf("\"issued\"") + 22);
    assertThatThrownBy(() -> JSON.readDeclaration(json.replace(issued, "\"issued\": \"2025-02-29\"")))
        .hasMessageContaining("issued is not a calendar date: there is no day 29 in month 02 of 2025");
    assertThatThrownBy(() -> JSON.readDeclaration(json.replace(issued, "\"issued\": \"2101-01-01\"")))
        .hasMessageContaining("issued is outside the years 1900 to 2100");
    RiskgateJson wide = RiskgateJson.builder().dateYears(1800, 2200).build();
    assertThat(wide.readDeclaration(json.replace(issued, "\"issued\": \"2101-01-01\"")).documents())
        .isNotEmpty();
  }

  /**
   * The worst single declarations: each is read (and its numbers used as the engine uses them)
   * or refused with a location, with work bounded by construction (the limits above) and, as a
   * check of that, within a generous multiple of an ordinary declaration's time per character.
   * A ratio, not a timed assertion: both sides run on the same machine in the same test.
   */
  @Test
  void worstCases_areDoneOrRefusedWithALocation_inWorkBoundedByAnOrdinaryDeclaration() throws IOException {
    String ordinary = garmentsLine();
    String item = ordinary.substring(ordinary.indexOf("\"items\":[") + 9, ordinary.indexOf("],\"documents\""));
    List<String[]> cases = new ArrayList<>();
    cases.add(new String[] {"huge exponent", withValue(ordinary, "$.header.invoiceValue.amount", "1e100000000")});
    cases.add(new String[] {"huge exponent in a string", withValue(ordinary, "$.items[0].quantity", "\"1e100000000\"")});
    cases.add(new String[] {"tiny exponent", withValue(ordinary, "$.items[0].quantity", "1e-100000000")});
    cases.add(new String[] {"huge exponent, weight", withValue(ordinary, "$.header.grossWeightKg", "1e999999999")});
    cases.add(new String[] {"long digit string", withValue(ordinary, "$.header.invoiceValue.amount", "\"" + "9".repeat(900_000) + "\"")});
    cases.add(new String[] {"long number", withValue(ordinary, "$.header.invoiceValue.amount", "9".repeat(900_000))});
    cases.add(new String[] {"long integer", withValue(ordinary, "$.header.packages", "9".repeat(900_000))});
    cases.add(new String[] {"deep nesting", "{\"header\":" + "[".repeat(450_000) + "]".repeat(450_000) + "}"});
    cases.add(new String[] {"deep nesting of objects", "{\"a\":".repeat(150_000) + "1" + "}".repeat(150_000)});
    cases.add(new String[] {"longest allowed line",
        ordinary.replace("Men's cotton trousers", "x".repeat(1_000_000 - ordinary.length() + 21))});
    cases.add(new String[] {"most items", withItems(ordinary, item, 1_000)});
    cases.add(new String[] {"one item too many", withItems(ordinary, item, 1_001)});
    cases.add(new String[] {"many duplicate keys", ordinary.replace("{\"number\":", "{" + "\"x\":1,".repeat(1) + "\"x\":2,\"number\":")});

    long ordinaryNanos = fastest(() -> work(ordinary), 2_000);
    for (String[] c : cases) {
      String json = c[1];
      assertThat(json.length()).as(c[0]).isLessThanOrEqualTo(1_000_000);
      long nanos = fastest(() -> {
        try {
          work(json);
        } catch (DeclarationException e) {
          assertThat(e.line()).as(c[0]).isEqualTo(1);
          assertThat(e.jsonPath()).as(c[0]).startsWith("$");
          assertThat(e.getMessage()).as(c[0]).startsWith("line 1, ");
        }
      }, 3);
      double perChar = (double) nanos / json.length();
      double ordinaryPerChar = (double) ordinaryNanos / ordinary.length();
      assertThat(perChar).as("%s: %,d ns for %,d chars, ordinary %,d ns for %,d", c[0], nanos,
          json.length(), ordinaryNanos, ordinary.length()).isLessThan(50 * ordinaryPerChar + 20_000.0 / json.length() * 1_000);
    }
    assertThatThrownBy(() -> work(cases.get(11)[1])).hasMessageContaining("declaration has 1,001 items");
    assertThat(JSON.readDeclaration(cases.get(10)[1]).items()).hasSize(1_000);
  }

  /** Reads, then does with the numbers what the engine and the writer do. */
  private static void work(String json) {
    Declaration d = JSON.readDeclaration(json, 1);
    for (var item : d.items()) {
      item.unitValue();
    }
    d.totalCustomsValue();
    JSON.writeDeclaration(d);
  }

  private static long fastest(Runnable run, int times) {
    long best = Long.MAX_VALUE;
    for (int i = 0; i < times; i++) {
      long start = System.nanoTime();
      run.run();
      best = Math.min(best, System.nanoTime() - start);
    }
    return best;
  }

  private static String withItems(String line, String item, int count) {
    StringBuilder items = new StringBuilder();
    for (int i = 1; i <= count; i++) {
      items.append(i == 1 ? "" : ",").append(item.replace("\"line\":1,", "\"line\":" + i + ","));
    }
    return line.replace(item, items);
  }

  /** The line with the value at one of a few paths replaced by {@code value} (raw JSON). */
  private static String withValue(String line, String path, String value) {
    String key = path.substring(path.lastIndexOf('.') + 1);
    int from = path.startsWith("$.items") ? line.indexOf("\"items\"") : 0;
    if (path.endsWith("invoiceValue.amount")) {
      from = line.indexOf("\"invoiceValue\"");
    } else if (path.endsWith("customsValue.amount")) {
      from = line.indexOf("\"customsValue\"");
    }
    int at = line.indexOf("\"" + key + "\":", from);
    assertThat(at).as(path).isNotNegative();
    int start = at + key.length() + 3;
    int end = start;
    while (line.charAt(end) != ',' && line.charAt(end) != '}') {
      end++;
    }
    return line.substring(0, start) + value + line.substring(end);
  }

  // ---- Exact input ----

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "$.header.number | \"number\":\"305512345671\" | \"number\":\"1\",\"number\":\"305512345671\"",
      "$.header.type | \"type\":\"EXPORT\" | \"type\":\"IMPORT\",\"type\":\"EXPORT\"",
      "$.items | \"items\": | \"items\":[],\"items\":",
      "$.header | \"items\": | \"header\":{},\"items\":",
      "$.items[0].customsValue.currency | \"currency\":\"USD\"}, | \"currency\":\"USD\",\"currency\":\"EUR\"},",
  })
  void duplicateKeys_areRefusedWhereTheySecondAppear(String path, String part, String duplicated) throws IOException {
    String line = garmentsLine();
    int at = path.startsWith("$.items[0]") ? line.lastIndexOf(part) : line.indexOf(part);
    String json = line.substring(0, at) + duplicated + line.substring(at + part.length());
    String name = path.substring(path.lastIndexOf('.') + 1);
    assertThatThrownBy(() -> JSON.readDeclaration(json, 9))
        .isInstanceOfSatisfying(DeclarationException.class, e -> {
          assertThat(e.jsonPath()).isEqualTo(path);
          assertThat(e.line()).isEqualTo(9);
          assertThat(e.column()).isPositive();
          assertThat(e.getOriginalMessage())
              .isEqualTo("the field '" + name + "' appears twice in this object; each field may appear once");
        });
  }

  // ---- Reasons that read as sentences ----

  /** What Jackson and Java put in their messages, which no reason may show. */
  static final Pattern INTERNALS = Pattern.compile(
      "`|JsonToken|START_|END_|VALUE_|FIELD_NAME|REDACTED|Source:|\\bjava\\.|javax\\.|fasterxml|jackson|io\\.riskgate"
          + "|Exception|StreamRead|Feature|Creator|[Dd]eserializ|\\(code |\\[line:|token|Token|BigDecimal"
          + "|ArrayList|Instant\\b|LocalDate|Currency\\b|Declaration\\b|Header\\b|Item\\b|null value|not-null");

  /** Malformed declarations of every kind the reader reports. */
  static List<String> malformedDeclarations() throws IOException {
    String g = garmentsLine();
    List<String> all = new ArrayList<>(List.of(
        "{\n  \"header\": {", "[{\"header\":{}}]", "number,type,hsCode", "{\"header\": {\"number\": \"1\",,}}",
        "{\"header\": abc}", "{\"header\": {\"number\": \"a\u0001b\"}}", "{\"header\": {\"number\": \"a\\qb\"}}",
        "{\"header\": {\"number\": 01}}", "{\"header\": {\"number\": NaN}}", "{\"header\": {\"number\" \"x\"}}",
        "{\"header\": {\"number\": \"x\"]}", "{header: 1}", "\"just a string\"", "", "null", "12", "true",
        "{\"header\": {\"number\": \"\\u12G4\"}}", "{\"header\": {\"number\": 1.}}", "{\"header\": {\"number\": -}}",
        "{\"header\": {\"number\": 1e}}", "{\"header\": {\"number\": \"unterminated", "{\"header\": /* c */ {}}",
        "{\"header\": {}} {\"header\": {}}", "{\"header\": {}}]", "\u0000\u0001binary\u0002", "{'header': {}}",
        g + g, g + " x", g.substring(0, g.length() / 2),
        "{\"a\":".repeat(100) + "1" + "}".repeat(100),
        "{\"header\":" + "[".repeat(100) + "]".repeat(100) + "}"));
    String[][] values = {
        {"$.header.invoiceValue.amount", "1e100000000"}, {"$.header.invoiceValue.amount", "\"12x\""},
        {"$.header.invoiceValue.amount", "true"}, {"$.header.invoiceValue.amount", "{}"},
        {"$.header.invoiceValue.amount", "[1]"}, {"$.header.invoiceValue.amount", "-5"},
        {"$.header.invoiceValue.amount", "9".repeat(2_000)}, {"$.header.packages", "9".repeat(2_000)},
        {"$.header.packages", "\"many\""}, {"$.header.packages", "null"}, {"$.header.packages", "{}"},
        {"$.header.packages", "-1"}, {"$.header.packages", "1.5"}, {"$.header.type", "\"SMUGGLE\""},
        {"$.header.type", "5"}, {"$.header.type", "[]"}, {"$.header.transportMode", "null"},
        {"$.header.registeredAt", "1700000000"}, {"$.header.registeredAt", "\"2026-02-30\""},
        {"$.header.registeredAt", "{}"}, {"$.header.containers", "\"MSKU1\""}, {"$.header.containers", "[null]"},
        {"$.header.containers", "[1]"}, {"$.header.containers", "[[1]]"},
        {"$.header.number", "null"}, {"$.header.number", "{}"}, {"$.header.consignorCountry", "\"XX\""},
        {"$.items[0].quantity", "0"}, {"$.items[0].quantity", "\"\""}, {"$.items[0].line", "0"},
        {"$.items[0].line", "\"one\""}, {"$.items[0].hsCode", "6203"}, {"$.items[0].preference", "\"E\""},
        {"$.items[0].preference", "{}"}, {"$.items[0].licences", "{}"}, {"$.items[0].dutyRate", "\"-\""},
        {"$.items[0].customsValue.currency", "\"XYZ\""}, {"$.items[0].customsValue.currency", "7"},
        {"$.header.invoiceValue.currency", "null"},
    };
    for (String[] v : values) {
      all.add(withValue(g, v[0], v[1]));
    }
    all.add(g.replace("\"items\":[", "\"items\":[null,"));
    all.add(g.replace("\"items\":[", "\"items\":[1,"));
    all.add(g.replace("\"items\":[", "\"items\":{\"a\":1},\"x\":["));
    all.add(g.replace("\"items\":[", "\"items\":[],\"x\":["));
    all.add(g.replace("\"header\":{", "\"header\":\"text\",\"h\":{"));
    all.add(g.replace("\"documents\":[]", "\"documents\":[{}]"));
    all.add(g.replace("\"documents\":[]", "\"documents\":[{\"type\":\"CO\",\"number\":\"1\",\"issued\":[2026,1,1]}]"));
    all.add(g.replace("\"documents\":[]", "\"documents\":7"));
    all.add(g.replace("\"number\":", "\"number\":\"1\",\"number\":"));
    return all;
  }

  @Test
  void reasons_areSentencesAboutTheDeclaration_neverJacksonOrJavaInternals() throws IOException {
    List<String> malformed = malformedDeclarations();
    for (int i = 0; i < malformed.size(); i++) {
      String json = malformed.get(i);
      String shown = "case " + i + ": " + (json.length() > 200 ? json.substring(0, 200) : json);
      DeclarationException e = catchThrowableOfType(DeclarationException.class, () -> JSON.readDeclaration(json, 3));
      assertThat(e).as("refused: %s", shown).isNotNull();
      assertThat(e.getMessage()).as(shown)
          .startsWith("line ").doesNotContainPattern(INTERNALS).doesNotContain("\n");
      DeclarationException fromBytes = catchThrowableOfType(DeclarationException.class,
          () -> JSON.readDeclaration(json.getBytes(StandardCharsets.UTF_8), 3));
      assertThat(fromBytes.getMessage()).isEqualTo(e.getMessage());
    }
  }
}
