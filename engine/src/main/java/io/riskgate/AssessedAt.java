package io.riskgate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.time.Instant;

/**
 * Reads {@link Assessment#assessedAt()}, and gives {@link Assessment#NO_TIME} when the field is
 * absent: {@code riskgate rescore} leaves it out of its lines so that every run writes the same
 * bytes, and those lines must read back with {@link RiskgateJson#readAssessment}.
 */
final class AssessedAt extends StdDeserializer<Instant> implements ContextualDeserializer {
  private static final long serialVersionUID = 1L;

  /** The mapper's own Instant reader: the same forms and the same errors as any other date. */
  private final transient JsonDeserializer<Object> instants;

  AssessedAt() {
    this(null);
  }

  private AssessedAt(JsonDeserializer<Object> instants) {
    super(Instant.class);
    this.instants = instants;
  }

  @Override
  public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
      throws JsonMappingException {
    return new AssessedAt(context.findContextualValueDeserializer(context.constructType(Instant.class), property));
  }

  @Override
  public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    return (Instant) instants.deserialize(parser, context);
  }

  @Override
  public Object getAbsentValue(DeserializationContext context) {
    return Assessment.NO_TIME;
  }
}
