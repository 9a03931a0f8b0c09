package io.riskgate.reference;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One entry of a watchlist.
 *
 * <p>Immutable and thread-safe.
 *
 * @param list the list it is on
 * @param value what is listed: a tax id, declarant code, consignor name or bill of lading number
 * @param reason why it is listed, in words an officer may see (no informant details)
 * @param listedOn the day it was listed, or {@code null} if unknown
 */
public record WatchlistEntry(Watchlist list, String value, String reason, LocalDate listedOn) {

  public WatchlistEntry {
    Objects.requireNonNull(list, "list is required");
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("value is required and must not be blank");
    }
    reason = reason == null || reason.isBlank() ? "listed" : reason;
  }
}
