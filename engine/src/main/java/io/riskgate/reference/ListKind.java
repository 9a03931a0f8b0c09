package io.riskgate.reference;

import java.util.Arrays;
import java.util.Optional;

/**
 * What the values of a pack's own list are ({@code "kind"} of a list in {@code pack.json}): the
 * kind decides how a value is checked when the list loads and how a lookup matches it.
 *
 * <p>{@link #HS_PREFIX} entries are HS code prefixes of 2, 4, 6, 8 or 10 digits, and a code is on
 * the list when it starts with one of them ({@code 7208} covers {@code 72085100}); {@link #COUNTRY}
 * entries are ISO 3166-1 alpha-2 codes; every other kind is matched exactly as written.
 */
public enum ListKind {
  /** HS code prefixes, 2 to 10 digits; a code matches every prefix it starts with. */
  HS_PREFIX("hs-prefix"),
  /** Countries, as ISO 3166-1 alpha-2 codes (CN, VN). */
  COUNTRY("country"),
  /** Traders, by tax id. */
  TRADER("trader"),
  /** Foreign consignors, by name as declared. */
  CONSIGNOR("consignor"),
  /** Customs offices, by code. */
  OFFICE("office"),
  /** Border gates, by name as declared. */
  GATE("gate"),
  /** Ports of loading, by code or name as declared. */
  PORT("port"),
  /** Any other text, matched exactly. */
  TEXT("text");

  private final String code;

  ListKind(String code) {
    this.code = code;
  }

  /** The kind's name in {@code pack.json}: {@code hs-prefix}, {@code country}, ... */
  public String code() {
    return code;
  }

  /** The kind a {@code pack.json} name denotes, if any. */
  public static Optional<ListKind> ofCode(String code) {
    return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst();
  }

  /**
   * Why {@code value} cannot be on a list of this kind, or null if it can. Values with spaces
   * around them are refused: a declaration's value has none, so the entry would never match.
   */
  public String problem(String value) {
    if (value == null || value.isBlank()) {
      return "a value is required";
    }
    if (!value.strip().equals(value)) {
      return "'" + value.strip() + "' has spaces around it, so it would never match; remove them";
    }
    return switch (this) {
      case HS_PREFIX -> HsPrefixes.isPrefix(value) ? null : "an hs-prefix value must be 2, 4, 6, 8 or 10 digits";
      case COUNTRY -> value.matches("[A-Z]{2}") ? null
          : "a country must be an ISO 3166-1 alpha-2 code in capitals, such as CN";
      default -> null;
    };
  }
}
