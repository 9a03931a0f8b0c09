package io.riskgate;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A hit's reason as a rule writes it: text with named placeholders, {@code "declared unit value
 * {declared:0.00} {currency}/{unit} is {percentBelow}% below reference {reference}"}, filled from
 * the hit's {@link Evidence} only when the reason is read. {@code {{} and {@code }}} stand for
 * braces.
 *
 * <p>A placeholder is a name, optionally followed by a number format after a colon: {@code 0} (a
 * whole number), {@code 0.00} (as many decimals as zeros), and either with a grouping comma in
 * front, {@code #,##0} or {@code #,##0.0}, as a spreadsheet writes them. Numbers round half up and
 * print with a decimal point and commas whatever the JVM's locale, so a reason reads the same on
 * every machine that re-scores it. Without a format a number prints as given ({@code 8.20} stays
 * {@code 8.20}), a date as ISO 8601, a code as its name.
 *
 * <p>Parsed templates are shared and immutable; thread-safe.
 */
final class ReasonTemplate {
  /**
   * Parsed templates by their text. A rule's template is a literal, so one entry per call site;
   * bounded, since a rule could compute its template, and then the parse is simply not kept.
   */
  private static final Map<String, ReasonTemplate> PARSED = new ConcurrentHashMap<>();
  private static final int MAX_PARSED = 10_000;

  final String text;
  /** Literal text and placeholders, in order: a String is text, a Placeholder a value. */
  private final Object[] parts;
  /** The placeholders' names, in order of first use, each once. */
  final List<String> names;

  private record Placeholder(String name, int decimals, boolean grouped, int at) {}

  private ReasonTemplate(String text, Object[] parts, List<String> names) {
    this.text = text;
    this.parts = parts;
    this.names = names;
  }

  /** The template of {@code text}, parsed once. */
  static ReasonTemplate of(String text) {
    ReasonTemplate template = PARSED.get(text);
    if (template == null) {
      template = parse(text);
      if (PARSED.size() < MAX_PARSED) {
        PARSED.putIfAbsent(text, template);
      }
    }
    return template;
  }

  /** A mistake in a template's text, at a character of it (from 0). */
  static final class Mistake extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    final transient int at;

    Mistake(int at, String message) {
      super(message);
      this.at = at;
    }
  }

  /**
   * Parses {@code text}.
   *
   * @throws Mistake for an unclosed or empty placeholder, a name that is not a word, or an unknown
   *     format
   */
  static ReasonTemplate parse(String text) {
    List<Object> parts = new ArrayList<>();
    List<String> names = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if ((c == '{' || c == '}') && i + 1 < text.length() && text.charAt(i + 1) == c) {
        literal.append(c);
        i += 2;
      } else if (c == '}') {
        throw new Mistake(i, "reason template has a '}' that closes no placeholder; write '}}' for a brace");
      } else if (c == '{') {
        int close = text.indexOf('}', i);
        if (close < 0) {
          throw new Mistake(i, "reason template has a '{' with no '}'; write '{{' for a brace");
        }
        Placeholder placeholder = placeholder(text.substring(i + 1, close), i);
        if (!literal.isEmpty()) {
          parts.add(literal.toString());
          literal.setLength(0);
        }
        parts.add(placeholder);
        if (!names.contains(placeholder.name)) {
          names.add(placeholder.name);
        }
        i = close + 1;
      } else {
        literal.append(c);
        i++;
      }
    }
    if (!literal.isEmpty()) {
      parts.add(literal.toString());
    }
    return new ReasonTemplate(text, parts.toArray(), List.copyOf(names));
  }

  private static Placeholder placeholder(String inside, int at) {
    int colon = inside.indexOf(':');
    String name = (colon < 0 ? inside : inside.substring(0, colon)).strip();
    if (!Evidence.isName(name)) {
      throw new Mistake(at, "reason template placeholder {" + inside + "} must be a name of letters and digits"
          + " (e.g. {declared}), optionally with a number format ({declared:0.00})");
    }
    if (colon < 0) {
      return new Placeholder(name.intern(), -1, false, at);
    }
    String format = inside.substring(colon + 1).strip();
    boolean grouped = format.startsWith("#,##0");
    String rest = grouped ? format.substring(5) : format.startsWith("0") ? format.substring(1) : null;
    if (rest != null && (rest.isEmpty() || rest.matches("\\.0{1,9}"))) {
      return new Placeholder(name.intern(), rest.isEmpty() ? 0 : rest.length() - 1, grouped, at);
    }
    throw new Mistake(at + colon + 2, "reason template placeholder {" + inside + "} has an unknown number format '"
        + format + "'; the formats are 0, 0.0, 0.00 ... and #,##0, #,##0.0, #,##0.00 ...");
  }

  /**
   * Checks that {@code evidence} names every placeholder and can print it.
   *
   * @throws IllegalArgumentException naming the first placeholder without a value, or a number
   *     format given something else than a number
   */
  void check(Evidence evidence) {
    for (Object part : parts) {
      if (part instanceof Placeholder placeholder) {
        int index = evidence.indexOf(placeholder.name);
        if (index < 0) {
          throw new IllegalArgumentException("reason template placeholder {" + placeholder.name
              + "} has no value: give it as \"" + placeholder.name + "\", value after the template"
              + (evidence.isEmpty() ? "" : "; the values given are " + String.join(", ", evidence.names())));
        }
        if (placeholder.decimals >= 0 && !(evidence.valueAt(index) instanceof Number)) {
          throw new IllegalArgumentException("reason template placeholder {" + placeholder.name
              + "} has a number format, but its value is " + Evidence.kind(evidence.valueAt(index)));
        }
      }
    }
  }

  /** The reason: the text with each placeholder's value printed. */
  String fill(Evidence evidence) {
    StringBuilder out = new StringBuilder(text.length() + 32);
    for (Object part : parts) {
      if (part instanceof Placeholder placeholder) {
        Object value = evidence.value(placeholder.name);
        if (placeholder.decimals < 0) {
          print(out, value);
        } else {
          number(out, (Number) value, placeholder.decimals, placeholder.grouped);
        }
      } else {
        out.append((String) part);
      }
    }
    return out.toString();
  }

  /** Compares two hits' values of this template, placeholder by placeholder. */
  int compare(Evidence a, Evidence b) {
    for (String name : names) {
      int order = Evidence.compareValues(a.value(name), b.value(name));
      if (order != 0) {
        return order;
      }
    }
    return 0;
  }

  /** A value as a reason prints it without a format: exactly, and the same in every locale. */
  static void print(StringBuilder out, Object value) {
    if (value instanceof BigDecimal decimal) {
      out.append(decimal.toPlainString());
    } else if (value instanceof Double || value instanceof Float) {
      // From the value's own digits: a float widened to double would print 3.0999999046325684.
      out.append(Evidence.decimal((Number) value).stripTrailingZeros().toPlainString());
    } else if (value instanceof Enum<?> code) {
      out.append(code.name());
    } else {
      out.append(value);  // text, whole numbers, ISO dates (TemporalAccessor's toString), booleans
    }
  }

  private static void number(StringBuilder out, Number value, int decimals, boolean grouped) {
    BigDecimal decimal = Evidence.decimal(value).setScale(decimals, RoundingMode.HALF_UP);
    String plain = decimal.toPlainString();
    if (!grouped) {
      out.append(plain);
      return;
    }
    int start = plain.startsWith("-") ? 1 : 0;
    int point = plain.indexOf('.');
    int end = point < 0 ? plain.length() : point;
    out.append(plain, 0, start);
    for (int i = start; i < end; i++) {
      if (i > start && (end - i) % 3 == 0) {
        out.append(',');
      }
      out.append(plain.charAt(i));
    }
    out.append(plain, end, plain.length());
  }

  static boolean isTemporal(Object value) {
    return value instanceof TemporalAccessor;
  }

  static boolean isWhole(Object value) {
    return value instanceof Integer || value instanceof Long || value instanceof Short
        || value instanceof Byte || value instanceof BigInteger;
  }
}
