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
      .addModule(IsoDates.module()).build();

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
      assertThatThrownBy(() -> FAST.readValue(json, type)).isInstanceOf(e.getClass()).hasMessage(e.getMessage());
      return;
    }
    try {
      assertThat(FAST.readValue(json, type)).isEqualTo(expected);
    } catch (IOException e) {
      throw new AssertionError("Jackson reads " + json + " but the fast path fails", e);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-01-05T01:00:02Z", "2024-02-29T23:59:59.123456789Z", "2026-01-05T01:00:02.5Z"})
  void instant_canonicalFormsTakeTheFastPath(String text) {
    assertThat(IsoDates.instant(text)).isEqualTo(Instant.parse(text));
  }
}
