package io.riskgate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.drools.base.rule.accessor.GlobalResolver;
import org.kie.api.runtime.Globals;

/**
 * The globals of one engine session: Drools' global resolver, made cheap for the way conditions
 * use it.
 *
 * <p>Why not Drools' default resolver: Drools fetches a global by name every time a condition uses
 * it ({@code prices.findFor(item)} reads {@code prices} each time; vn-baseline's conditions do so
 * about two dozen times per goods line), and the default resolver probes a concurrent map each
 * time; a scan comparing names cost as much, because the names Drools passes are other
 * string objects than the ones the globals were set with, so every match compares characters.
 *
 * <p>So names keep their position for the life of the session (a value is cleared, its name stays),
 * and a small memo remembers, by identity, which position each name object Drools passes stands
 * for. Drools passes the same few dozen objects (one per use of a global in the compiled rules)
 * batch after batch, so after the first batch a lookup is an identity hash, an array read and a
 * reference comparison.
 *
 * <p>Drools' session reset calls {@link #clear}, so a reset session keeps this resolver and holds no
 * global of the previous batch. Implements {@link Globals} too, because
 * {@code KieSession.getGlobals()} casts the session's resolver to it.
 *
 * <p>Not thread-safe: it belongs to one session, which one thread uses at a time.
 */
final class SessionGlobals implements GlobalResolver, Globals {
  /**
   * Memo slots, a power of two: a pack's rules pass one name object per use of a global (dozens in
   * vn-baseline). A name looks in its slot and the next, so that two names on one slot do not evict
   * each other at every use.
   */
  private static final int MEMO_SLOTS = 1024;

  /** Names ever set, in the order first set; a name's position never changes. */
  private String[] names = new String[8];
  /** The value of each name; null when it is cleared or removed. */
  private Object[] values = new Object[8];
  private int size;
  /** A name object Drools passed, and its position, direct-mapped by its identity hash. */
  private final String[] memoNames = new String[MEMO_SLOTS];
  private final int[] memoPositions = new int[MEMO_SLOTS];
  private Globals delegate;

  @Override
  public Object resolveGlobal(String name) {
    int slot = System.identityHashCode(name) & (MEMO_SLOTS - 1);
    int next = (slot + 1) & (MEMO_SLOTS - 1);
    int position;
    if (memoNames[slot] == name) {
      position = memoPositions[slot];
    } else if (memoNames[next] == name) {
      position = memoPositions[next];
    } else {
      position = positionOf(name);
      if (position >= 0) {
        int to = memoNames[slot] == null ? slot : next;
        memoNames[to] = name;
        memoPositions[to] = position;
      }
    }
    Object value = position < 0 ? null : values[position];
    return value != null || delegate == null ? value : delegate.get(name);
  }

  @Override
  public void setGlobal(String name, Object value) {
    int position = positionOf(name);
    if (position < 0) {
      if (size == names.length) {
        names = Arrays.copyOf(names, 2 * size);
        values = Arrays.copyOf(values, 2 * size);
      }
      position = size++;
      names[position] = name;
    }
    values[position] = value;
  }

  @Override
  public void removeGlobal(String name) {
    int position = positionOf(name);
    if (position >= 0) {
      values[position] = null;
    }
  }

  /** Forgets every value; names keep their positions, so the memo stays right. */
  @Override
  public void clear() {
    Arrays.fill(values, 0, size, null);
  }

  @Override
  public Object get(String name) {
    return resolveGlobal(name);
  }

  @Override
  public void set(String name, Object value) {
    setGlobal(name, value);
  }

  @Override
  public void setDelegate(Globals delegate) {
    this.delegate = delegate;
  }

  /** The names that have a value. */
  @Override
  public Collection<String> getGlobalKeys() {
    List<String> keys = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      if (values[i] != null) {
        keys.add(names[i]);
      }
    }
    return keys;
  }

  @Override
  public String toString() {
    return "SessionGlobals" + getGlobalKeys();
  }

  private int positionOf(String name) {
    for (int i = 0; i < size; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
