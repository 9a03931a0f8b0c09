package io.riskgate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.riskgate.declaration.Declaration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Currency;
import java.util.Deque;
import java.util.Objects;

/**
 * JSON binding for declarations and assessments, both ways, with Jackson.
 *
 * <pre>{@code
 * RiskgateJson json = RiskgateJson.defaults();
 * Declaration declaration = json.readDeclaration(text);
 * String out = json.writeAssessment(engine.assess(declaration));
 * }</pre>
 *
 * <p>The format is published as a JSON Schema (draft 2020-12) at
 * {@code io/riskgate/declaration.schema.json} in this jar.
 *
 * <p><b>Unknown fields are rejected by default.</b> A misspelt field ({@code "orign"}) would
 * otherwise vanish silently and the declaration would be assessed without it, possibly released
 * GREEN. Integrators whose messages carry extra fields turn this off with
 * {@link Builder#ignoreUnknownFields(boolean)}.
 *
 * <p>Instances are immutable and thread-safe; share one.
 */
public final class RiskgateJson {
  private static final RiskgateJson DEFAULTS = builder().build();
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final ObjectReader declarationReader;
  private final ObjectReader assessmentReader;
  private final JsonFactory factory;
  private final ObjectWriter writer;
  private final int maxItems;
  private final int maxDeclarationChars;
  private final int maxPackages;
  private final int maxNumberChars;
  private final int maxNestingDepth;

