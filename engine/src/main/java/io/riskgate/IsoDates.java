package io.riskgate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.function.Function;

/**
 * Reads dates in the one form Riskgate writes and generators emit, {@code 2026-01-05T01:00:02Z}
 * (with or without a fraction of a second) and {@code 2026-01-05}, without {@code
 * DateTimeFormatter}: every declaration has several dates, and its general parser costs many
 * times these fixed-position reads. Any other form, and any invalid date, goes to
 * jackson-datatype-jsr310's own deserializers, so what is accepted and every error message stay
 * theirs.
 */
final class IsoDates {
  private IsoDates() {}

  /** A module to register after {@code JavaTimeModule}: later modules take precedence. */
  static SimpleModule module() {
    return new SimpleModule("riskgate-iso-dates")
        .addDeserializer(Instant.class, new FastPath<>(Instant.class, IsoDates::instant, InstantDeserializer.INSTANT))
        .addDeserializer(LocalDate.class, new FastPath<>(LocalDate.class, IsoDates::date, LocalDateDeserializer.INSTANCE));
  }

  /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} as an instant, or null if the text is not exactly that. */
  static Instant instant(String text) {
    int length = text.length();
    if (length < 20 || length > 30 || text.charAt(10) != 'T' || text.charAt(13) != ':'
        || text.charAt(16) != ':' || text.charAt(length - 1) != 'Z') {
      return null;
    }
    int nanos = 0;
    if (length > 20) {
      int fraction = text.charAt(19) == '.' && length > 21 ? digits(text, 20, length - 1) : -1;
      if (fraction < 0) {
        return null;
      }
      nanos = fraction;
      for (int i = length - 1 - 20; i < 9; i++) {
        nanos *= 10;
      }
    }
    LocalDate date = date(text, 0);
    int hour = digits(text, 11, 13);
    int minute = digits(text, 14, 16);
    int second = digits(text, 17, 19);
    if (date == null || hour < 0 || minute < 0 || second < 0) {
      return null;
    }
    try {
      return LocalDateTime.of(date, LocalTime.of(hour, minute, second, nanos)).toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      return null;  // out of range: the standard deserializer reports it
    }
  }

  /** {@code yyyy-MM-dd} as a date, or null if the text is not exactly that or not a real date. */
  static LocalDate date(String text) {
    return text.length() == 10 ? date(text, 0) : null;
  }

  private static LocalDate date(String text, int from) {
    if (text.charAt(from + 4) != '-' || text.charAt(from + 7) != '-') {
      return null;
    }
    int year = digits(text, from, from + 4);
    int month = digits(text, from + 5, from + 7);
    int day = digits(text, from + 8, from + 10);
    if (year < 0 || month < 0 || day < 0) {
      return null;
    }
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The number written by the ASCII digits in [from, to), or -1 if one is not a digit. */
  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /** The fast reading when it applies, else the standard deserializer and its errors. */
  private static final class FastPath<T> extends StdScalarDeserializer<T> {
    private static final long serialVersionUID = 1L;
    private final transient Function<String, T> fast;
    private final transient JsonDeserializer<T> standard;

    FastPath(Class<T> type, Function<String, T> fast, JsonDeserializer<T> standard) {
      super(type);
      this.fast = fast;
      this.standard = standard;
    }

    @Override
    public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      if (parser.hasToken(JsonToken.VALUE_STRING)) {
        T value = fast.apply(parser.getText());
        if (value != null) {
          return value;
        }
      }
      return standard.deserialize(parser, context);
    }
  }
}
