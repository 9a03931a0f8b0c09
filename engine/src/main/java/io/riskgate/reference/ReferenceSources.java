package io.riskgate.reference;

import com.github.benmanes.caffeine.cache.Ticker;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Factories for reference sources: immutable in-memory ones built from records, and caches in
 * front of an integrator's own (database-backed) sources.
 *
 * <pre>{@code
 * // a registry of your own, read through a cache
 * TraderRegistry mine = taxId -> traderDao.findByTaxId(taxId);
 * TraderRegistry cached = ReferenceSources.cached(mine, CacheSettings.defaults()
 *     .withMaximumSize(200_000).withExpireAfterWrite(Duration.ofMinutes(15)));
 * RiskEngine engine = RiskEngine.builder().pack(pack).global("traders", cached).build();
 *
 * // an in-memory watchlist of a million entries (lookups stay constant time)
 * Watchlists lists = ReferenceSources.watchlists(entries);
 * }</pre>
 *
 * <p>Every source returned is thread-safe. In-memory sources are immutable: they copy what they are
 * given into hash maps and reject duplicate keys with {@link IllegalArgumentException}.
 */
public final class ReferenceSources {
  private static final TraderRegistry NO_TRADERS = new InMemoryTraders(List.of());
  private static final PriceTable NO_PRICES = new InMemoryPrices(List.of());
  private static final Watchlists NO_WATCHLISTS = new InMemoryWatchlists(List.of());
  private static final HsLists NO_HS_LISTS = new InMemoryHsLists(List.of());
  private static final Lists NO_LISTS = new InMemoryLists(List.of());
  private static final Tables NO_TABLES = new InMemoryTables(List.of());

  private ReferenceSources() {}

  /** An immutable registry of {@code traders}, by tax id. */
  public static TraderRegistry traders(Collection<Trader> traders) {
    return new InMemoryTraders(Objects.requireNonNull(traders, "traders"));
  }

  /** An immutable price table of {@code prices}, keyed by HS code (prefix) and origin. */
  public static PriceTable prices(Collection<ReferencePrice> prices) {
    return new InMemoryPrices(Objects.requireNonNull(prices, "prices"));
  }

  /** Immutable watchlists holding {@code entries} (each names its list). */
  public static Watchlists watchlists(Collection<WatchlistEntry> entries) {
    return new InMemoryWatchlists(Objects.requireNonNull(entries, "entries"));
  }

  /** Immutable HS lists holding {@code entries} (each names its list). */
  public static HsLists hsLists(Collection<HsListEntry> entries) {
    return new InMemoryHsLists(Objects.requireNonNull(entries, "entries"));
  }

  /**
   * Immutable lists of a pack's own, by name, each indexed for its kind (HS prefixes by prefix).
   *
   * @throws IllegalArgumentException if two lists have one name
   */
  public static Lists lists(Collection<NamedList> lists) {
    return new InMemoryLists(Objects.requireNonNull(lists, "lists"));
  }

  /**
   * Immutable tables of a pack's own, by name, each indexed by its key.
   *
   * @throws IllegalArgumentException if two tables have one name, or a table has a key twice
   */
  public static Tables tables(Collection<NamedTable> tables) {
    return new InMemoryTables(Objects.requireNonNull(tables, "tables"));
  }

  /** No lists: every name is unknown. */
  public static Lists noLists() {
    return NO_LISTS;
  }

  /** No tables: every name is unknown. */
  public static Tables noTables() {
    return NO_TABLES;
  }

  /** A registry that knows no trader. */
  public static TraderRegistry noTraders() {
    return NO_TRADERS;
  }

  /** A price table with no prices. */
  public static PriceTable noPrices() {
    return NO_PRICES;
  }

  /** Watchlists with no entries. */
  public static Watchlists noWatchlists() {
    return NO_WATCHLISTS;
  }

  /** HS lists with no entries. */
  public static HsLists noHsLists() {
    return NO_HS_LISTS;
  }

  /**
   * A Caffeine cache in front of {@code source}: each tax id is asked of the source once per
   * {@link CacheSettings#expireAfterWrite()}, unknown ones included.
   */
  public static TraderRegistry cached(TraderRegistry source, CacheSettings settings) {
    return cached(source, settings, Ticker.systemTicker());
  }

  /** A Caffeine cache in front of {@code source}, keyed by HS code and origin as asked. */
  public static PriceTable cached(PriceTable source, CacheSettings settings) {
    return cached(source, settings, Ticker.systemTicker());
  }

  /**
   * A Caffeine cache in front of an integrator's {@code source} of lists: each list and value is
   * asked of the source once per {@link CacheSettings#expireAfterWrite()}, values not listed included.
   */
  public static Lists cachedLists(Lists source, CacheSettings settings) {
    return cachedLists(source, settings, Ticker.systemTicker());
  }

  /**
   * A Caffeine cache in front of an integrator's {@code source} of tables: each table and key is
   * asked of the source once per {@link CacheSettings#expireAfterWrite()}, keys without a row included.
   */
  public static Tables cachedTables(Tables source, CacheSettings settings) {
    return cachedTables(source, settings, Ticker.systemTicker());
  }

  static Lists cachedLists(Lists source, CacheSettings settings, Ticker ticker) {
    return new CachedSources.CachedLists(Objects.requireNonNull(source, "source"),
        Objects.requireNonNull(settings, "settings"), ticker);
  }

  static Tables cachedTables(Tables source, CacheSettings settings, Ticker ticker) {
    return new CachedSources.CachedTables(Objects.requireNonNull(source, "source"),
        Objects.requireNonNull(settings, "settings"), ticker);
  }

  static TraderRegistry cached(TraderRegistry source, CacheSettings settings, Ticker ticker) {
    return new CachedSources.Traders(Objects.requireNonNull(source, "source"),
        Objects.requireNonNull(settings, "settings"), ticker);
  }

  static PriceTable cached(PriceTable source, CacheSettings settings, Ticker ticker) {
    return new CachedSources.Prices(Objects.requireNonNull(source, "source"),
        Objects.requireNonNull(settings, "settings"), ticker);
  }
}
