package io.riskgate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Reads the decimals of a declaration (amounts, quantities, masses, rates) and refuses, on the
 * token and before anything computes with the value, the ones no declaration needs: text longer
 * than {@code maxNumberChars}, more than {@code maxFractionDigits} decimal places, or more than the
 * field's maximum. Why: a {@code BigDecimal} costs what its exponent says ({@code 1e100000000}
 * parses in no time, and then a division or a plain-text rendering takes minutes and gigabytes),
 * so the exponent is checked through {@link BigDecimal#scale()} and {@link BigDecimal#precision()},
 * which do no arithmetic, before any comparison or division.
 *
 * <p>The field's maximum is chosen by the field's name: every decimal of the format has a name of
 * its own, and a decimal of any other name gets the largest maximum. The name is known when Jackson
 * builds the deserializer of each property ({@link #createContextual}), so the choice is made once
 * per property, not once per value (a list's entries take the list's); a decimal read without a
 * property, at the root, is chosen for by the name the parser holds at the token.
 */
final class Decimals extends StdScalarDeserializer<BigDecimal> implements ContextualDeserializer {
  private static final long serialVersionUID = 1L;

  /** A field's maximum, and the setting that sets it. */
  record Limit(BigDecimal max, String setting) {
    /** Digits before the decimal point of the maximum: a value with more is over it. */
    int integerDigits() {
      return max.precision() - max.scale();
    }

    String text() {
      BigDecimal plain = max.stripTrailingZeros();
      return plain.scale() <= 0
          ? String.format(Locale.ROOT, "%,d", plain.toBigInteger())
          : plain.toPlainString();
    }
  }

  private final int maxChars;
  private final int maxFractionDigits;
  private final Limit amount;
  private final Limit quantity;
  private final Limit mass;
  private final Limit rate;
  /** The limit of the property this deserializer was made for, or {@code null} if none. */
  private final Limit property;

  Decimals(int maxChars, int maxFractionDigits, Limit amount, Limit quantity, Limit mass, Limit rate) {
    this(maxChars, maxFractionDigits, amount, quantity, mass, rate, null);
  }

  private Decimals(int maxChars, int maxFractionDigits, Limit amount, Limit quantity, Limit mass,
      Limit rate, Limit property) {
    super(BigDecimal.class);
    this.maxChars = maxChars;
    this.maxFractionDigits = maxFractionDigits;
    this.amount = amount;
    this.quantity = quantity;
    this.mass = mass;
    this.rate = rate;
    this.property = property;
  }

  @Override
  public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
    return property == null ? this
        : new Decimals(maxChars, maxFractionDigits, amount, quantity, mass, rate, limit(property.getName()));
  }

  @Override
  public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    JsonToken token = parser.currentToken();
    if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT
        && token != JsonToken.VALUE_STRING) {
      return (BigDecimal) context.handleUnexpectedToken(BigDecimal.class, parser);
    }
    char[] chars = parser.getTextCharacters();
    int from = parser.getTextOffset();
    int length = parser.getTextLength();
    if (token == JsonToken.VALUE_STRING) {
      // A decimal may be written as a string ("24000"): the schema allows it for exact values.
      while (length > 0 && chars[from] == ' ') {
        from++;
        length--;
      }
      while (length > 0 && chars[from + length - 1] == ' ') {
        length--;
      }
      if (length == 0) {
        return null;  // as a missing value: the record names the required field
      }
    }
    if (length > maxChars) {
      throw new Refusal(parser, String.format(
          "%s is written with %,d characters, more than the maximum %,d (from RiskgateJson.Builder.maxNumberChars)",
          field(parser), length, maxChars));
    }
    BigDecimal value;
    try {
      // A number token through the parser's own conversion: a whole number from its long, with
      // no parsing of text; a fraction or exponent from its text, exactly as BigDecimal(char[]).
      value = token == JsonToken.VALUE_STRING ? new BigDecimal(chars, from, length) : parser.getDecimalValue();
    } catch (NumberFormatException e) {
      // Malformed text in a string, or an exponent beyond an int: no use for either.
      throw new Refusal(parser, field(parser) + " is not a decimal number such as 1250.50 (or its exponent is out of range)");
    }
    if (value.scale() > maxFractionDigits) {
      // Trailing zeros (1.50000000) are no precision; there cannot be more of them than digits.
      value = value.scale() - maxFractionDigits < length ? value.stripTrailingZeros() : value;
      if (value.scale() > maxFractionDigits) {
        throw new Refusal(parser, String.format(
            "%s has more than %d decimal places (from RiskgateJson.Builder.maxFractionDigits)",
            field(parser), maxFractionDigits));
      }
    }
    Limit limit = property != null ? property : limit(field(parser));
    // Digits before the point, from the exponent alone: 1e100000000 stops here, uncompared.
    if ((long) value.precision() - value.scale() > limit.integerDigits() || value.compareTo(limit.max()) > 0) {
      throw new Refusal(parser, field(parser) + " is more than the maximum " + limit.text()
          + " (from RiskgateJson.Builder." + limit.setting() + ")");
    }
    // 1.5E+3 within range: plain, so it is written and compared like 1500.
    return value.scale() < 0 ? value.setScale(0) : value;
  }

  private static String field(JsonParser parser) throws IOException {
    return parser.currentName() == null ? "the number" : parser.currentName();
  }

  private Limit limit(String field) {
    switch (field) {
      case "quantity":
        return quantity;
      case "grossWeightKg":
        return mass;
      case "dutyRate":
        return rate;
      default:
        return amount;
    }
  }
}
