package io.riskgate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.function.Function;

/**
 * Compiled packs, by content hash, shared by the engines that use this cache: building an engine
 * or reloading a pack that an engine of the same cache compiled before costs a hash, not a compile
 * (a reload that changed nothing, an engine per test, a switch back to yesterday's pack). Bounded,
 * since a large pack's compiled form holds tens of megabytes; the least recently used goes first.
 *
 * <pre>{@code
 * PackCache cache = PackCache.ofMaximumSize(2);   // today's pack and the one before
 * RiskEngine engine = RiskEngine.builder().pack(pack).packCache(cache).build();
 * }</pre>
 *
 * <p>Thread-safe. Engines use {@link #shared()} unless told otherwise.
 */
public final class PackCache {
  /** The shared cache's size; a system property, as a test override only. */
  static final String SHARED_SIZE_PROPERTY = "riskgate.compiledPackCacheSize";
  private static final PackCache SHARED = new PackCache(Long.getLong(SHARED_SIZE_PROPERTY, 8));

  private final long maximumSize;
  private final Cache<String, CompiledPack> packs;

  private PackCache(long maximumSize) {
    this.maximumSize = maximumSize;
    this.packs = Caffeine.newBuilder().maximumSize(maximumSize).build();
  }

  /** The process-wide cache of eight compiled packs that engines use by default. */
  public static PackCache shared() {
    return SHARED;
  }

  /**
   * A cache of its own, for engines that should not share compiled packs with others.
   *
   * @param maximumSize how many compiled packs it keeps, 0 (none: every build compiles) to 1,000
   */
  public static PackCache ofMaximumSize(long maximumSize) {
    if (maximumSize < 0 || maximumSize > 1_000) {
      throw new IllegalArgumentException("maximumSize must be between 0 and 1,000, was " + maximumSize);
    }
    return new PackCache(maximumSize);
  }

  CompiledPack get(String key, Function<String, CompiledPack> compile) {
    return packs.get(key, compile);
  }

  @Override
  public String toString() {
    return "PackCache[maximumSize " + maximumSize + ", " + packs.estimatedSize() + " packs]";
  }
}
