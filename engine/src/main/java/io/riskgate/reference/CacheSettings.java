package io.riskgate.reference;

import java.time.Duration;
import java.util.Objects;

/**
 * How a cache in front of a reference source behaves; see
 * {@link ReferenceSources#cached(TraderRegistry, CacheSettings)}.
 *
 * <pre>{@code
 * CacheSettings settings = CacheSettings.defaults()
 *     .withMaximumSize(50_000)
 *     .withExpireAfterWrite(Duration.ofMinutes(5));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param maximumSize the most entries kept (1 to 100,000,000; default 100,000); the least recently
 *     and least frequently used go first
 * @param expireAfterWrite how long an answer is reused before the source is asked again (1 ms to
 *     30 days; default 10 minutes): the most an answer can lag behind the source
 */
public record CacheSettings(long maximumSize, Duration expireAfterWrite) {
  private static final CacheSettings DEFAULTS = new CacheSettings(100_000, Duration.ofMinutes(10));

  public CacheSettings {
    if (maximumSize < 1 || maximumSize > 100_000_000) {
      throw new IllegalArgumentException(
          "maximumSize must be between 1 and 100,000,000, was " + maximumSize);
    }
    Objects.requireNonNull(expireAfterWrite, "expireAfterWrite");
    if (expireAfterWrite.compareTo(Duration.ofMillis(1)) < 0
        || expireAfterWrite.compareTo(Duration.ofDays(30)) > 0) {
      throw new IllegalArgumentException(
          "expireAfterWrite must be between 1 ms and 30 days, was " + expireAfterWrite);
    }
  }

  /** 100,000 entries, answers reused for 10 minutes. */
  public static CacheSettings defaults() {
    return DEFAULTS;
  }

  /** These settings with another maximum size. */
  public CacheSettings withMaximumSize(long size) {
    return new CacheSettings(size, expireAfterWrite);
  }

  /** These settings with another expiry. */
  public CacheSettings withExpireAfterWrite(Duration expiry) {
    return new CacheSettings(maximumSize, expiry);
  }
}
