package io.riskgate.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One line of a rescore input, as UTF-8 bytes: a declaration's JSON object, optionally with a
 * top-level {@code "outcome": {"inspected": true, "violation": false}} field that is not part of
 * the declaration.
 *
 * <p>The outcome is cut out by overwriting it (and one adjacent comma) with spaces, so the text that
 * is bound as a declaration keeps every other character at its column and the engine's error
 * locations stay exact.
 *
 * @param declarationJson the line with the outcome blanked out (the line itself when it has none)
 * @param offset where the declaration starts in {@code declarationJson}
 * @param length its length in bytes
 * @param outcome the outcome, or {@code null} if the line carries none
 */
record JsonlRecord(byte[] declarationJson, int offset, int length, Outcome outcome) {

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final String MARKER = "\"" + Outcome.FIELD + "\"";

  /** A malformed outcome field; the message is located like the engine's declaration errors. */
  static final class OutcomeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OutcomeException(long line, long column, String path, String message) {
      super("line " + line + ", column " + column + ", at " + path + ": " + message);
    }
  }

  /**
   * Splits one input line. A line that is not well-formed JSON is returned whole, for the
   * declaration reader to report where it breaks.
   *
   * @throws OutcomeException if the outcome field is present but malformed
   */
  static JsonlRecord parse(byte[] line, long lineNumber) {
    return parse(line, 0, line.length, lineNumber);
  }

  /**
   * Splits the line at {@code [offset, offset + length)} of {@code bytes}, as
   * {@link #parse(byte[], long)} splits a whole array. A line without an outcome is not copied.
   */
  static JsonlRecord parse(byte[] bytes, int offset, int length, long lineNumber) {
    if (!contains(bytes, offset, length, MARKER)) {
      return new JsonlRecord(bytes, offset, length, null);
    }
    byte[] line = offset == 0 && length == bytes.length ? bytes : Arrays.copyOfRange(bytes, offset, offset + length);
    try (JsonParser parser = FACTORY.createParser(line)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return whole(line);
      }
      Outcome outcome = null;
      int start = -1;
      int end = -1;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        int nameStart = (int) parser.currentTokenLocation().getByteOffset();
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (!Outcome.FIELD.equals(name)) {
          parser.skipChildren();
          continue;
        }
        if (outcome != null) {
          throw new OutcomeException(lineNumber, column(line, nameStart), "$." + Outcome.FIELD,
              "the outcome appears twice");
        }
        outcome = readOutcome(parser, value, line, lineNumber);
        start = nameStart;
        end = (int) parser.currentLocation().getByteOffset();
      }
      if (outcome == null) {
        // The marker was inside a string or a nested object: not our field.
        return whole(line);
      }
      return new JsonlRecord(blank(line, start, end), 0, line.length, outcome);
    } catch (IOException e) {
      // Malformed JSON or UTF-8: the declaration reader refuses the whole line with its own
      // location, the outcome included.
      return whole(line);
    }
  }

  /**
   * Writes a record: the declaration's one-line JSON, with the outcome as its last field when
   * there is one.
   */
  static String format(String declarationJson, Outcome outcome) {
    if (outcome == null) {
      return declarationJson;
    }
    int close = declarationJson.lastIndexOf('}');
    return declarationJson.substring(0, close) + ",\"" + Outcome.FIELD + "\":{\"inspected\":"
        + outcome.inspected() + ",\"violation\":" + outcome.violation() + "}}";
  }

  private static Outcome readOutcome(JsonParser parser, JsonToken value, byte[] line,
      long lineNumber) throws IOException {
    String path = "$." + Outcome.FIELD;
    if (value != JsonToken.START_OBJECT) {
      throw located(parser, line, lineNumber, path,
          "expected an object {\"inspected\": true|false, \"violation\": true|false}");
    }
    Boolean inspected = null;
    Boolean violation = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken token = parser.nextToken();
      if (!name.equals("inspected") && !name.equals("violation")) {
        throw located(parser, line, lineNumber, path,
            "unknown field '" + name + "' (an outcome has 'inspected' and 'violation')");
      }
      if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
        throw located(parser, line, lineNumber, path + "." + name, "expected true or false");
      }
      if (name.equals("inspected") ? inspected != null : violation != null) {
        throw located(parser, line, lineNumber, path + "." + name,
            "the field '" + name + "' appears twice in the outcome; each field may appear once");
      }
      if (name.equals("inspected")) {
        inspected = token == JsonToken.VALUE_TRUE;
      } else {
        violation = token == JsonToken.VALUE_TRUE;
      }
    }
    if (inspected == null || violation == null) {
      throw located(parser, line, lineNumber, path, "an outcome needs both 'inspected' and 'violation'");
    }
    return new Outcome(inspected, violation);
  }

  private static OutcomeException located(JsonParser parser, byte[] line, long lineNumber,
      String path, String message) {
    return new OutcomeException(lineNumber,
        column(line, (int) parser.currentTokenLocation().getByteOffset()), path, message);
  }

  /** The column, in characters as a user's editor counts them, of a byte offset in the line. */
  private static long column(byte[] line, int byteOffset) {
    return new String(line, 0, byteOffset, StandardCharsets.UTF_8).length() + 1L;
  }

  /** Overwrites [start, end) and the comma that separated it from a neighbour with spaces. */
  private static byte[] blank(byte[] line, int start, int end) {
    byte[] bytes = line.clone();
    int from = start;
    int to = end;
    int after = skipSpaces(bytes, end, 1);
    if (after < bytes.length && bytes[after] == ',') {
      to = after + 1;
    } else {
      int before = skipSpaces(bytes, start - 1, -1);
      if (before >= 0 && bytes[before] == ',') {
        from = before;
      }
    }
    Arrays.fill(bytes, from, to, (byte) ' ');
    return bytes;
  }

  /** JSON's whitespace: space, tab, line feed, carriage return. */
  private static int skipSpaces(byte[] bytes, int at, int step) {
    int i = at;
    while (i >= 0 && i < bytes.length
        && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\n' || bytes[i] == '\r')) {
      i += step;
    }
    return i;
  }

  /**
   * Whether the UTF-8 line holds the ASCII {@code marker}. Through a Latin-1 string, whose copy and
   * search the JVM vectorises: a byte-by-byte loop took a tenth of a rescore worker's time. Bytes
   * of multi-byte UTF-8 characters are never ASCII, so a match is a match in the text too.
   */
  private static boolean contains(byte[] line, int offset, int length, String marker) {
    return new String(line, offset, length, StandardCharsets.ISO_8859_1).contains(marker);
  }

  private static JsonlRecord whole(byte[] line) {
    return new JsonlRecord(line, 0, line.length, null);
  }
}