  private RiskgateJson(Builder builder) {
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            // Jackson's own limit, for the integers it reads itself and as a backstop: the
            // decimals' limit is checked by Decimals, where the error has its place.
            .maxNumberLength(1_000)
            .maxNestingDepth(builder.maxNestingDepth)
            .build())
        // Duplicate keys are refused by UniqueFields, which every read goes through.
        .build();
    JsonMapper mapper = JsonMapper.builder(factory)
        .addModule(new JavaTimeModule())
        .addModule(IsoDates.module(builder.firstYear, builder.lastYear))  // later modules win
        .addModule(new SimpleModule("riskgate-decimals").addDeserializer(BigDecimal.class,
            new Decimals(builder.maxNumberChars, builder.maxFractionDigits,
                new Decimals.Limit(builder.maxAmount, "maxAmount"),
                new Decimals.Limit(builder.maxQuantity, "maxQuantity"),
                new Decimals.Limit(builder.maxGrossWeightKg, "maxGrossWeightKg"),
                new Decimals.Limit(builder.maxDutyRate, "maxDutyRate"))))
        .addModule(new BlackbirdModule())
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        // 12.7 packages is an error, not 12.
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, !builder.ignoreUnknownFields)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .build();
    ObjectMapper plain = mapper;
    this.factory = factory;
    this.declarationReader = plain.readerFor(Declaration.class);
    this.assessmentReader = plain.readerFor(Assessment.class);
    this.writer = plain.writer();
    this.maxItems = builder.maxItems;
    this.maxDeclarationChars = builder.maxDeclarationChars;
    this.maxPackages = builder.maxPackages;
    this.maxNumberChars = builder.maxNumberChars;
    this.maxNestingDepth = builder.maxNestingDepth;
  }

  /** The default binding: unknown fields rejected, at most 1,000 items and 1,000,000 characters. */
  public static RiskgateJson defaults() {
    return DEFAULTS;
  }

  /** A builder for a binding with other limits. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads one declaration from a JSON document.
   *
   * @throws DeclarationException if it is malformed, with line, column and JSON path
   */
  public Declaration readDeclaration(String json) {
    return readDeclaration(json, 1);
  }

  /**
   * Reads one declaration that starts at {@code firstLine} of a larger input, such as a line of a
   * JSON Lines file, so error locations name the input's line.
   *
   * @throws DeclarationException if it is malformed, with line, column and JSON path
   */
  public Declaration readDeclaration(String json, long firstLine) {
    if (json.length() > maxDeclarationChars) {
      throw new DeclarationException(String.format(
          "declaration is %,d characters long, more than the maximum %,d (from RiskgateJson.Builder.maxDeclarationChars)",
          json.length(), maxDeclarationChars), firstLine, 1, "$", null, null);
    }
    Declaration declaration;
    try {
      declaration = bind(declarationReader, factory.createParser(json));
    } catch (JsonProcessingException e) {
      throw located(e, json, firstLine);
    } catch (IOException e) {
      throw new UncheckedIOException(e);  // not from a String
    }
    return checked(declaration, firstLine);
  }

  /**
   * Reads one declaration from UTF-8 bytes, such as a message from a queue or a line of a file read
   * as bytes, with the same result and the same errors as {@link #readDeclaration(String, long)} on
   * {@code new String(utf8, UTF_8)}, error columns counting characters, not bytes; but bytes that
   * are not UTF-8 are refused with their line and byte offset, not read as U+FFFD (a declaration
   * number {@code 10147\uFFFD5004190} is not the number the sender meant). Faster than decoding
   * first when the document is ASCII (JSON escapes included), as Jackson then reads the bytes
   * directly; other documents are decoded first.
   *
   * @throws DeclarationException if it is malformed, with line, column and JSON path
   */
  public Declaration readDeclaration(byte[] utf8, long firstLine) {
    return readDeclaration(utf8, 0, utf8.length, firstLine);
  }

  /**
   * Reads one declaration from {@code length} UTF-8 bytes of {@code utf8} from {@code offset}, as
   * {@link #readDeclaration(byte[], long)} reads a whole array: for a reader that keeps many lines
   * in one buffer, such as a re-score's, and would otherwise copy each line out of it.
   *
   * @throws DeclarationException if it is malformed, with line, column and JSON path
   * @throws IndexOutOfBoundsException if the range is not inside the array
   */
  public Declaration readDeclaration(byte[] utf8, int offset, int length, long firstLine) {
    Objects.checkFromIndexSize(offset, length, utf8.length);
    if (length <= maxDeclarationChars && readsAsUtf8(utf8, offset, length)) {
      try {
        return checked(bind(declarationReader, factory.createParser(utf8, offset, length)), firstLine);
      } catch (IOException e) {
        // Jackson locates errors in bytes; the text form gives the columns a user sees. Errors
        // are rare: the second read is cheap.
      }
    }
    String text = new String(utf8, offset, length, StandardCharsets.UTF_8);
    // The decoder's own loop, then a search for its replacement character: the strict decoder
    // runs only on the rare text that holds one, malformed or not.
    if (text.indexOf('\uFFFD') >= 0) {
      refuseMalformedUtf8(Arrays.copyOfRange(utf8, offset, offset + length), firstLine);
    }
    return readDeclaration(text, firstLine);
  }

  /** Throws at the first byte that is not UTF-8, if there is one. */
  private static void refuseMalformedUtf8(byte[] utf8, long firstLine) {
    ByteBuffer in = ByteBuffer.wrap(utf8);
    CharBuffer out = CharBuffer.allocate(utf8.length);
    CoderResult result = StandardCharsets.UTF_8.newDecoder().decode(in, out, true);
    if (!result.isError()) {
      return;
    }
    int at = in.position();
    int lineStart = 0;
    long line = firstLine;
    for (int i = 0; i < at; i++) {
      if (utf8[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    int column = 1;
    for (int i = out.position() - 1; i >= 0 && out.get(i) != '\n'; i--) {
      column++;
    }
    throw new DeclarationException(String.format(
        "byte %,d of the line (0x%02X) is not valid UTF-8: bytes that are not UTF-8 are refused,"
            + " not replaced; convert the input to UTF-8",
        at - lineStart + 1, utf8[at] & 0xFF), line, column, "$", null, null);
  }

  /**
   * Whether Jackson's byte parser reads these bytes as the text path reads their decoding: only
   * ASCII. Beyond it, Jackson decodes what Java's UTF-8 decoder replaces with U+FFFD (overlong
   * forms, encoded surrogates, code points above U+10FFFF), so an overlong digit would pass as an
   * HS code; and zero bytes among the first four make it guess UTF-16 or UTF-32.
   */
  private static boolean readsAsUtf8(byte[] bytes, int offset, int length) {
    int end = offset + length;
    for (int i = offset; i < Math.min(offset + 4, end); i++) {
      if (bytes[i] == 0) {
        return false;
      }
    }
    // Eight bytes at a time, with no early exit: most documents are all ASCII, so every byte is
    // read anyway, and this check runs on every declaration a rescore reads.
    long any = 0;
    int i = offset;
    for (; i + Long.BYTES <= end; i += Long.BYTES) {
      any |= (long) LONGS.get(bytes, i);
    }
    for (; i < end; i++) {
      any |= bytes[i];  // sign-extended: a byte above 0x7F sets every high bit
    }
    return (any & 0x8080808080808080L) == 0;
  }

  private Declaration checked(Declaration declaration, long firstLine) {
    if (declaration == null) {
      throw new DeclarationException("expected a declaration object, found null or nothing",
          firstLine, 1, "$", null, null);
    }
    if (declaration.items().size() > maxItems) {
      throw new DeclarationException(String.format(
          "declaration has %,d items, more than the maximum %,d (from RiskgateJson.Builder.maxItems)",
          declaration.items().size(), maxItems), firstLine, 1, "$.items", declaration.number(), null);
    }
    if (declaration.header().packages() > maxPackages) {
      throw new DeclarationException(String.format(
          "packages is more than the maximum %,d (from RiskgateJson.Builder.maxPackages)",
          maxPackages), firstLine, -1, "$.header.packages", declaration.number(), null);
    }
    return declaration;
  }

  /** Writes a declaration as one line of JSON. */
  public String writeDeclaration(Declaration declaration) {
    return write(declaration);
  }

  /** Writes an assessment as one line of JSON. */
  public String writeAssessment(Assessment assessment) {
    return write(assessment);
  }

  /**
   * Writes an assessment as {@link #writeAssessment(Assessment)} does, to a generator the caller
   * owns and reuses, such as one over a byte buffer that a writer of millions of lines fills and
   * empties: no string, no generator and no buffer per assessment. Writes the one JSON object and
   * flushes the generator; what separates it from the next value is the caller's choice (give the
   * generator a {@code null} root value separator to have none).
   *
   * @throws IOException if the generator's output fails
   */
  public void writeAssessment(Assessment assessment, JsonGenerator generator) throws IOException {
    writer.writeValue(generator, assessment);
  }

  /**
   * Reads an assessment written by {@link #writeAssessment}, e.g. a baseline run's output.
   *
   * @throws DeclarationException if it is malformed, located like a declaration error
   */
  public Assessment readAssessment(String json, long firstLine) {
    try {
      Assessment assessment = bind(assessmentReader, factory.createParser(json));
      if (assessment == null) {
        throw new DeclarationException("expected an assessment object", firstLine, 1, "$", null, null);
      }
      return assessment;
    } catch (JsonProcessingException e) {
      throw located(e, json, firstLine);
    } catch (IOException e) {
      throw new UncheckedIOException(e);  // not from a String
    }
  }

  /**
   * Binds one JSON document through {@link UniqueFields}: a duplicate key is refused, not "last one
   * wins", as a parser in front of the engine that keeps the first would see another declaration
   * than the one assessed. Trailing content is refused as the mapper's
   * {@code FAIL_ON_TRAILING_TOKENS} would, which applies to its own parsers only.
   */
  private static <T> T bind(ObjectReader reader, JsonParser raw) throws IOException {
    try (JsonParser parser = new UniqueFields(raw)) {
      T value = reader.readValue(parser);
      JsonToken trailing = parser.nextToken();
      if (trailing != null) {
        throw MismatchedInputException.from(parser, reader.getValueType().getRawClass(),
            "Trailing token (of type " + trailing + ") found after value");
      }
      return value;
    }
  }

  private String write(Object value) {
    try {
      return writer.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      // Our own records always serialise; failing here is a bug, not a user mistake.
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  /**
   * The error as the user should read it: where (line, column, JSON path) and what, in a sentence
   * about the declaration. Jackson's own messages are never passed on: they name tokens, Java types
   * and features, and quote the input; each kind of error gets its own wording here instead.
   */
  private DeclarationException located(JsonProcessingException e, String json, long firstLine) {
    JsonProcessingException cause = e;
    // Databind wraps a parser's error to add the path of the value it was reading.
    while (cause.getClass() == JsonMappingException.class
        && cause.getCause() instanceof JsonProcessingException inner) {
      cause = inner;
    }
    JsonLocation location = cause.getLocation() != null ? cause.getLocation() : e.getLocation();
    long line = location == null || location.getLineNr() < 1 ? firstLine : firstLine + location.getLineNr() - 1;
    long column = location == null || location.getColumnNr() < 0 ? -1 : Math.max(1, location.getColumnNr());
    // The parser's own nesting is the exact path of a syntax error; a limit error has no parser,
    // and then databind's path (down to the value it was reading) is the best there is.
    String path = cause instanceof JsonMappingException mapping ? path(mapping)
        : cause.getProcessor() instanceof JsonParser ? path(cause.getProcessor())
        : e instanceof JsonMappingException mapping ? path(mapping) : "$";
    String message;
    if (cause instanceof ValueInstantiationException) {
      if (cause.getCause() instanceof IllegalArgumentException invalid) {
        message = invalid.getMessage();
        // Our validation messages start with the offending component's name: point the path at it.
        String field = message.substring(0, Math.max(0, message.indexOf(' ')));
        if (field.chars().allMatch(Character::isJavaIdentifierPart) && !field.isEmpty()) {
          path = path + "." + field;
        }
      } else if (cause.getCause() instanceof NullPointerException) {
        message = "a list holds null where each entry must be a value";
      } else {
        message = "the values here do not make a valid " + (path.equals("$") ? "declaration" : "entry");
      }
    } else {
      message = plain(cause);
    }
    return new DeclarationException(message, line, column, path, numberOf(json), null);
  }

  /** A sentence for each kind of error Jackson reports; see {@link #located}. */
  private String plain(JsonProcessingException e) {
    String jackson = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    String field = e.getProcessor() instanceof JsonParser parser
        && parser.getParsingContext().getCurrentName() != null
        ? parser.getParsingContext().getCurrentName() : "a value";
    if (e instanceof Refusal) {
      return jackson;
    }
    if (e instanceof UnrecognizedPropertyException unknown) {
      return "unknown field '" + unknown.getPropertyName()
          + "' (unknown fields are rejected; see RiskgateJson.Builder.ignoreUnknownFields)";
    }
    if (e instanceof MismatchedInputException mismatch) {
      if (jackson.startsWith("Trailing token")) {
        return "there is more JSON after the end of the declaration; a declaration is one JSON object";
      }
      if (jackson.startsWith("No content")) {
        return "expected a declaration object, found nothing";
      }
      if (mismatch.getTargetType() == null) {
        return "this value does not fit the declaration format";
      }
      String expected = "expected " + describe(mismatch.getTargetType()) + ", found ";
      JsonToken token = e.getProcessor() instanceof JsonParser parser ? parser.currentToken() : null;
      if (token == JsonToken.END_OBJECT) {
        return expected + "nothing: the field is missing";
      }
      return expected + (e instanceof InvalidFormatException && token == JsonToken.VALUE_STRING
          ? "a string that is not one" : describe(token));
    }
    if (e instanceof StreamConstraintsException) {
      if (jackson.startsWith("Number")) {
        // Past the parser's own limit, longer than any decimal's (Decimals checks those).
        return String.format("a number is written with more than 1,000 characters; decimals may have"
            + " %,d (from RiskgateJson.Builder.maxNumberChars)", maxNumberChars);
      }
      if (jackson.contains("nesting depth")) {
        return String.format("the JSON is nested more than %,d levels deep (from RiskgateJson.Builder.maxNestingDepth)",
            maxNestingDepth);
      }
      return "a value is longer than the reader allows (see RiskgateJson.Builder.maxDeclarationChars)";
    }
    if (e instanceof InputCoercionException) {
      return field + " is out of range for a whole number";
    }
    if (e instanceof JsonEOFException) {
      return "the text ends before the declaration does: an object, array or string is not closed";
    }
    return syntax(jackson);
  }

  /** Jackson's syntax errors, by the start of their message (stable across its versions). */
  private static String syntax(String jackson) {
    if (jackson.startsWith("Duplicate field")) {
      int open = jackson.indexOf('\'');
      int close = jackson.lastIndexOf('\'');
      String name = open >= 0 && close > open ? "'" + jackson.substring(open + 1, close) + "' " : "";
      return "the field " + name + "appears twice in this object; each field may appear once";
    }
    if (jackson.startsWith("Unexpected character")) {
      String found = character(jackson);
      if (jackson.contains("double-quote to start field name")) {
        return "expected a field name in double quotes, found " + found;
      }
      if (jackson.contains("comma to separate Object entries")) {
        return "expected ',' or '}' after a field's value, found " + found;
      }
      if (jackson.contains("comma to separate Array entries")) {
        return "expected ',' or ']' after a list entry, found " + found;
      }
      if (jackson.contains("colon to separate field name and value")) {
        return "expected ':' after a field name, found " + found;
      }
      if (jackson.contains("numeric value") || jackson.contains("Exponent")) {
        return MALFORMED_NUMBER;
      }
      if (jackson.contains("hex-digit")) {
        return "a \\u escape in a string needs four hexadecimal digits";
      }
      if (jackson.contains("root-level")) {
        return "there is more JSON after the end of the declaration; a declaration is one JSON object";
      }
      return "expected a value (a string, number, object, array, true, false or null), found " + found;
    }
    if (jackson.startsWith("Illegal character")) {
      return "found " + character(jackson) + " where only spaces, tabs and line breaks may come between values";
    }
    if (jackson.startsWith("Unexpected close marker")) {
      return "a closing ']' or '}' does not match the '[' or '{' it closes";
    }
    if (jackson.startsWith("Unrecognized token")) {
      return "expected a value (a string, number, object, array, true, false or null), found a word"
          + " that is none of them (strings need double quotes)";
    }
    if (jackson.startsWith("Illegal unquoted character")) {
      return "a string holds " + character(jackson) + ", which JSON requires to be escaped (as \\n, \\t or \\u00XX)";
    }
    if (jackson.startsWith("Unrecognized character escape")) {
      return "a string holds an unknown escape; JSON knows \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX";
    }
    if (jackson.contains("numeric value") || jackson.startsWith("Non-standard token")
        || jackson.contains("Leading zeroes")) {
      return MALFORMED_NUMBER;
    }
    if (jackson.contains("end-of-input")) {
      return "the text ends before the declaration does: an object, array or string is not closed";
    }
    return "the text is not well-formed JSON here";
  }

  private static final String MALFORMED_NUMBER = "a number is malformed: JSON numbers are written"
      + " like 12, 12.5 or 1.25e3, with no leading zeros, NaN or Infinity";

  /** The character Jackson names as "('x' (code 120))", as the user should read it. */
  private static String character(String jackson) {
    int code = jackson.indexOf("code ");
    int end = code < 0 ? -1 : jackson.indexOf(')', code);
    if (end < 0) {
      return "an unexpected character";
    }
    try {
      int c = Integer.parseInt(jackson.substring(code + 5, end).trim());
      return c > 0x20 && c < 0x7F ? "'" + (char) c + "'"
          : String.format("the character U+%04X", c);
    } catch (NumberFormatException e) {
      return "an unexpected character";
    }
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder("$");
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append('.').append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  /** The path at which a parser stopped, from its nesting of objects and arrays. */
  private static String path(Object processor) {
    if (!(processor instanceof JsonParser parser)) {
      return "$";
    }
    Deque<String> parts = new ArrayDeque<>();
    for (JsonStreamContext context = parser.getParsingContext(); context != null && !context.inRoot();
        context = context.getParent()) {
      if (context.inArray()) {
        parts.push("[" + Math.max(0, context.getCurrentIndex()) + "]");
      } else if (context.getCurrentName() != null) {
        parts.push("." + context.getCurrentName());
      }
    }
    return "$" + String.join("", parts);
  }

  private static String describe(Class<?> type) {
    if (type.isEnum()) {
      StringBuilder values = new StringBuilder("one of ");
      Object[] constants = type.getEnumConstants();
      for (int i = 0; i < constants.length; i++) {
        values.append(i == 0 ? "" : ", ").append(constants[i]);
      }
      return values.toString();
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "a whole number";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type == Currency.class) {
      return "an ISO 4217 currency code such as USD";
    }
    if (type == Instant.class) {
      return "a date and time in UTC such as 2026-03-14T08:15:00Z";
    }
    if (type == LocalDate.class) {
      return "a date such as 2026-03-14";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a list (a JSON array)";
    }
    return "an object";
  }

  private static String describe(JsonToken token) {
    if (token == null) {
      return "nothing";
    }
    switch (token) {
      case START_OBJECT:
      case FIELD_NAME:
        return "an object";
      case START_ARRAY:
        return "a list";
      case VALUE_STRING:
        return "a string";
      case VALUE_NUMBER_INT:
        return "a whole number";
      case VALUE_NUMBER_FLOAT:
        return "a number with a fraction or an exponent";
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "true or false";
      case VALUE_NULL:
        return "null";
      default:
        return "the end of an object or list";
    }
  }

  /**
   * Best effort: the declaration number of a document that failed to bind, if the parser gets as
   * far as {@code header.number}. Streams the tokens and stops there: no tree of the document.
   */
  private String numberOf(String json) {
    try (JsonParser parser = factory.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        boolean header = "header".equals(parser.currentName());
        if (parser.nextToken() != JsonToken.START_OBJECT || !header) {
          parser.skipChildren();
          continue;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          boolean number = "number".equals(parser.currentName());
          JsonToken value = parser.nextToken();
          if (number) {
            return value == JsonToken.VALUE_STRING ? parser.getText() : null;
          }
          parser.skipChildren();
        }
        return null;
      }
      return null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * Builds a {@link RiskgateJson}; setters validate their argument at once. Every number a
   * declaration carries has a range and a precision, and every limit a setting, listed with its
   * default in the README's limits table.
   */
  public static final class Builder {
    private boolean ignoreUnknownFields;
    private int maxItems = 1_000;
    private int maxDeclarationChars = 1_000_000;
    private int maxNumberChars = 40;
    private int maxFractionDigits = 6;
    private int maxNestingDepth = 32;
    private BigDecimal maxAmount = new BigDecimal("1000000000000000");
    private BigDecimal maxQuantity = new BigDecimal("1000000000000");
    private BigDecimal maxGrossWeightKg = new BigDecimal("1000000000");
    private BigDecimal maxDutyRate = new BigDecimal("1000");
    private int maxPackages = 10_000_000;
    private int firstYear = 1900;
    private int lastYear = 2100;

    private Builder() {}

    /** Whether to ignore fields the format does not define (default {@code false}: reject them). */
    public Builder ignoreUnknownFields(boolean ignore) {
      this.ignoreUnknownFields = ignore;
      return this;
    }

    /** The most items a declaration may have (default 1,000; VNACCS allows 50 per declaration). */
    public Builder maxItems(int maxItems) {
      if (maxItems < 1) {
        throw new IllegalArgumentException("maxItems must be at least 1, was " + maxItems);
      }
      this.maxItems = maxItems;
      return this;
    }

    /** The longest declaration, in characters of JSON (default 1,000,000). */
    public Builder maxDeclarationChars(int maxChars) {
      if (maxChars < 100) {
        throw new IllegalArgumentException("maxDeclarationChars must be at least 100, was " + maxChars);
      }
      this.maxDeclarationChars = maxChars;
      return this;
    }

    /**
     * The longest text of a number, in characters, as a JSON number or a string (default 40:
     * the largest amount with six decimals takes 23).
     */
    public Builder maxNumberChars(int maxChars) {
      if (maxChars < 20 || maxChars > 1_000) {
        throw new IllegalArgumentException("maxNumberChars must be between 20 and 1000, was " + maxChars);
      }
      this.maxNumberChars = maxChars;
      return this;
    }

    /**
     * The most decimal places of any decimal, after trailing zeros (default 6, the precision of
     * the unit values the engine derives). Finer values are refused, not rounded.
     */
    public Builder maxFractionDigits(int digits) {
      if (digits < 0 || digits > 18) {
        throw new IllegalArgumentException("maxFractionDigits must be between 0 and 18, was " + digits);
      }
      this.maxFractionDigits = digits;
      return this;
    }

    /** How deep objects and arrays may nest (default 32; a declaration needs 4). */
    public Builder maxNestingDepth(int depth) {
      if (depth < 8 || depth > 1_000) {
        throw new IllegalArgumentException("maxNestingDepth must be between 8 and 1000, was " + depth);
      }
      this.maxNestingDepth = depth;
      return this;
    }

    /** The largest amount of money, invoice or customs value (default 10^15, in any currency). */
    public Builder maxAmount(BigDecimal max) {
      this.maxAmount = positive(max, "maxAmount");
      return this;
    }

    /** The largest quantity of an item, in its unit (default 10^12). */
    public Builder maxQuantity(BigDecimal max) {
      this.maxQuantity = positive(max, "maxQuantity");
      return this;
    }

    /** The largest gross weight, in kilograms (default 10^9, a million tonnes). */
    public Builder maxGrossWeightKg(BigDecimal max) {
      this.maxGrossWeightKg = positive(max, "maxGrossWeightKg");
      return this;
    }

    /** The largest duty rate, in percent (default 1,000). */
    public Builder maxDutyRate(BigDecimal max) {
      this.maxDutyRate = positive(max, "maxDutyRate");
      return this;
    }

    /** The most packages a declaration may declare (default 10,000,000). */
    public Builder maxPackages(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxPackages must be at least 1, was " + max);
      }
      this.maxPackages = max;
      return this;
    }

    /**
     * The years dates may fall in, both included (default 1900 to 2100): registration times,
     * document dates, assessment times.
     */
    public Builder dateYears(int first, int last) {
      if (first < 1 || last > 9_999 || first > last) {
        throw new IllegalArgumentException("dateYears must be a range of years within 1 to 9999, was "
            + first + " to " + last);
      }
      this.firstYear = first;
      this.lastYear = last;
      return this;
    }

    private static BigDecimal positive(BigDecimal max, String setting) {
      if (max == null || max.signum() <= 0 || max.precision() - max.scale() > 30) {
        throw new IllegalArgumentException(setting + " must be greater than zero and below 10^30, was " + max);
      }
      return max;
    }

    public RiskgateJson build() {
      return new RiskgateJson(this);
    }
  }
}
