package io.riskgate.declaration;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Validation of the coded values a declaration carries. Messages name the rule, never the
 * offending value in full: customs data is confidential.
 */
final class Codes {
  /**
   * Each ISO country code, keyed by itself: {@link #country} returns this instance for every
   * declaration's copy of a code, so that criteria comparing countries ({@code origin !=
   * declaration.header.consignmentCountry}, which calls {@code equals}) settle equal codes, the
   * common case, by identity rather than by comparing the characters of strings read from
   * different places; and a batch keeps one copy of each code.
   */
  private static final Map<String, String> COUNTRIES = Stream.of(Locale.getISOCountries())
      .collect(Collectors.toUnmodifiableMap(Function.identity(), Function.identity()));

  private Codes() {}

  static String requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is required and must not be blank");
    }
    return value;
  }

  static <T> T require(T value, String field) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is required");
    }
    return value;
  }

  /** The shared instance of the country code {@code value}. */
  static String country(String value, String field) {
    requireText(value, field);
    String country = COUNTRIES.get(value);
    if (country == null) {
      throw new IllegalArgumentException(
          field + " must be an ISO 3166-1 alpha-2 country code in upper case, such as VN or CN");
    }
    return country;
  }

  static String optionalCountry(String value, String field) {
    return value == null ? null : country(value, field);
  }

  static String hsCode(String value, String field) {
    requireText(value, field);
    if (!isHsCode(value)) {
      throw new IllegalArgumentException(
          field + " must be an HS code of 6, 8 or 10 digits (got " + value.length() + " characters)");
    }
    return value;
  }

  /**
   * 6, 8 or 10 ASCII digits. A loop rather than a regular expression: every goods line of every
   * declaration read passes here, and a matcher costs many times this loop.
   */
  private static boolean isHsCode(String value) {
    int length = value.length();
    if (length != 6 && length != 8 && length != 10) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  static Currency currency(String value, String field) {
    requireText(value, field);
    try {
      if (value.length() == 3 && value.equals(value.toUpperCase(Locale.ROOT))) {
        return Currency.getInstance(value);
      }
    } catch (IllegalArgumentException e) {
      // fall through to the uniform message below
    }
    throw new IllegalArgumentException(field + " must be an ISO 4217 currency code, such as USD or VND");
  }

  static BigDecimal nonNegative(BigDecimal value, String field) {
    require(value, field);
    if (value.signum() < 0) {
      throw new IllegalArgumentException(field + " must not be negative");
    }
    return value;
  }

  static BigDecimal positive(BigDecimal value, String field) {
    require(value, field);
    if (value.signum() <= 0) {
      throw new IllegalArgumentException(field + " must be greater than zero");
    }
    return value;
  }
}
