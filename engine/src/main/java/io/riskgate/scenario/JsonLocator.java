package io.riskgate.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Finds where in a JSON text the value at a JSON Pointer starts. Jackson's trees keep no
 * locations, so a problem found on a tree is located by streaming the text once more.
 */
final class JsonLocator {
  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonLocator() {}

  /** The line and column (from 1) of the value at {@code pointer}, or {@code null} if absent. */
  static int[] locate(String json, JsonPointer pointer) {
    try (JsonParser parser = FACTORY.createParser(json)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.FIELD_NAME || token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
          continue;
        }
        // A container's own context starts with its first token; its path is its parent's.
        JsonStreamContext context = token.isStructStart()
            ? parser.getParsingContext().getParent() : parser.getParsingContext();
        if (context.pathAsPointer().equals(pointer)) {
          JsonLocation location = parser.currentTokenLocation();
          return new int[] {location.getLineNr(), location.getColumnNr()};
        }
      }
      return null;
    } catch (IOException e) {
      return null;  // the text was parsed before; a location is a courtesy, not a requirement
    }
  }

  /** The JSONPath-like form used in messages: {@code /items/0/hsCode} as {@code $.items[0].hsCode}. */
  static String display(JsonPointer pointer) {
    StringBuilder path = new StringBuilder("$");
    for (JsonPointer p = pointer; !p.matches(); p = p.tail()) {
      if (p.getMatchingIndex() >= 0) {
        path.append('[').append(p.getMatchingIndex()).append(']');
      } else {
        path.append('.').append(p.getMatchingProperty());
      }
    }
    return path.toString();
  }

  /** The JSON Pointer of a message path: {@code $.items[0].hsCode} as {@code /items/0/hsCode}. */
  static JsonPointer pointer(String jsonPath) {
    StringBuilder pointer = new StringBuilder();
    String rest = jsonPath.startsWith("$") ? jsonPath.substring(1) : jsonPath;
    for (String part : rest.split("(?=[.\\[])")) {
      if (part.startsWith(".")) {
        pointer.append('/').append(part.substring(1).replace("~", "~0").replace("/", "~1"));
      } else if (part.startsWith("[")) {
        pointer.append('/').append(part, 1, part.length() - 1);
      }
    }
    return JsonPointer.compile(pointer.toString());
  }
}
