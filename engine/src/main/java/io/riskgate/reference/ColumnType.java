package io.riskgate.reference;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The type of a column of a pack's own table ({@code "columns"} of a table in {@code pack.json}):
 * how a cell is checked when the table loads and which {@link TableRow} accessor reads it.
 */
public enum ColumnType {
  /** Any text; read with {@link TableRow#text}. */
  TEXT("text", "text"),
  /** A whole number that fits an {@code int}, such as points; read with {@link TableRow#integer}. */
  INTEGER("integer", "integer"),
  /** A number with a decimal point and no exponent; read with {@link TableRow#decimal}. */
  DECIMAL("decimal", "decimal"),
  /** {@code true} or {@code false}; read with {@link TableRow#bool}. */
  BOOLEAN("boolean", "bool"),
  /** An ISO date, {@code 2026-01-31}; read with {@link TableRow#date}. */
  DATE("date", "date"),
  /** An ISO 3166-1 alpha-2 country code; read with {@link TableRow#text}. */
  COUNTRY("country", "text"),
  /**
   * An HS code prefix of 2 to 10 digits; read with {@link TableRow#text}. As a table's first key,
   * a code finds the row of its longest prefix.
   */
  HS_PREFIX("hs-prefix", "text");

  private static final Pattern INTEGER_TEXT = Pattern.compile("[+-]?\\d{1,10}");
  private static final Pattern DECIMAL_TEXT = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

  private final String code;
  private final String accessor;

  ColumnType(String code, String accessor) {
    this.code = code;
    this.accessor = accessor;
  }

  /** The type's name in {@code pack.json}: {@code text}, {@code integer}, ... */
  public String code() {
    return code;
  }

  /** The name of the {@link TableRow} method that reads a column of this type. */
  public String accessor() {
    return accessor;
  }

  /** The type a {@code pack.json} name denotes, if any. */
  public static Optional<ColumnType> ofCode(String code) {
    return Arrays.stream(values()).filter(type -> type.code.equals(code)).findFirst();
  }

  /** Whether a column of this type may be a key: text, country or hs-prefix. */
  public boolean keyable() {
    return this == TEXT || this == COUNTRY || this == HS_PREFIX;
  }

  /** Whether {@code value} is of this type as {@link TableRow} holds it (null: an empty cell). */
  boolean holds(Object value) {
    return value == null || switch (this) {
      case INTEGER -> value instanceof Integer;
      case DECIMAL -> value instanceof BigDecimal;
      case BOOLEAN -> value instanceof Boolean;
      case DATE -> value instanceof LocalDate;
      default -> value instanceof String;
    };
  }

  /**
   * The value of a cell written {@code text}: a String, Integer, BigDecimal, Boolean or LocalDate.
   *
   * @throws IllegalArgumentException saying what the cell must be
   */
  public Object parse(String text) {
    String problem = switch (this) {
      case INTEGER -> INTEGER_TEXT.matcher(text).matches() && fitsInt(text) ? null
          : "must be a whole number from -2147483648 to 2147483647, without separators";
      case DECIMAL -> DECIMAL_TEXT.matcher(text).matches() ? null
          : "must be a number with a point for decimals and no thousands separator (7.50)";
      case BOOLEAN -> text.equals("true") || text.equals("false") ? null : "must be true or false";
      case COUNTRY -> ListKind.COUNTRY.problem(text);
      case HS_PREFIX -> ListKind.HS_PREFIX.problem(text);
      case DATE -> date(text) != null ? null : "must be a date written 2026-01-31";
      case TEXT -> null;
    };
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    return switch (this) {
      case INTEGER -> Integer.valueOf(text.startsWith("+") ? text.substring(1) : text);
      case DECIMAL -> new BigDecimal(text);
      case BOOLEAN -> Boolean.valueOf(text);
      case DATE -> date(text);
      default -> text;
    };
  }

  private static boolean fitsInt(String text) {
    long value = Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
    return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE;
  }

  private static LocalDate date(String text) {
    try {
      return text.length() == 10 ? LocalDate.parse(text) : null;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
