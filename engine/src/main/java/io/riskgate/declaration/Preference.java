package io.riskgate.declaration;

/**
 * A claim to a preferential tariff under a trade agreement, backed by a certificate of origin.
 *
 * @param form the C/O form, e.g. {@code "E"} (ACFTA), {@code "D"} (ATIGA), {@code "AK"}, {@code "VK"}
 * @param certificateNumber the certificate of origin's number, or {@code null} if not yet supplied
 */
public record Preference(String form, String certificateNumber) {

  public Preference {
    Codes.requireText(form, "form");
  }
}
