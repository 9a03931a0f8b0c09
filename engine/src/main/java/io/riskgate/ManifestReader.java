package io.riskgate;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.riskgate.internal.Spelling;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a pack's {@code pack.json} strictly and turns Jackson's errors into messages for a rule
 * author: the field as a path ({@code thresholds.yellow}), what it must be, and where it is.
 *
 * <p>The strictness is Jackson's own: unknown fields, duplicate fields, trailing content, nulls
 * and every scalar coercion (a number from a string, a whole number from a fraction, a string from
 * a number) fail, and {@link PackManifest} marks its required fields.
 */
final class ManifestReader {
  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      // A null is never a value; an optional field is left out instead (PackManifest opts its
      // optional fields back in, so that leaving them out is not read as a null).
      .defaultSetterInfo(JsonSetter.Value.construct(Nulls.FAIL, Nulls.FAIL))
      .withCoercionConfigDefaults(config -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
      .withCoercionConfig(LogicalType.Textual, config -> config
          .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
      .build();
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final String MISSING_RANDOM_RATES = ": the shares of declarations selected at random into YELLOW"
      + " and RED, e.g. {\"yellow\": 0.02, \"red\": 0.01}; write {\"yellow\": 0, \"red\": 0} for no random selection";

  /** A value found in the text: its token, where its field name is (if in an object) and where it is. */
  private record Found(JsonToken token, JsonLocation name, JsonLocation value, String text) {}

  private ManifestReader() {}

  static PackManifest read(String location, byte[] json) {
    if (new String(json, StandardCharsets.UTF_8).replace("\uFEFF", "").isBlank()) {
      throw RulePackException.of(location, RulePack.MANIFEST, "the manifest is empty");
    }
    try {
      return MAPPER.readValue(json, PackManifest.class);
    } catch (JsonProcessingException e) {
      throw new RulePackException(location, List.of(problem(json, e)));
    } catch (IOException e) {
      throw RulePackException.of(location, RulePack.MANIFEST, "cannot read the manifest: " + e.getMessage());
    }
  }

  private static RulePackException.Problem problem(byte[] json, JsonProcessingException e) {
    if (!(e instanceof JsonMappingException mapping)) {
      // Not JSON at all (or a duplicate field): the parser's own position and words.
      return at(e.getLocation(), firstLine(e.getOriginalMessage()));
    }
    JsonPointer pointer = pointer(mapping.getPath());
    String path = display(mapping.getPath());
    Found found = find(json, pointer);
    if (e instanceof UnrecognizedPropertyException unknown) {
      return unknownField(found == null ? e.getLocation() : found.name(), path, unknown.getPropertyName(),
          names(unknown.getReferringClass()));
    }
    if (e instanceof ValueInstantiationException) {
      // A record refused its values (thresholds out of order, a bad id): its own message, at the
      // field it names first if there is one.
      String message = String.valueOf((e.getCause() == null ? e : e.getCause()).getMessage());
      Found field = find(json, pointer.appendProperty(message.split(" ", 2)[0]));
      Found where = field != null ? field : found;
      return at(where == null ? e.getLocation() : where.value(), message);
    }
    if (found == null && e instanceof MismatchedInputException && !path.isEmpty()) {
      // Jackson reports a missing field before an unknown one (it builds the record first), and
      // an unknown name beside a missing one is most likely its misspelling: report that.
      List<String> known = names(owner(mapping.getPath()));
      for (Map.Entry<String, JsonLocation> field : fields(json, pointer.head()).entrySet()) {
        if (!known.contains(field.getKey())) {
          String parentPath = path.contains(".") ? path.substring(0, path.lastIndexOf('.') + 1) : "";
          return unknownField(field.getValue(), parentPath + field.getKey(), field.getKey(), known);
        }
      }
      // Jackson says "missing" for an absent field only; the text confirmed it above.
      Found parent = find(json, pointer.head());
      return at(parent == null ? e.getLocation() : parent.value(), path + " is required"
          + (path.equals("randomRates") ? MISSING_RANDOM_RATES : ""));
    }
    if (path.isEmpty() && found != null && found.token() == JsonToken.START_OBJECT) {
      // The manifest is an object, so a mismatch at its root is something after it.
      return at(e.getLocation(), "unexpected content after the manifest's closing '}'");
    }
    Class<?> target = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
    String subject = path.isEmpty() ? "the manifest" : path;
    String expected = expected(target);
    JsonLocation where = found == null ? e.getLocation() : found.value();
    if (expected != null && (e instanceof InvalidNullException || found != null && found.token() == JsonToken.VALUE_NULL)) {
      return at(where, subject + " must be " + expected + ", not null");
    }
    if (found == null || expected == null) {
      return at(where, (path.isEmpty() ? "" : path + ": ") + firstLine(e.getOriginalMessage()));
    }
    return at(where, subject + " must be " + expected + ", was " + actual(found, expected));
  }

  /**
   * A problem at the value {@code pointer} names in the manifest ({@code /trial/2}), for a check
   * made after reading, such as a code that no rule has; at the start of the file if it is not found.
   */
  static RulePackException.Problem problemAt(byte[] json, String pointer, String message) {
    Found found = find(json, JsonPointer.compile(pointer));
    return found == null ? new RulePackException.Problem(RulePack.MANIFEST, 1, 1, message) : at(found.value(), message);
  }

  private static RulePackException.Problem unknownField(JsonLocation where, String path, String name,
      List<String> known) {
    StringBuilder message = new StringBuilder("unknown field '").append(path)
        .append("'; expected one of ").append(String.join(", ", known));
    Spelling.closest(name, known).ifPresent(closest -> message.append("; did you mean '").append(closest).append("'?"));
    return at(where, message.toString());
  }

  /** The record type that holds the last field of a path (the path ends at a field it lacks). */
  private static Class<?> owner(List<JsonMappingException.Reference> path) {
    Object from = path.get(path.size() - 1).getFrom();
    return from instanceof Class<?> type ? type : from == null ? null : from.getClass();
  }

  /** The fields of the object at {@code pointer}, in order, with where each name is. */
  private static Map<String, JsonLocation> fields(byte[] json, JsonPointer pointer) {
    Map<String, JsonLocation> fields = new LinkedHashMap<>();
    try (JsonParser parser = FACTORY.createParser(json)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.FIELD_NAME && parser.getParsingContext().getParent().pathAsPointer().equals(pointer)) {
          fields.put(parser.currentName(), parser.currentTokenLocation());
        }
      }
    } catch (IOException e) {
      // As in find: a courtesy.
    }
    return fields;
  }

