package io.riskgate;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The named values behind a hit: the declared unit value, the reference it was compared with, the
 * percent, the list and the entry that matched. A rule gives them after its reason template,
 * name then value, and the reason's placeholders print them:
 *
 * <pre>{@code
 * risk.hit($d, 30, "declared unit value {declared:0.00} {currency}/{unit} is {percentBelow}% below reference {reference}",
 *     "declared", $l.unitValue(), "currency", p.currency(), "unit", p.unit(),
 *     "percentBelow", p.percentBelow($l.unitValue()), "reference", p.unitValue());
 * }</pre>
 *
 * <p>A value is a number, text, a boolean, a date or time ({@code java.time}), a code (an enum), or
 * null; anything else is refused when the hit is reported, since it could print neither in a
 * reason nor as a JSON field. In the assessment JSON the evidence is an object: numbers as JSON
 * numbers, dates as ISO 8601 text, codes as their names. Read back from JSON, whole numbers are
 * {@code Integer}, {@code Long} or {@code BigInteger}, other numbers {@code BigDecimal}, dates text.
 *
 * <p>Immutable and thread-safe; names are unique and keep the order the rule gave them in.
 */
public final class Evidence {
  private static final Evidence NONE = new Evidence(new Object[0]);

  /** Names and values, alternating, as the rule gave them. */
  private final Object[] pairs;

  private Evidence(Object[] pairs) {
    this.pairs = pairs;
  }

  /** No evidence: a hit whose reason is plain text. */
  public static Evidence none() {
    return NONE;
  }

  /**
   * Evidence from names and values, alternating: {@code Evidence.of("declared", 3.10, "reference",
   * 8.20)}.
   *
   * @throws IllegalArgumentException if a name is missing, not a word, or given twice, or a value
   *     is of a type that cannot be printed
   */
  public static Evidence of(Object... namesAndValues) {
    if (namesAndValues == null || namesAndValues.length == 0) {
      return NONE;
    }
    Object[] pairs = namesAndValues.clone();
    if (pairs.length % 2 != 0) {
      throw new IllegalArgumentException("evidence is given as name, value pairs, but the last name ("
          + describeName(pairs[pairs.length - 1]) + ") has no value");
    }
    for (int i = 0; i < pairs.length; i += 2) {
      if (!(pairs[i] instanceof String name) || !isName(name)) {
        throw new IllegalArgumentException("evidence name " + (i / 2 + 1) + " is " + describeName(pairs[i])
            + "; names are quoted words of letters and digits, e.g. \"declared\"");
      }
      for (int j = 0; j < i; j += 2) {
        if (pairs[j].equals(name)) {
          throw new IllegalArgumentException("evidence \"" + name + "\" is given twice");
        }
      }
      Object value = pairs[i + 1];
      if (!printable(value)) {
        throw new IllegalArgumentException("evidence \"" + name + "\" is " + kind(value)
            + "; give a number, text, a date or a code (e.g. trader.taxId(), not the trader)");
      }
      pairs[i + 1] = settled(name, value);
    }
    return new Evidence(pairs);
  }

  /** Evidence read from JSON: values already of the JSON's types. */
  static Evidence read(List<String> names, List<Object> values) {
    Object[] pairs = new Object[names.size() * 2];
    for (int i = 0; i < names.size(); i++) {
      pairs[2 * i] = names.get(i);
      pairs[2 * i + 1] = values.get(i);
    }
    return pairs.length == 0 ? NONE : new Evidence(pairs);
  }

  /** Whether there is none. */
  public boolean isEmpty() {
    return pairs.length == 0;
  }

  /** The names, in the order the rule gave them. */
  public List<String> names() {
    List<String> names = new ArrayList<>(pairs.length / 2);
    for (int i = 0; i < pairs.length; i += 2) {
      names.add((String) pairs[i]);
    }
    return Collections.unmodifiableList(names);
  }

  /** The value of {@code name}, or null if there is none (or it is null). */
  public Object value(String name) {
    int index = indexOf(name);
    return index < 0 ? null : pairs[2 * index + 1];
  }

  /** Whether {@code name} has a value (possibly null). */
  public boolean has(String name) {
    return indexOf(name) >= 0;
  }

