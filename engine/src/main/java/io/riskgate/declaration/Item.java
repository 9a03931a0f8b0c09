package io.riskgate.declaration;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * One line of goods on a declaration.
 *
 * <p>The helper methods ({@link #unitValue()}, {@link #chapter()}, {@link #heading()}) are derived
 * from the components and exist for rule conditions; they are not part of the JSON form.
 *
 * @param line the line number on the declaration, from 1
 * @param hsCode the tariff code, 6, 8 or 10 digits (Vietnam declares 8)
 * @param description the goods description as declared
 * @param origin the country of origin, ISO 3166-1 alpha-2
 * @param quantity the quantity in {@code unit}, greater than zero
 * @param unit the unit of quantity, a UN/ECE Recommendation 20 code such as {@code KGM} or {@code PCE}
 * @param customsValue the customs value of the line
 * @param dutyRate the import duty rate in percent (e.g. {@code 15} for 15%), not negative
 * @param preference the preferential origin claimed, or {@code null} if none
 * @param licences references of the licences and permits the line relies on; empty if none
 */
public record Item(
    int line,
    String hsCode,
    String description,
    String origin,
    BigDecimal quantity,
    String unit,
    Money customsValue,
    BigDecimal dutyRate,
    Preference preference,
    List<String> licences) {

  public Item {
    if (line < 1) {
      throw new IllegalArgumentException("line must be 1 or more");
    }
    Codes.hsCode(hsCode, "hsCode");
    Codes.requireText(description, "description");
    origin = Codes.country(origin, "origin");
    Codes.positive(quantity, "quantity");
    Codes.requireText(unit, "unit");
    Codes.require(customsValue, "customsValue");
    dutyRate = dutyRate == null ? BigDecimal.ZERO : Codes.nonNegative(dutyRate, "dutyRate");
    licences = licences == null ? List.of() : List.copyOf(licences);
  }

  /**
   * A hash of the line number and HS code only: consistent with {@link #equals} (equal items share
   * both) and far cheaper than the record's default over every component, which Drools computes
   * for each item every time a rule reaches the items with {@code from}.
   */
  @Override
  public int hashCode() {
    return 31 * line + hsCode.hashCode();
  }

  /** The customs value per unit of quantity, to six decimal places. */
  public BigDecimal unitValue() {
    return customsValue.amount().divide(quantity, 6, RoundingMode.HALF_EVEN);
  }

  /** The HS chapter, the first two digits as a number (87 for vehicles). */
  public int chapter() {
    return (hsCode.charAt(0) - '0') * 10 + (hsCode.charAt(1) - '0');
  }

  /** The HS heading, the first four digits (e.g. {@code "8703"}). */
  public String heading() {
    return hsCode.substring(0, 4);
  }

  /** The international HS subheading, the first six digits. */
  public String subheading() {
    return hsCode.substring(0, 6);
  }

  /** Whether this line claims preferential origin. */
  public boolean claimsPreference() {
    return preference != null;
  }
}
