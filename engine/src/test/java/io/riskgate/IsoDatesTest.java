package io.riskgate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoDatesTest {
  private static final JsonMapper PLAIN = JsonMapper.builder().addModule(new JavaTimeModule()).build();
  private static final JsonMapper FAST = JsonMapper.builder().addModule(new JavaTimeModule())
      .addModule(IsoDates.module(1900, 2100)).build();

  @ParameterizedTest
  @ValueSource(strings = {"2026-01-05T01:00:02Z", "2026-01-05T01:00:02.5Z", "2024-02-29T23:59:59.123456789Z",
      "1999-12-31T00:00:00.000Z", "2026-01-05T01:00:02+02:00", "2026-01-05T01:00Z", "2026-01-05T01:00:02.Z",
      "2026-13-05T01:00:02Z", "2025-02-29T01:00:02Z", "2026-01-05T24:00:02Z", "2026-01-05t01:00:02Z", "x"})
  void instant_readsWhatJacksonReadsAndFailsWhereItFails(String text) {
    assertSameAsJackson(text, Instant.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-01-05", "2024-02-29", "2025-02-29", "2026-1-05", "2026-01-05T00:00:00", "20260105"})
  void date_readsWhatJacksonReadsAndFailsWhereItFails(String text) {
    assertSameAsJackson(text, LocalDate.class);
  }

  private static void assertSameAsJackson(String text, Class<?> type) {
    String json = "\"" + text + "\"";
    Object expected;
    try {
      expected = PLAIN.readValue(json, type);
    } catch (IOException e) {
      // Where Jackson fails, so do we, in words of our own (see RiskgateJsonTest).
      assertThatThrownBy(() -> FAST.readValue(json, type)).isInstanceOf(Refusal.class);
      return;
    }
    try {
      assertThat(FAST.readValue(json, type)).isEqualTo(expected);
    } catch (IOException e) {
      throw new AssertionError("Jackson reads " + json + " but the fast path fails", e);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"2016-12-31T23:59:60Z", "+99999-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z",
      "1899-12-31T23:59:59Z", "2101-01-01T00:00:00Z", "2016-12-31T23:59:60+01:00"})
  void instant_leapSecondsAndYearsOutsideTheWindow_areRefusedThoughJavaReadsThem(String text) {
    assertThatThrownBy(() -> FAST.readValue("\"" + text + "\"", Instant.class)).isInstanceOf(Refusal.class)
        .hasMessageMatching("(?s).*(leap second|outside the years 1900 to 2100).*");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1900-01-01T00:00:00Z", "2100-12-31T23:59:59.999999999Z"})
  void instant_theWindowIncludesItsEnds(String text) throws IOException {
    assertThat(FAST.readValue("\"" + text + "\"", Instant.class)).isEqualTo(Instant.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1700000000", "1.7e9", "[2026, 3, 14]"})
  void instantAndDate_onlyIsoTextIsRead(String json) {
    assertThatThrownBy(() -> FAST.readValue(json, Instant.class)).isInstanceOf(Refusal.class)
        .hasMessageContaining("written as a string");
    assertThatThrownBy(() -> FAST.readValue(json, LocalDate.class)).isInstanceOf(Refusal.class)
        .hasMessageContaining("written as a string");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-01-05T01:00:02Z", "2024-02-29T23:59:59.123456789Z", "2026-01-05T01:00:02.5Z"})
  void instant_canonicalFormsTakeTheFastPath(String text) {
    assertThat(IsoDates.instant(text)).isEqualTo(Instant.parse(text));
  }
}