  /** Names to values, in the order the rule gave them; unmodifiable. */
  public Map<String, Object> asMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return Collections.unmodifiableMap(map);
  }

  int size() {
    return pairs.length / 2;
  }

  String nameAt(int index) {
    return (String) pairs[2 * index];
  }

  Object valueAt(int index) {
    return pairs[2 * index + 1];
  }

  /** The index of {@code name}, or -1; names are few, and a rule's literals are the same objects. */
  int indexOf(String name) {
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i] == name || pairs[i].equals(name)) {
        return i / 2;
      }
    }
    return -1;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Evidence evidence && Arrays.equals(pairs, evidence.pairs);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(pairs);
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("{");
    for (int i = 0; i < pairs.length; i += 2) {
      out.append(i == 0 ? "" : ", ").append(pairs[i]).append('=');
      ReasonTemplate.print(out, pairs[i + 1]);
    }
    return out.append('}').toString();
  }

  /**
   * The value as it is when the rule fires: the reason is filled later, so text that can change (a
   * StringBuilder) is copied, and a number of an unusual class (an AtomicInteger) is taken as the
   * BigDecimal of its digits.
   */
  private static Object settled(String name, Object value) {
    if (value instanceof CharSequence text && !(value instanceof String)) {
      return text.toString();
    }
    if (value instanceof Number number && !(value instanceof BigDecimal || value instanceof Double
        || value instanceof Float || ReasonTemplate.isWhole(value))) {
      try {
        return new BigDecimal(number.toString());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("evidence \"" + name + "\" is " + kind(value)
            + " that does not print as a number", e);
      }
    }
    return value;
  }

  static boolean isName(String name) {
    if (name.isEmpty() || !isAsciiLetter(name.charAt(0))) {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!isAsciiLetter(c) && (c < '0' || c > '9') && c != '_') {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  private static boolean printable(Object value) {
    return value == null || value instanceof CharSequence || value instanceof Number && !(value instanceof Double d
        && !Double.isFinite(d)) && !(value instanceof Float f && !Float.isFinite(f))
        || value instanceof Boolean || value instanceof Character || value instanceof Enum<?>
        || value instanceof TemporalAccessor;
  }

  private static String describeName(Object name) {
    return name instanceof String text ? "\"" + text + "\"" : kind(name);
  }

  /** What a value is, for a message: its type, never its content (customs data is confidential). */
  static String kind(Object value) {
    return value == null ? "null" : "a " + value.getClass().getSimpleName();
  }

  /** A number as a BigDecimal, exactly. */
  static BigDecimal decimal(Number value) {
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    if (value instanceof BigInteger whole) {
      return new BigDecimal(whole);
    }
    if (ReasonTemplate.isWhole(value)) {
      return BigDecimal.valueOf(value.longValue());
    }
    return new BigDecimal(value.toString());
  }

  /**
   * A total order of values, for ordering hits: null first, numbers by value, other values of one
   * class by their natural order, the rest by their printed form.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static int compareValues(Object a, Object b) {
    if (a == b) {
      return 0;
    }
    if (a == null || b == null) {
      return a == null ? -1 : 1;
    }
    if (a instanceof Number x && b instanceof Number y) {
      if (x instanceof Integer && y instanceof Integer) {
        return Integer.compare(x.intValue(), y.intValue());
      }
      int order = decimal(x).compareTo(decimal(y));
      return order != 0 ? order : x.toString().compareTo(y.toString());  // 3.1 before 3.10
    }
    // Kinds apart, so that the order stays transitive when a placeholder holds a number in one hit
    // and text in another: numbers first, then other kinds by their class, then by value.
    if (a instanceof Number || b instanceof Number) {
      return a instanceof Number ? -1 : 1;
    }
    if (a.getClass() != b.getClass()) {
      return a.getClass().getName().compareTo(b.getClass().getName());
    }
    if (a instanceof Comparable comparable) {
      return comparable.compareTo(b);
    }
    StringBuilder x = new StringBuilder();
    StringBuilder y = new StringBuilder();
    ReasonTemplate.print(x, a);
    ReasonTemplate.print(y, b);
    return x.toString().compareTo(y.toString());
  }
}
