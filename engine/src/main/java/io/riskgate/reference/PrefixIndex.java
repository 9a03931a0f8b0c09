package io.riskgate.reference;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Entries keyed by HS code prefix (2 to 10 digits) and, optionally, origin: the index behind the
 * in-memory price table and HS lists. {@link #find} returns the entry of the longest prefix of a
 * code that has one, preferring an entry for the origin over one for any origin.
 *
 * <p>Why the memo: a pack asks about the same item several times (vn-baseline looks an item's price
 * up in five criteria), and a walk over the prefixes builds a substring and hashes it at every
 * length. The memo maps a full code, the declaration's own string whose hash is already cached, to
 * the origin maps of its prefixes, so a repeated lookup is two or three hash probes and allocates
 * nothing. It is bounded (codes are attacker-controlled input) and filled on the calling thread.
 * Thread-safe; the entries never change after construction.
 *
 * @param <V> the entry type
 */
final class PrefixIndex<V> {
  /** The origin key of an entry that applies to goods of any origin. */
  private static final String ANY = "*";
  /** Distinct HS codes remembered: more than a national tariff has (about 11,000 8-digit lines). */
  private static final int MEMO_SIZE = 50_000;

  /** By prefix: the entries of that prefix by origin ({@link #ANY} for any). */
  private final Map<String, Map<String, V>> byPrefix;
  /** Prefix lengths present, longest first. */
  private final int[] lengths;
  private final LoadingCache<String, List<Map<String, V>>> memo;

  private PrefixIndex(Map<String, Map<String, V>> byPrefix, int[] lengths) {
    this.byPrefix = byPrefix;
    this.lengths = lengths;
    this.memo = Caffeine.newBuilder()
        .maximumSize(MEMO_SIZE)
        .executor(Runnable::run)  // no maintenance on the common pool: lookups run on scoring threads
        .build(this::levels);
  }

  /** The entry for {@code hsCode} and {@code origin} ({@code null}: only entries for any origin). */
  V find(String hsCode, String origin) {
    if (hsCode == null || byPrefix.isEmpty()) {
      return null;
    }
    for (Map<String, V> level : memo.get(hsCode)) {
      V value = origin == null ? null : level.get(origin);
      if (value == null) {
        value = level.get(ANY);
      }
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  int size() {
    int size = 0;
    for (Map<String, V> level : byPrefix.values()) {
      size += level.size();
    }
    return size;
  }

  /** The origin maps of the prefixes of {@code hsCode} that have entries, longest first. */
  private List<Map<String, V>> levels(String hsCode) {
    List<Map<String, V>> levels = new ArrayList<>(lengths.length);
    for (int length : lengths) {
      if (length <= hsCode.length()) {
        Map<String, V> level = byPrefix.get(hsCode.substring(0, length));
        if (level != null) {
          levels.add(level);
        }
      }
    }
    return List.copyOf(levels);
  }

  /** Collects entries; {@link #add} refuses a second entry for the same prefix and origin. */
  static final class Builder<V> {
    private final Map<String, Map<String, V>> byPrefix = new HashMap<>();
    private final boolean[] present = new boolean[HsPrefixes.LENGTHS[0] + 1];

    /** Adds an entry; false if one for the same prefix and origin ({@code null}: any) is there. */
    boolean add(String prefix, String origin, V value) {
      boolean added = byPrefix.computeIfAbsent(prefix, p -> new HashMap<>(4))
          .putIfAbsent(origin == null ? ANY : origin, value) == null;
      present[prefix.length()] = true;
      return added;
    }

    PrefixIndex<V> build() {
      int count = 0;
      for (int length : HsPrefixes.LENGTHS) {
        count += present[length] ? 1 : 0;
      }
      int[] lengths = new int[count];
      int i = 0;
      for (int length : HsPrefixes.LENGTHS) {
        if (present[length]) {
          lengths[i++] = length;
        }
      }
      return new PrefixIndex<>(Map.copyOf(byPrefix), lengths);
    }
  }
}
