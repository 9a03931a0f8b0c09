package io.riskgate;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds constraints that compare a field with a literal of another kind ({@code registeredAt > 5},
 * {@code complianceLevel == "four"}): Drools compiles them, then fails every declaration that
 * reaches them at run time. The field's type comes from the record accessors of the pattern's
 * type, a binding's type or a global's declared type, along the constraint's path; a path it cannot
 * follow is left to Drools.
 */
final class LiteralTypes {
  private static final Pattern COMPARISON = Pattern.compile(
      "^(?<path>[$A-Za-z_][\\w$.!?()\\s,]*?)\\s*(==|!=|<=|>=|<|>)\\s*(?<literal>\"[^\"]*\"|-?\\d+(\\.\\d+)?[BbIiLl]?|true|false)$");

  private LiteralTypes() {}

  /**
   * Why {@code constraint}, on facts of {@code type}, compares a field with a literal it can never
   * equal or order against, or null.
   *
   * @param variables the types of the rule's bindings and the file's globals, by name
   */
  static String mismatch(String constraint, Class<?> type, Map<String, Class<?>> variables) {
    Matcher matcher = COMPARISON.matcher(constraint.strip());
    if (!matcher.matches()) {
      return null;
    }
    String path = matcher.group("path").strip();
    String literal = matcher.group("literal");
    Class<?> field = follow(path, type, variables);
    if (field == null) {
      return null;
    }
    Class<?> boxed = field.isPrimitive() ? box(field) : field;
    String kind = kind(boxed);
    boolean text = literal.startsWith("\"");
    String value = text ? literal.substring(1, literal.length() - 1) : literal;
    boolean ok;
    if (literal.equals("true") || literal.equals("false")) {
      ok = boxed == Boolean.class;
    } else if (text) {
      ok = kind == null || kind.equals("text") || (kind.equals("a number") && isNumber(value))
          || (boxed.isEnum() && constantOf(boxed, value)) || Temporal.class.isAssignableFrom(boxed);
    } else {
      ok = kind == null || kind.equals("a number") || kind.equals("text");
    }
    if (ok) {
      return null;
    }
    return "'" + path + "' is " + (kind == null ? boxed.getSimpleName() : kind) + " (" + field.getSimpleName()
        + ") but is compared with " + (text ? "the text " + literal : literal) + ", which it can never match:"
        + " Drools would fail every declaration that reaches this condition";
  }

  private static String kind(Class<?> type) {
    if (Number.class.isAssignableFrom(type)) {
      return "a number";
    }
    if (type == String.class || CharSequence.class.isAssignableFrom(type)) {
      return "text";
    }
    if (Temporal.class.isAssignableFrom(type)) {
      return "a time";
    }
    if (type == Boolean.class) {
      return "true or false";
    }
    if (type.isEnum()) {
      return "one of " + type.getSimpleName() + "'s values";
    }
    return null;
  }

  /** The type the dotted path reaches, or null if it cannot be followed. */
  private static Class<?> follow(String path, Class<?> type, Map<String, Class<?>> variables) {
    List<String> segments = segments(path);
    if (segments.isEmpty()) {
      return null;
    }
    Class<?> current = type;
    int start = 0;
    String first = name(segments.get(0));
    if (variables.containsKey(first) && !segments.get(0).contains("(")) {
      current = variables.get(first);
      start = 1;
    }
    for (int i = start; i < segments.size() && current != null; i++) {
      current = member(current, name(segments.get(i)));
    }
    return current;
  }

  /** Splits at the dots outside parentheses; "!." and "?." count as dots. */
  private static List<String> segments(String path) {
    List<String> segments = new ArrayList<>();
    int depth = 0;
    StringBuilder segment = new StringBuilder();
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      }
      if (depth == 0 && (c == '.' || ((c == '!' || c == '?') && i + 1 < path.length() && path.charAt(i + 1) == '.'))) {
        if (c != '.') {
          i++;
        }
        segments.add(segment.toString().strip());
        segment.setLength(0);
      } else {
        segment.append(c);
      }
    }
    segments.add(segment.toString().strip());
    return segments;
  }

  private static String name(String segment) {
    int paren = segment.indexOf('(');
    return (paren < 0 ? segment : segment.substring(0, paren)).strip();
  }

  /** The return type of the public accessor or method {@code name} of {@code type}, or null. */
  private static Class<?> member(Class<?> type, String name) {
    String capital = name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    for (String candidate : new String[] {name, "get" + capital, "is" + capital}) {
      for (Method method : type.getMethods()) {
        if (method.getName().equals(candidate) && !Modifier.isStatic(method.getModifiers())
            && method.getReturnType() != void.class) {
          return method.getReturnType();
        }
      }
    }
    return null;
  }

  private static boolean isNumber(String text) {
    try {
      new BigDecimal(text.strip());
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean constantOf(Class<?> type, String name) {
    for (Object constant : type.getEnumConstants()) {
      if (((Enum<?>) constant).name().equals(name)) {
        return true;
      }
    }
    return false;
  }

  private static Class<?> box(Class<?> primitive) {
    return Map.<Class<?>, Class<?>>of(int.class, Integer.class, long.class, Long.class, double.class, Double.class,
        float.class, Float.class, short.class, Short.class, byte.class, Byte.class, boolean.class, Boolean.class,
        char.class, Character.class).getOrDefault(primitive, primitive);
  }
}
