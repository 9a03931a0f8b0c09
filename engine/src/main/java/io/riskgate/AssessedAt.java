package io.riskgate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.time.Instant;

/**
 * Reads {@link Assessment#assessedAt()}, and gives {@link Assessment#NO_TIME} when the field is
 * absent: {@code riskgate rescore} leaves it out of its lines so that every run writes the same
 * bytes, and those lines must read back with {@link RiskgateJson#readAssessment}.
 */
final class AssessedAt extends StdDeserializer<Instant> {
  private static final long serialVersionUID = 1L;

  AssessedAt() {
    super(Instant.class);
  }

  @Override
  public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    // The mapper's own Instant reader: the same forms and the same errors as any other date.
    JsonDeserializer<Object> instants = context.findRootValueDeserializer(context.constructType(Instant.class));
    return (Instant) instants.deserialize(parser, context);
  }

  @Override
  public Object getAbsentValue(DeserializationContext context) {
    return Assessment.NO_TIME;
  }
}
