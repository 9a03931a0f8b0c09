package io.riskgate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The duplicate-key check that replaces Jackson's: the same names as Jackson's own
 * {@code STRICT_DUPLICATE_DETECTION} refuses, and no others, whatever the depth, the number of
 * fields or how the caller moves the parser.
 */
class UniqueFieldsTest {
  private static final JsonFactory PLAIN = new JsonFactory();
  private static final JsonFactory STRICT = JsonFactory.builder()
      .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  @Test
  void sameNamesInSiblingAndNestedObjects_areNoDuplicates() throws IOException {
    String json = "{\"a\":{\"a\":1,\"b\":{\"a\":2}},\"b\":[{\"a\":1,\"b\":2},{\"a\":3,\"b\":4}],\"c\":{\"a\":{}}}";

    assertThat(tokens(json)).isEqualTo(strictTokens(json));
  }

  @Test
  void aDuplicateInTheSecondObjectAtADepth_isRefused() {
    // The first item's names leave the table of that depth; the second item's must start afresh.
    String json = "{\"items\":[{\"a\":1,\"b\":2},{\"b\":1,\"c\":2,\"c\":3}]}";

    assertThatThrownBy(() -> tokens(json))
        .isInstanceOf(JsonParseException.class)
        .hasMessageStartingWith("Duplicate field 'c'");
  }

  @Test
  void manyFields_growTheTable_andTheFirstIsStillFound() throws IOException {
    StringBuilder json = new StringBuilder("{\"x\":{");
    for (int i = 0; i < 1_000; i++) {
      json.append("\"f").append(i).append("\":").append(i).append(',');
    }
    String distinct = json + "\"last\":0}}";
    String repeated = json + "\"f0\":0}}";

    assertThat(tokens(distinct)).isEqualTo(strictTokens(distinct));
    assertThatThrownBy(() -> tokens(repeated)).hasMessageStartingWith("Duplicate field 'f0'");
  }

  @Test
  void twoParsersOnOneThread_keepTheirOwnNames() throws IOException {
    try (JsonParser outer = new UniqueFields(PLAIN.createParser("{\"a\":1,\"b\":2}"))) {
      outer.nextToken();
      outer.nextToken();
      assertThat(tokens("{\"b\":1,\"c\":{\"a\":2}}")).hasSize(9);
      outer.nextToken();
      assertThat(outer.nextFieldName()).isEqualTo("b");
    }
    assertThatThrownBy(() -> tokens("{\"x\":1,\"x\":2}")).hasMessageStartingWith("Duplicate field 'x'");
  }

  @Test
  void namesWithTheSameHash_areTold() throws IOException {
    // "Aa" and "BB" share String.hashCode: the table must compare the names, not their hashes.
    assertThat(tokens("{\"Aa\":1,\"BB\":2}")).hasSize(6);
    assertThatThrownBy(() -> tokens("{\"Aa\":1,\"BB\":2,\"BB\":3}")).hasMessageStartingWith("Duplicate field 'BB'");
  }

  @Test
  void skippedContent_isCheckedToo() throws IOException {
    // An ignored unknown field is skipped, not read: its names must still be unique, as Jackson's.
    try (JsonParser parser = new UniqueFields(PLAIN.createParser("{\"u\":{\"a\":1,\"a\":2},\"b\":1}"))) {
      parser.nextToken();
      parser.nextToken();
      parser.nextToken();
      assertThatThrownBy(parser::skipChildren).hasMessageStartingWith("Duplicate field 'a'");
    }
    try (JsonParser parser = new UniqueFields(PLAIN.createParser("{\"u\":{\"a\":[{\"a\":1}]},\"u\":1}"))) {
      parser.nextToken();
      parser.nextToken();
      parser.nextToken();
      parser.skipChildren();
      assertThat(parser.currentToken()).isEqualTo(JsonToken.END_OBJECT);
      assertThatThrownBy(parser::nextToken).hasMessageStartingWith("Duplicate field 'u'");
    }
  }

  @Test
  void nextValueAndNextFieldName_goThroughTheCheck() throws IOException {
    try (JsonParser parser = new UniqueFields(PLAIN.createParser("{\"a\":1,\"a\":2}"))) {
      assertThat(parser.nextValue()).isEqualTo(JsonToken.START_OBJECT);
      assertThat(parser.nextValue()).isEqualTo(JsonToken.VALUE_NUMBER_INT);
      assertThatThrownBy(parser::nextValue).hasMessageStartingWith("Duplicate field 'a'");
    }
    try (JsonParser parser = new UniqueFields(PLAIN.createParser("{\"a\":1,\"a\":2}"))) {
      parser.nextToken();
      assertThat(parser.nextFieldName()).isEqualTo("a");
      parser.nextToken();
      assertThatThrownBy(parser::nextFieldName).hasMessageStartingWith("Duplicate field 'a'");
    }
  }

  @Test
  void theRefusalIsInJacksonsWords_locatedAtTheSecondName() {
    String json = "{\"a\":1,\n \"a\":2}";

    JsonParseException ours = catchThrowableOfType(JsonParseException.class, () -> tokens(json));
    JsonParseException jacksons = catchThrowableOfType(JsonParseException.class, () -> strictTokens(json));

    assertThat(ours.getOriginalMessage()).isEqualTo(jacksons.getOriginalMessage());
    assertThat(ours.getLocation().getLineNr()).isEqualTo(2);
    assertThat(ours.getLocation().getColumnNr()).isEqualTo(2);
  }

  private static List<JsonToken> tokens(String json) throws IOException {
    List<JsonToken> tokens = new ArrayList<>();
    try (JsonParser parser = new UniqueFields(PLAIN.createParser(json.getBytes(StandardCharsets.UTF_8)))) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        tokens.add(token);
      }
    }
    return tokens;
  }

  private static List<JsonToken> strictTokens(String json) throws IOException {
    List<JsonToken> tokens = new ArrayList<>();
    try (JsonParser parser = STRICT.createParser(json)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        tokens.add(token);
      }
    }
    return tokens;
  }
}
