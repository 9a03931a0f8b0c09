package io.riskgate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * A value our own deserializers refuse, with a message written for the user: {@link RiskgateJson}
 * passes it on as it is, where Jackson's own messages are replaced. A {@link JsonMappingException}
 * so that Jackson adds the JSON path as it unwinds, and located at the refused token.
 */
final class Refusal extends JsonMappingException {
  private static final long serialVersionUID = 1L;

  Refusal(JsonParser parser, String message) {
    super(parser, message);
  }
}
