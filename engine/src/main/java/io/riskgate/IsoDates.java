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
 * times these fixed-position reads. Any other form goes to jackson-datatype-jsr310's own deserializers, so what is accepted stays theirs,
 * except what no declaration carries: dates outside a window of years (a year +99999 would pass
 * any "older than" criterion), a leap second ({@code 23:59:60}, which Java reads as {@code 23:59:59}),
 * and numbers or arrays in place of the ISO text. Errors are {@link Refusal}s with plain messages.
 */
final class IsoDates {
  private IsoDates() {}

  /**
   * A module to register after {@code JavaTimeModule} (later modules take precedence) that reads
   * dates in the years {@code firstYear} to {@code lastYear}, both included.
   */
  static SimpleModule module(int firstYear, int lastYear) {
    Window window = new Window(firstYear, lastYear);
    return new SimpleModule("riskgate-iso-dates")
        .addDeserializer(Instant.class, new FastPath<>(Instant.class, IsoDates::instant,
            InstantDeserializer.INSTANT, window, "a date and time in UTC such as 2026-03-14T08:15:00Z"))
        .addDeserializer(LocalDate.class, new FastPath<>(LocalDate.class, IsoDates::date,
            LocalDateDeserializer.INSTANCE, window, "a date such as 2026-03-14"));
  }

  /** The years a date may fall in; checked on the epoch second, with no calendar arithmetic. */
  record Window(int firstYear, int lastYear) {
    String setting() {
      return "years " + firstYear + " to " + lastYear + " (from RiskgateJson.Builder.dateYears)";
    }

    private long first() {
      return LocalDate.of(firstYear, 1, 1).toEpochDay() * 86_400;
    }

    private long afterLast() {
      return LocalDate.of(lastYear + 1, 1, 1).toEpochDay() * 86_400;
    }
  }

  /**
   * Why text that has the shape {@code yyyy-MM-dd...} of an ISO date is not one, such as
   * "there is no day 30 in month 02", or null if it does not have that shape or is a real date.
   */
  static String notACalendarDate(String text) {
    if (text.length() < 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    if (year < 0 || month < 0 || day < 0) {
      return null;
    }
    if (month < 1 || month > 12) {
      return "there is no month " + text.substring(5, 7);
    }
    if (day < 1 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
      return "there is no day " + text.substring(8, 10) + " in month " + text.substring(5, 7)
          + " of " + text.substring(0, 4);
    }
    return null;
  }

  /** Whether the text's time of day has second 60: {@code T23:59:60}, a leap second. */
  static boolean leapSecond(String text) {
    int t = text.indexOf('T');
    return t > 0 && text.length() >= t + 9 && text.charAt(t + 3) == ':' && text.charAt(t + 6) == ':'
        && text.charAt(t + 7) == '6' && text.charAt(t + 8) == '0';
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
    private final Window window;
    private final String form;
    private final long first;
    private final long afterLast;

    FastPath(Class<T> type, Function<String, T> fast, JsonDeserializer<T> standard, Window window,
        String form) {
      super(type);
      this.fast = fast;
      this.standard = standard;
      this.window = window;
      this.form = form;
      this.first = window.first();
      this.afterLast = window.afterLast();
    }

    @Override
    public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      String field = parser.currentName() == null ? "the date" : parser.currentName();
      if (!parser.hasToken(JsonToken.VALUE_STRING)) {
        // Not epoch numbers or [2026, 3, 14] arrays, which jsr310 reads: the format is ISO text.
        throw new Refusal(parser, field + " must be " + form + ", written as a string");
      }
      String text = parser.getText();
      T value = fast.apply(text);
      if (value == null) {
        String notADate = notACalendarDate(text);
        if (notADate != null) {
          throw new Refusal(parser, field + " is not a calendar date: " + notADate);
        }
        if (leapSecond(text)) {
          throw new Refusal(parser, field + " has the second 60 (a leap second), which is not"
              + " accepted: write 59");
        }
        try {
          value = standard.deserialize(parser, context);
        } catch (IOException e) {
          throw new Refusal(parser, field + " must be " + form);
        }
        if (value == null) {
          return null;
        }
      }
      long second = value instanceof Instant instant ? instant.getEpochSecond()
          : ((LocalDate) value).toEpochDay() * 86_400;
      if (second < first || second >= afterLast) {
        throw new Refusal(parser, field + " is outside the " + window.setting());
      }
      return value;
    }
  }
}
