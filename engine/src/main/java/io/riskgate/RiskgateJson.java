package io.riskgate;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.riskgate.declaration.Declaration;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

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
  private final ObjectReader treeReader;
  private final ObjectWriter writer;
  private final int maxItems;
  private final int maxDeclarationChars;

  private RiskgateJson(Builder builder) {
    JsonMapper mapper = JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .addModule(IsoDates.module())  // after JavaTimeModule: the later module wins
        .addModule(new BlackbirdModule())
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, !builder.ignoreUnknownFields)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .build();
    ObjectMapper plain = mapper;
    this.declarationReader = plain.readerFor(Declaration.class);
    this.assessmentReader = plain.readerFor(Assessment.class);
    this.treeReader = plain.reader();
    this.writer = plain.writer();
    this.maxItems = builder.maxItems;
    this.maxDeclarationChars = builder.maxDeclarationChars;
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
      declaration = declarationReader.readValue(json);
    } catch (JsonProcessingException e) {
      throw located(e, json, firstLine);
    }
    return checked(declaration, firstLine);
  }

  /**
   * Reads one declaration from UTF-8 bytes, such as a message from a queue or a line of a file read
   * as bytes, with the same result and the same errors as {@link #readDeclaration(String, long)} on
   * {@code new String(utf8, UTF_8)}: error columns count characters, not bytes, and malformed UTF-8
   * is read as U+FFFD. Faster than decoding first when the document is ASCII (JSON escapes
   * included), as Jackson then reads the bytes directly; other documents are decoded first.
   *
   * @throws DeclarationException if it is malformed, with line, column and JSON path
   */
  public Declaration readDeclaration(byte[] utf8, long firstLine) {
    if (utf8.length <= maxDeclarationChars && readsAsUtf8(utf8)) {
      try {
        return checked(declarationReader.readValue(utf8), firstLine);
      } catch (IOException e) {
        // Jackson locates errors in bytes; the text form gives the columns a user sees, and treats
        // malformed UTF-8 as the text decoding does. Errors are rare: the second read is cheap.
      }
    }
    return readDeclaration(new String(utf8, StandardCharsets.UTF_8), firstLine);
  }

  /**
   * Whether Jackson's byte parser reads these bytes as the text path reads their decoding: only
   * ASCII. Beyond it, Jackson decodes what Java's UTF-8 decoder replaces with U+FFFD (overlong
   * forms, encoded surrogates, code points above U+10FFFF), so an overlong digit would pass as an
   * HS code; and zero bytes among the first four make it guess UTF-16 or UTF-32.
   */
  private static boolean readsAsUtf8(byte[] bytes) {
    for (int i = 0; i < Math.min(4, bytes.length); i++) {
      if (bytes[i] == 0) {
        return false;
      }
    }
    // Eight bytes at a time, with no early exit: most documents are all ASCII, so every byte is
    // read anyway, and this check runs on every declaration a rescore reads.
    long any = 0;
    int i = 0;
    for (; i + Long.BYTES <= bytes.length; i += Long.BYTES) {
      any |= (long) LONGS.get(bytes, i);
    }
    for (; i < bytes.length; i++) {
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
   * Reads an assessment written by {@link #writeAssessment}, e.g. a baseline run's output.
   *
   * @throws DeclarationException if it is malformed, located like a declaration error
   */
  public Assessment readAssessment(String json, long firstLine) {
    try {
      Assessment assessment = assessmentReader.readValue(json);
      if (assessment == null) {
        throw new DeclarationException("expected an assessment object", firstLine, 1, "$", null, null);
      }
      return assessment;
    } catch (JsonProcessingException e) {
      throw located(e, json, firstLine);
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

  private DeclarationException located(JsonProcessingException e, String json, long firstLine) {
    JsonLocation location = e.getLocation();
    long line = location == null || location.getLineNr() < 1 ? firstLine : firstLine + location.getLineNr() - 1;
    long column = location == null ? -1 : location.getColumnNr();
    String path = "$";
    String message;
    if (e instanceof JsonMappingException mapping) {
      path = path(mapping);
    }
    if (e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException invalid) {
      message = invalid.getMessage();
      // Our validation messages start with the offending component's name: point the path at it.
      String field = message.substring(0, Math.max(0, message.indexOf(' ')));
      if (field.chars().allMatch(Character::isJavaIdentifierPart) && !field.isEmpty()) {
        path = path + "." + field;
      }
    } else if (e instanceof UnrecognizedPropertyException unknown) {
      message = "unknown field '" + unknown.getPropertyName()
          + "' (unknown fields are rejected; see RiskgateJson.Builder.ignoreUnknownFields)";
    } else if (e instanceof InvalidFormatException invalid) {
      message = "expected " + describe(invalid.getTargetType()) + ", found a value that is not one";
    } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      message = "expected " + describe(mismatch.getTargetType()) + ": " + firstLine(e.getOriginalMessage());
    } else {
      message = firstLine(e.getOriginalMessage());
    }
    return new DeclarationException(message, line, column, path, numberOf(json), null);
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

  private static String describe(Class<?> type) {
    if (type.isEnum()) {
      StringBuilder values = new StringBuilder("one of ");
      Object[] constants = type.getEnumConstants();
      for (int i = 0; i < constants.length; i++) {
        values.append(i == 0 ? "" : ", ").append(constants[i]);
      }
      return values.toString();
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "a number (" + type.getSimpleName() + ")";
    }
    return "a value of type " + type.getSimpleName();
  }

  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    String line = end < 0 ? text : text.substring(0, end);
    // Jackson names our classes in full; users need the simple name only.
    return line.replaceAll("`?(?:[a-z]+\\.)+([A-Z][A-Za-z]*)`?", "$1");
  }

  /** Best effort: the declaration number of a document that failed to bind, if it parses at all. */
  private String numberOf(String json) {
    try {
      JsonNode number = treeReader.readTree(json).path("header").path("number");
      return number.isTextual() ? number.asText() : null;
    } catch (JsonProcessingException | RuntimeException e) {
      return null;
    }
  }

  /** Builds a {@link RiskgateJson}; setters validate their argument at once. */
  public static final class Builder {
    private boolean ignoreUnknownFields;
    private int maxItems = 1_000;
    private int maxDeclarationChars = 1_000_000;

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

    public RiskgateJson build() {
      return new RiskgateJson(this);
    }
  }
}
