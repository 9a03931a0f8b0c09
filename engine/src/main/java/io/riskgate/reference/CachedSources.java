package io.riskgate.reference;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.util.Optional;

/**
 * Caffeine caches in front of integrators' sources. Misses are cached too (as empty optionals, as
 * false, as absent rows), since an unknown trader is the common case for a criterion like "new
 * trader" and Caffeine does not store nulls.
 */
final class CachedSources {
  private CachedSources() {}

  static <K, V> Cache<K, V> cache(CacheSettings settings, Ticker ticker) {
    return Caffeine.newBuilder()
        .maximumSize(settings.maximumSize())
        .expireAfterWrite(settings.expireAfterWrite())
        .ticker(ticker)
        .build();
  }

  static final class Traders implements TraderRegistry {
    private final TraderRegistry source;
    private final Cache<String, Optional<Trader>> cache;

    Traders(TraderRegistry source, CacheSettings settings, Ticker ticker) {
      this.source = source;
      this.cache = cache(settings, ticker);
    }

    @Override
    public Trader find(String taxId) {
      return taxId == null ? null
          : cache.get(taxId, id -> Optional.ofNullable(source.find(id))).orElse(null);
    }

    @Override
    public String toString() {
      return "cached " + source;
    }
  }

  private record PriceKey(String hsCode, String origin) {}

  static final class Prices implements PriceTable {
    private final PriceTable source;
    private final Cache<PriceKey, Optional<ReferencePrice>> cache;

    Prices(PriceTable source, CacheSettings settings, Ticker ticker) {
      this.source = source;
      this.cache = cache(settings, ticker);
    }

    @Override
    public ReferencePrice find(String hsCode, String origin) {
      if (hsCode == null || origin == null) {
        return null;
      }
      return cache.get(new PriceKey(hsCode, origin),
          key -> Optional.ofNullable(source.find(key.hsCode(), key.origin()))).orElse(null);
    }

    @Override
    public String toString() {
      return "cached " + source;
    }
  }

  private record ListKey(String list, String value) {}

  static final class CachedLists implements Lists {
    private final Lists source;
    private final Cache<ListKey, Boolean> cache;

    CachedLists(Lists source, CacheSettings settings, Ticker ticker) {
      this.source = source;
      this.cache = cache(settings, ticker);
    }

    @Override
    public boolean has(String list, String value) {
      return value != null && cache.get(new ListKey(list, value), key -> source.has(key.list(), key.value()));
    }

    @Override
    public String toString() {
      return "cached " + source;
    }
  }

  private record RowKey(String table, String key, String second) {}

  static final class CachedTables implements Tables {
    private final Tables source;
    private final Cache<RowKey, TableRow> cache;

    CachedTables(Tables source, CacheSettings settings, Ticker ticker) {
      this.source = source;
      this.cache = cache(settings, ticker);
    }

    @Override
    public TableRow find(String table, String key, String second) {
      if (key == null) {
        return TableRow.absent();
      }
      return cache.get(new RowKey(table, key, second), k -> {
        TableRow row = source.find(k.table(), k.key(), k.second());
        return row == null ? TableRow.absent() : row;
      });
    }

    @Override
    public String toString() {
      return "cached " + source;
    }
  }
}
