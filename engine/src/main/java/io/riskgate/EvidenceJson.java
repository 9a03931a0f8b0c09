package io.riskgate;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A hit's evidence as a JSON object: numbers as JSON numbers, dates and times as ISO 8601 text,
 * codes as their names, text as text. Read back, a field's value is what JSON holds: a number, text,
 * a boolean or null.
 */
final class EvidenceJson {
  private EvidenceJson() {}

  static final class Writer extends JsonSerializer<Evidence> {
    @Override
    public void serialize(Evidence evidence, JsonGenerator out, SerializerProvider provider) throws IOException {
      out.writeStartObject();
      for (int i = 0; i < evidence.size(); i++) {
        out.writeFieldName(evidence.nameAt(i));
        Object value = evidence.valueAt(i);
        if (value == null) {
          out.writeNull();
        } else if (value instanceof BigDecimal decimal) {
          out.writeNumber(decimal.toPlainString());
        } else if (value instanceof BigInteger whole) {
          out.writeNumber(whole);
        } else if (ReasonTemplate.isWhole(value)) {
          out.writeNumber(((Number) value).longValue());
        } else if (value instanceof Number number) {
          out.writeNumber(Evidence.decimal(number).toPlainString());
        } else if (value instanceof Boolean bool) {
          out.writeBoolean(bool);
        } else {
          StringBuilder text = new StringBuilder();
          ReasonTemplate.print(text, value);
          out.writeString(text.toString());
        }
      }
      out.writeEndObject();
    }
  }

  static final class Reader extends JsonDeserializer<Evidence> {
    @Override
    public Evidence deserialize(JsonParser in, DeserializationContext context) throws IOException {
      if (in.currentToken() != JsonToken.START_OBJECT) {
        return (Evidence) context.handleUnexpectedToken(Evidence.class, in);
      }
      List<String> names = new ArrayList<>();
      List<Object> values = new ArrayList<>();
      for (JsonToken token = in.nextToken(); token == JsonToken.FIELD_NAME; token = in.nextToken()) {
        String name = in.currentName();
        if (!Evidence.isName(name)) {
          context.reportInputMismatch(Evidence.class, "evidence names are words of letters and digits");
        }
        JsonToken value = in.nextToken();
        names.add(name);
        switch (value) {
          case VALUE_NUMBER_INT -> values.add(in.getNumberValue());
          case VALUE_NUMBER_FLOAT -> values.add(in.getDecimalValue());
          case VALUE_STRING -> values.add(in.getText());
          case VALUE_TRUE -> values.add(Boolean.TRUE);
          case VALUE_FALSE -> values.add(Boolean.FALSE);
          case VALUE_NULL -> values.add(null);
          default -> context.reportInputMismatch(Evidence.class,
              "evidence \"" + name + "\" is a number, text, a boolean or null, not " + value);
        }
      }
      return Evidence.read(names, values);
    }
  }
}
