package io.riskgate.reference;

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
 * the origin maps of its prefixes, so a repeated lookup is one array read and allocates nothing.
 *
 * <p>Why direct-mapped rather than a Caffeine cache: the memo is read about a dozen times per goods
 * line, and a Caffeine hit (a concurrent map probe plus its read buffer) costs many times one array
 * read. A slot holds one code; a code that maps to a taken slot replaces it,
 * so memory is bounded whatever the codes (attacker-controlled input), and a collision costs only
 * the walk the memo saves. A slot holds a pair with final fields whose array is filled before the
 * pair is built and never written again, so threads that race on one slot each read a complete
 * pair, never a torn one (final-field semantics): no locks, no volatile.
 *
 * <p>Thread-safe; the entries never change after construction.
 *
 * @param <V> the entry type
 */
final class PrefixIndex<V> {
  /** The origin key of an entry that applies to goods of any origin. */
  private static final String ANY = "*";
  /**
   * Memo slots, a power of two. A line's code is looked up a dozen times in a row, so even a
   * working set larger than this (a national tariff has about 11,000 8-digit lines) mostly hits.
   */
  private static final int MEMO_SLOTS = 1 << 12;

  /** By prefix: the entries of that prefix by origin ({@link #ANY} for any). */
  private final Map<String, Map<String, V>> byPrefix;
  /** Prefix lengths present, longest first. */
  private final int[] lengths;
  /** Direct-mapped by the code's hash. */
  private final Memo<V>[] memo;

  /**
   * A code and the origin maps of its prefixes, longest first. An array rather than a list: the
   * lookup loops over it a dozen times per line, and a list would allocate an iterator each time.
   */
  private record Memo<V>(String hsCode, Map<String, V>[] levels) {}

  private PrefixIndex(Map<String, Map<String, V>> byPrefix, int[] lengths) {
    this.byPrefix = byPrefix;
    this.lengths = lengths;
    @SuppressWarnings("unchecked")
    Memo<V>[] slots = (Memo<V>[]) new Memo<?>[MEMO_SLOTS];
    this.memo = slots;
  }

  /** The entry for {@code hsCode} and {@code origin} ({@code null}: only entries for any origin). */
  V find(String hsCode, String origin) {
    if (hsCode == null || byPrefix.isEmpty()) {
      return null;
    }
    for (Map<String, V> level : levelsOf(hsCode)) {  // an array: no iterator per lookup
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

  private Map<String, V>[] levelsOf(String hsCode) {
    int slot = spread(hsCode.hashCode()) & (MEMO_SLOTS - 1);
    Memo<V> hit = memo[slot];
    if (hit != null && hit.hsCode().equals(hsCode)) {
      return hit.levels();
    }
    Map<String, V>[] levels = levels(hsCode);
    memo[slot] = new Memo<>(hsCode, levels);
    return levels;
  }

  /** HS codes share long prefixes: fold the high bits in so that they pick distinct slots. */
  private static int spread(int hash) {
    return hash ^ (hash >>> 14);
  }

  /** The origin maps of the prefixes of {@code hsCode} that have entries, longest first. */
  private Map<String, V>[] levels(String hsCode) {
    List<Map<String, V>> levels = new ArrayList<>(lengths.length);
    for (int length : lengths) {
      if (length <= hsCode.length()) {
        Map<String, V> level = byPrefix.get(hsCode.substring(0, length));
        if (level != null) {
          levels.add(level);
        }
      }
    }
    @SuppressWarnings("unchecked")
    Map<String, V>[] array = (Map<String, V>[]) levels.toArray(new Map<?, ?>[0]);
    return array;
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
