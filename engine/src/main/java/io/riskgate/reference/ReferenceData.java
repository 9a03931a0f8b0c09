package io.riskgate.reference;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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
 * Each file may be JSON (an array of objects with those fields) or CSV (a header row naming every
 * field, in any order); the trader registry is JSON only, since violations nest. Any other
 * {@code .json} or {@code .csv} file under {@code data/} is an error, so a misspelt file name cannot
 * silently empty a list. Errors name the file, line and column.
 *
 * <p>A source is given only when its file is in the pack, or when the manifest says the pack has
 * none of that kind ({@code "emptyData": ["watchlists"]}, an empty source): a deleted file must not
 * quietly become an empty registry that every declaration then misses. A source that is not given
 * is left out of {@link #globals()}, and a pack whose rules declare its global does not load unless
 * the integrator binds it.
 *
 * <p>Beside these, a pack may declare lists and keyed tables of its own in {@code pack.json}
 * ({@code "lists"} and {@code "tables"}, each with its file under {@code data/}), bound to the
 * globals {@value #LISTS} and {@value #TABLES}; see {@link Lists} and {@link Tables}.
 *
 * <p>Integrators replace any source, e.g. with their own database behind a cache, by binding the
 * global on the engine builder ({@code RiskEngine.Builder.global("traders", registry)}); tests and
 * scenario runs layer their own data over a pack's with the {@code with...} methods:
 * <pre>{@code
 * ReferenceData data = pack.referenceData()
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
  /** The DRL global name of the pack's own lists ({@code "lists"} in pack.json). */
  public static final String LISTS = "lists";
  /** The DRL global name of the pack's own tables ({@code "tables"} in pack.json). */
  public static final String TABLES = "tables";
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
  private final Lists lists;
  private final Tables tables;
  /** The global names of the sources given (from a file, declared empty, or set in code). */
  private final Set<String> given;

  private ReferenceData(TraderRegistry traders, PriceTable prices, Watchlists watchlists, HsLists hsLists,
      Set<String> given) {
    this(traders, prices, watchlists, hsLists, ReferenceSources.noLists(), ReferenceSources.noTables(), given);
  }

  private ReferenceData(TraderRegistry traders, PriceTable prices, Watchlists watchlists, HsLists hsLists,
      Lists lists, Tables tables, Set<String> given) {
    this.traders = Objects.requireNonNull(traders, "traders");
    this.prices = Objects.requireNonNull(prices, "prices");
    this.watchlists = Objects.requireNonNull(watchlists, "watchlists");
    this.hsLists = Objects.requireNonNull(hsLists, "hsLists");
    this.lists = Objects.requireNonNull(lists, "lists");
    this.tables = Objects.requireNonNull(tables, "tables");
    this.given = Set.copyOf(given);
  }

  private ReferenceData(TraderRegistry traders, PriceTable prices, Watchlists watchlists, HsLists hsLists) {
    this(traders, prices, watchlists, hsLists, Set.of(TRADERS, PRICES, WATCHLISTS, HS_LISTS));
  }

  /**
   * Reference data of which some sources may not be given: a {@code null} source is one the pack
   * neither ships nor declares empty (an empty one stands in, and {@link #globals()} leaves it out).
   */
  public static ReferenceData ofGiven(TraderRegistry traders, PriceTable prices, Watchlists watchlists, HsLists hsLists) {
    Set<String> given = new HashSet<>();
    addIf(given, traders != null, TRADERS);
    addIf(given, prices != null, PRICES);
    addIf(given, watchlists != null, WATCHLISTS);
    addIf(given, hsLists != null, HS_LISTS);
    return new ReferenceData(traders == null ? ReferenceSources.noTraders() : traders,
        prices == null ? ReferenceSources.noPrices() : prices,
        watchlists == null ? ReferenceSources.noWatchlists() : watchlists,
        hsLists == null ? ReferenceSources.noHsLists() : hsLists, given);
  }

  private static void addIf(Set<String> given, boolean present, String global) {
    if (present) {
      given.add(global);
    }
  }

  private ReferenceData with(String global) {
    Set<String> more = new HashSet<>(given);
    more.add(global);
    return new ReferenceData(traders, prices, watchlists, hsLists, lists, tables, more);
  }

  /** Reference data with every source given, and empty. */
  public static ReferenceData empty() {
    return EMPTY;
  }

  /** Reference data from the given sources, every one of them given. */
  public static ReferenceData of(TraderRegistry traders, PriceTable prices, Watchlists watchlists,
      HsLists hsLists) {
    return new ReferenceData(traders, prices, watchlists, hsLists);
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

  /** The pack's own lists ({@code "lists"} in pack.json); none (and not given) when it declares none. */
  public Lists lists() {
    return lists;
  }

  /** The pack's own tables ({@code "tables"} in pack.json); none (and not given) when it declares none. */
  public Tables tables() {
    return tables;
  }

  /** This data with {@code lists} in place of its lists (now given). */
  public ReferenceData withLists(Lists lists) {
    return new ReferenceData(traders, prices, watchlists, hsLists, lists, tables, given).with(LISTS);
  }

  /** This data with {@code tables} in place of its tables (now given). */
  public ReferenceData withTables(Tables tables) {
    return new ReferenceData(traders, prices, watchlists, hsLists, lists, tables, given).with(TABLES);
  }

  /** This data with {@code traders} in place of its trader registry (now given). */
  public ReferenceData withTraders(TraderRegistry traders) {
    return new ReferenceData(traders, prices, watchlists, hsLists, lists, tables, given).with(TRADERS);
  }

  /** This data with {@code prices} in place of its price table (now given). */
  public ReferenceData withPrices(PriceTable prices) {
    return new ReferenceData(traders, prices, watchlists, hsLists, lists, tables, given).with(PRICES);
  }

  /** This data with {@code watchlists} in place of its watchlists (now given). */
  public ReferenceData withWatchlists(Watchlists watchlists) {
    return new ReferenceData(traders, prices, watchlists, hsLists, lists, tables, given).with(WATCHLISTS);
  }

  /** This data with {@code hsLists} in place of its HS lists (now given). */
  public ReferenceData withHsLists(HsLists hsLists) {
    return new ReferenceData(traders, prices, watchlists, hsLists, lists, tables, given).with(HS_LISTS);
  }

  /**
   * The given sources by DRL global name ({@value #TRADERS}, {@value #PRICES}, {@value #WATCHLISTS},
   * {@value #HS_LISTS}, and the pack's own {@value #LISTS} and {@value #TABLES} when it declares
   * some), ready for {@code RiskEngine.Builder.global}. A source the pack neither
   * ships nor declares empty is left out, so that a rule using it is refused rather than served
   * an empty source.
   */
  public Map<String, Object> globals() {
    Map<String, Object> globals = new HashMap<>();
    Map.of(TRADERS, traders, PRICES, prices, WATCHLISTS, watchlists, HS_LISTS, hsLists).forEach((name, source) -> {
      if (given.contains(name)) {
        globals.put(name, source);
      }
    });
    Map.of(LISTS, lists, TABLES, tables).forEach((name, source) -> {
      if (given.contains(name)) {
        globals.put(name, source);
      }
    });
    return Map.copyOf(globals);
  }

  /**
   * For a DRL global that nothing binds: if it is one of the reference-data globals, what the pack
   * lacks and the ways out, in the words of a load error; empty for any other global.
   */
  public static Optional<String> missingSource(String global) {
    String kind = kindOf(global);
    if (kind == null) {
      return Optional.empty();
    }
    String file = DATA_FOLDER + kind + (kind.equals("traders") ? ".json" : ".csv (or .json)");
    return Optional.of("global '" + global + "' has no data: the pack has no " + file + "; add the file, or,"
        + " if the pack has no " + kind + ", list \"" + kind + "\" in \"emptyData\" in pack.json"
        + " (an integrator may instead bind the global with RiskEngine.Builder.global)");
  }

  /** The kind of reference data ({@link #KINDS}) bound to a DRL global, or null if none is. */
  static String kindOf(String global) {
    return switch (global) {
      case TRADERS -> "traders";
      case PRICES -> "prices";
      case WATCHLISTS -> "watchlists";
      case HS_LISTS -> "hs-lists";
      default -> null;
    };
  }

  @Override
  public String toString() {
    return "ReferenceData[" + traders + ", " + prices + ", " + watchlists + ", " + hsLists + ", " + lists + ", "
        + tables + "]";
  }
}
