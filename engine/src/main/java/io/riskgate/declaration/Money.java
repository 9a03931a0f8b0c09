package io.riskgate.declaration;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.Currency;

/**
 * An amount of money in an ISO 4217 currency. Amounts are exact decimals; JSON carries them as
 * numbers or strings ({@code {"amount": 1250.00, "currency": "USD"}}).
 *
 * @param amount the amount, not negative
 * @param currency the ISO 4217 currency
 */
public record Money(BigDecimal amount, Currency currency) {

  public Money {
    Codes.nonNegative(amount, "amount");
    Codes.require(currency, "currency");
  }

  @JsonCreator
  static Money fromJson(@JsonProperty("amount") BigDecimal amount,
      @JsonProperty("currency") String currency) {
    return new Money(amount, Codes.currency(currency, "currency"));
  }

  /** Creates an amount from its decimal text and currency code, e.g. {@code Money.of("12.50", "USD")}. */
  public static Money of(String amount, String currency) {
    return new Money(new BigDecimal(amount), Codes.currency(currency, "currency"));
  }

  /** The currency's ISO 4217 code, e.g. {@code "USD"}: convenient in rule conditions. */
  public String currencyCode() {
    return currency.getCurrencyCode();
  }

  @Override
  public String toString() {
    return amount.toPlainString() + " " + currency.getCurrencyCode();
  }
}
