package io.riskgate.reference;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.util.Optional;

/**
 * Caffeine caches in front of integrators' sources. Misses are cached too (as empty optionals),
 * since an unknown trader is the common case for a criterion like "new trader" and Caffeine does
 * not store nulls.
 */
final class CachedSources {
  private CachedSources() {}

  static <K, V> Cache<K, Optional<V>> cache(CacheSettings settings, Ticker ticker) {
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
}