  /** What a field of this type must be, in an author's words; null if we have no words for it. */
  private static String expected(Class<?> type) {
    if (type == null) {
      return null;
    }
    if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
      return "a whole number";
    }
    if (type == double.class || type == Double.class) {
      return "a number";
    }
    if (type == String.class) {
      return "a string";
    }
    if (List.class.isAssignableFrom(type)) {
      return "an array of strings";
    }
    if (Map.class.isAssignableFrom(type)) {
      return "an object";
    }
    if (type.isRecord()) {
      return "an object with " + String.join(", ", names(type));
    }
    return null;
  }

  private static String actual(Found found, String expected) {
    return switch (found.token()) {
      case VALUE_STRING -> expected.endsWith("number") ? "a string; write the number without quotes" : "a string";
      case VALUE_NUMBER_INT -> "a number (" + found.text() + ")";
      case VALUE_NUMBER_FLOAT -> (expected.equals("a whole number") ? "a fraction (" : "a number (") + found.text() + ")";
      case VALUE_TRUE, VALUE_FALSE -> found.text();
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      default -> "something else";
    };
  }

  /** The field names of a manifest type, in the order they are documented. */
  private static List<String> names(Class<?> type) {
    List<String> names = new ArrayList<>();
    if (type != null && type.isRecord()) {
      for (RecordComponent component : type.getRecordComponents()) {
        names.add(component.getName());
      }
    }
    return names;
  }

  /**
   * Where the value at {@code pointer} is, by streaming the text again: Jackson reports where its
   * parser stopped, which for an unknown or missing field is the end of the object.
   */
  private static Found find(byte[] json, JsonPointer pointer) {
    try (JsonParser parser = FACTORY.createParser(json)) {
      JsonLocation name = null;
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.FIELD_NAME) {
          if (parser.getParsingContext().pathAsPointer().equals(pointer)) {
            name = parser.currentTokenLocation();
          }
          continue;
        }
        if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
          continue;
        }
        // A container's own context starts with its first token; its path is its parent's.
        JsonStreamContext context = token.isStructStart()
            ? parser.getParsingContext().getParent() : parser.getParsingContext();
        if (context.pathAsPointer().equals(pointer)) {
          JsonLocation value = parser.currentTokenLocation();
          return new Found(token, name == null ? value : name, value, token.isScalarValue() ? parser.getText() : null);
        }
      }
    } catch (IOException e) {
      // The text was parsed before; a location is a courtesy, not a requirement.
    }
    return null;
  }

  private static JsonPointer pointer(List<JsonMappingException.Reference> path) {
    StringBuilder pointer = new StringBuilder();
    for (JsonMappingException.Reference ref : path) {
      if (ref.getFieldName() != null) {
        pointer.append('/').append(ref.getFieldName().replace("~", "~0").replace("/", "~1"));
      } else if (ref.getIndex() >= 0) {
        pointer.append('/').append(ref.getIndex());
      }
    }
    return JsonPointer.compile(pointer.toString());
  }

  /** A path as the reference in docs/rule-authoring.md writes it: {@code thresholds.yellow}, {@code emptyData[0]}. */
  private static String display(List<JsonMappingException.Reference> path) {
    StringBuilder text = new StringBuilder();
    for (JsonMappingException.Reference ref : path) {
      if (ref.getFieldName() != null) {
        text.append(text.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        text.append('[').append(ref.getIndex()).append(']');
      }
    }
    return text.toString();
  }

  private static RulePackException.Problem at(JsonLocation location, String message) {
    return new RulePackException.Problem(RulePack.MANIFEST, location == null ? 0 : Math.max(0, location.getLineNr()),
        location == null ? 0 : Math.max(0, location.getColumnNr()), message);
  }

  private static String firstLine(String text) {
    String line = text == null ? "invalid JSON" : text.lines().findFirst().orElse("invalid JSON").trim();
    // Jackson names our classes in full; authors need the simple name only.
    return line.replaceAll("\\s*\\(for \\w+ starting at \\[Source:.*$", "")
        .replaceAll("`?(?:[a-z]+\\.)+(?:[A-Z][A-Za-z]*\\$)?([A-Z][A-Za-z]*)`?", "$1");
  }
}
