package io.riskgate.reference;

/**
 * Watchlists of companies, declarants, consignors and bills of lading. Bound to the DRL global
 * {@code watchlists}.
 *
 * <p>Lookups return the entry, or {@code null} if the value is not listed (or null), so that a
 * constraint tests for a listing and the consequence reads the entry's reason:
 * <pre>{@code
 * when
 *   $d : Declaration( watchlists.company(header.traderTaxId) != null )
 * then
 *   risk.hit($d, 40, "listed: " + watchlists.company($d.header().traderTaxId()).reason());
 * }</pre>
 * ({@code $w : WatchlistEntry() from watchlists.company($d.header.traderTaxId)} works too, at about
 * three times the cost: a {@code from} source is interpreted on every evaluation.)
 *
 * <p>The in-memory lists are hash sets: a lookup costs the same with 100 entries as with a million.
 * Implementations must be thread-safe.
 */
@FunctionalInterface
public interface Watchlists {

  /** The entry for {@code value} on {@code list}, or {@code null} if it is not listed or null. */
  WatchlistEntry find(Watchlist list, String value);

  /** The entry for a trader's tax id on the company list, or {@code null}. */
  default WatchlistEntry company(String taxId) {
    return find(Watchlist.COMPANY, taxId);
  }

  /** The entry for a declarant on the declarant list, or {@code null}. */
  default WatchlistEntry declarant(String declarant) {
    return find(Watchlist.DECLARANT, declarant);
  }

  /** The entry for a consignor on the consignor list, or {@code null}. */
  default WatchlistEntry consignor(String consignor) {
    return find(Watchlist.CONSIGNOR, consignor);
  }

  /** The entry for a bill of lading or air waybill number, or {@code null}. */
  default WatchlistEntry billOfLading(String number) {
    return find(Watchlist.BILL_OF_LADING, number);
  }
}
