package io.riskgate.reference;

import java.util.Objects;

/**
 * One entry of an HS list: a code prefix (2 to 10 digits) that covers every code starting with it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param list the list it is on
 * @param prefix the HS code prefix, 2, 4, 6, 8 or 10 digits
 * @param origin the country of origin, for {@link HsList#TARGETED} entries (required there, and
 *     only there)
 * @param licenceType the document type the goods need, for {@link HsList#LICENCE_REQUIRED} entries
 *     (required there, and only there); it names a declaration document type, e.g.
 *     {@code QUARANTINE_CERTIFICATE}
 * @param note what the entry is about, in words an officer may see
 */
public record HsListEntry(HsList list, String prefix, String origin, String licenceType, String note) {

  public HsListEntry {
    Objects.requireNonNull(list, "list is required");
    HsPrefixes.check(prefix, "prefix");
    origin = origin == null || origin.isBlank() ? null : origin;
    licenceType = licenceType == null || licenceType.isBlank() ? null : licenceType;
    if ((list == HsList.TARGETED) != (origin != null)) {
      throw new IllegalArgumentException("origin is required on TARGETED entries and not allowed on others");
    }
    if (origin != null && !origin.matches("[A-Z]{2}")) {
      throw new IllegalArgumentException("origin must be an ISO 3166-1 alpha-2 code such as CN");
    }
    if ((list == HsList.LICENCE_REQUIRED) != (licenceType != null)) {
      throw new IllegalArgumentException(
          "licenceType is required on LICENCE_REQUIRED entries and not allowed on others");
    }
    note = note == null ? "" : note;
  }
}
