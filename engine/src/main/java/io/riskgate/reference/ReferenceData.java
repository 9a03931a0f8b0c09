package io.riskgate.reference;

import io.riskgate.RulePack;
import io.riskgate.RulePackException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The reference data a pack's rules consult, bundled: trader registry, price table, watchlists and
 * HS lists, bound to the DRL globals {@value #TRADERS}, {@value #PRICES}, {@value #WATCHLISTS} and
 * {@value #HS_LISTS}.
 *
 * <p>A pack ships its data in its {@code data/} folder; the engine loads it once per compiled pack
 * and binds it to those globals, so a pack that declares them needs nothing else:
 * <pre>
 * data/traders.json     [{"taxId": "0101234567", "complianceLevel": 2, "priority": false,
 *                         "registeredOn": "2019-04-02",
 *                         "violations": [{"date": "2025-06-30", "severity": "SERIOUS"}],
 *                         "overdueTaxDebt": 0, "debtDaysOverdue": 0}, ...]
 * data/prices.csv       hsCode,origin,unit,currency,unitValue,tolerancePercent,maximum
 *                       (origin empty: any origin; maximum empty: none)
 * data/watchlists.csv   list,value,reason,listedOn   (list: COMPANY, DECLARANT, CONSIGNOR, BILL_OF_LADING)
 * data/hs-lists.csv     list,prefix,origin,licenceType,note
 *                       (list: PRICE_RISK, SENSITIVE, TARGETED, LICENCE_REQUIRED)
 * </pre>
 * Each file may be JSON (an array of objects with those fields) or CSV (a header row naming the
 * fields); the trader registry is JSON only, since violations nest. A file that is absent gives an
 * empty source. Any other {@code .json} or {@code .csv} file under {@code data/} is an error, so a
 * misspelt file name cannot silently empty a list. Errors name the file and line.
 *
 * <p>Integrators replace any source, e.g. with their own database behind a cache, by binding the
 * global on the engine builder ({@code RiskEngine.Builder.global("traders", registry)}); tests and
 * scenario runs layer their own data over a pack's with the {@code with...} methods:
 * <pre>{@code
 * ReferenceData data = ReferenceData.load(pack)
 *     .withWatchlists(ReferenceSources.watchlists(List.of(
 *         new WatchlistEntry(Watchlist.COMPANY, "0109999999", "smuggling case 2026/14", null))));
 * RiskEngine.Builder builder = RiskEngine.builder().pack(pack);
 * data.globals().forEach(builder::global);
 * }</pre>
 *
 * <p>Immutable and thread-safe, as are the sources it holds when built by this package.
 */
public final class ReferenceData {
  /** The DRL global name of the trader registry. */
  public static final String TRADERS = "traders";
  /** The DRL global name of the price table. */
  public static final String PRICES = "prices";
  /** The DRL global name of the watchlists. */
  public static final String WATCHLISTS = "watchlists";
  /** The DRL global name of the HS lists. */
  public static final String HS_LISTS = "hsLists";
  /** The folder of a pack that holds its reference data. */
  public static final String DATA_FOLDER = "data/";
  /**
   * The kinds of reference data, by the name of their file in {@value #DATA_FOLDER}
   * ({@code data/hs-lists.csv} is of kind {@code hs-lists}): what a manifest's {@code emptyData}
   * may list.
   */
  public static final List<String> KINDS = List.of("traders", "prices", "watchlists", "hs-lists");

  private static final ReferenceData EMPTY = new ReferenceData(ReferenceSources.noTraders(),
      ReferenceSources.noPrices(), ReferenceSources.noWatchlists(), ReferenceSources.noHsLists());

  private final TraderRegistry traders;
  private final PriceTable prices;
  private final Watchlists watchlists;
  private final HsLists hsLists;

  private ReferenceData(TraderRegistry traders, PriceTable prices, Watchlists watchlists, HsLists hsLists) {
    this.traders = Objects.requireNonNull(traders, "traders");
    this.prices = Objects.requireNonNull(prices, "prices");
    this.watchlists = Objects.requireNonNull(watchlists, "watchlists");
    this.hsLists = Objects.requireNonNull(hsLists, "hsLists");
  }

  /**
   * Loads the reference data in {@code pack}'s {@code data/} folder; sources without a file are
   * empty.
   *
   * @throws RulePackException naming the file, line and column of every problem found
   */
  public static ReferenceData load(RulePack pack) {
    return DataFiles.load(pack);
  }

  /** Reference data with every source empty. */
  public static ReferenceData empty() {
    return EMPTY;
  }

  /** Reference data from the given sources. */
  public static ReferenceData of(TraderRegistry traders, PriceTable prices, Watchlists watchlists,
      HsLists hsLists) {
    return new ReferenceData(traders, prices, watchlists, hsLists);
  }

  /** Whether {@code pack} has a {@code data/} folder with at least one file. */
  public static boolean hasData(RulePack pack) {
    return pack.paths().stream().anyMatch(path -> path.startsWith(DATA_FOLDER));
  }

  public TraderRegistry traders() {
    return traders;
  }

  public PriceTable prices() {
    return prices;
  }

  public Watchlists watchlists() {
    return watchlists;
  }

  public HsLists hsLists() {
    return hsLists;
  }

  /** This data with {@code traders} in place of its trader registry. */
  public ReferenceData withTraders(TraderRegistry traders) {
    return new ReferenceData(traders, prices, watchlists, hsLists);
  }

  /** This data with {@code prices} in place of its price table. */
  public ReferenceData withPrices(PriceTable prices) {
    return new ReferenceData(traders, prices, watchlists, hsLists);
  }

  /** This data with {@code watchlists} in place of its watchlists. */
  public ReferenceData withWatchlists(Watchlists watchlists) {
    return new ReferenceData(traders, prices, watchlists, hsLists);
  }

  /** This data with {@code hsLists} in place of its HS lists. */
  public ReferenceData withHsLists(HsLists hsLists) {
    return new ReferenceData(traders, prices, watchlists, hsLists);
  }

  /**
   * The sources by DRL global name ({@value #TRADERS}, {@value #PRICES}, {@value #WATCHLISTS},
   * {@value #HS_LISTS}), ready for {@code RiskEngine.Builder.global}.
   */
  public Map<String, Object> globals() {
    return Map.of(TRADERS, traders, PRICES, prices, WATCHLISTS, watchlists, HS_LISTS, hsLists);
  }

  @Override
  public String toString() {
    return "ReferenceData[" + traders + ", " + prices + ", " + watchlists + ", " + hsLists + "]";
  }
}
