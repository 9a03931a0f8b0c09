package io.riskgate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.drools.base.rule.accessor.GlobalResolver;
import org.kie.api.runtime.Globals;

/**
 * The globals of one engine session, kept in two short arrays and found by a linear scan.
 *
 * <p>Why not Drools' default resolver: Drools fetches a global by name every time a condition uses
 * it ({@code prices.findFor(item)} reads {@code prices} each time; vn-baseline's conditions do so
 * about two dozen times per goods line), and the default resolver's concurrent map probe was 5% of
 * assessing (JFR). A pack declares a handful of globals, so comparing names in a row costs less,
 * and {@code String.equals} settles a name that Drools passes as the same string object at once.
 *
 * <p>Drools' session reset calls {@link #clear}, so a reset session keeps this resolver and holds no
 * global of the previous batch. Implements {@link Globals} too, because
 * {@code KieSession.getGlobals()} casts the session's resolver to it.
 *
 * <p>Not thread-safe: it belongs to one session, which one thread uses at a time.
 */
final class SessionGlobals implements GlobalResolver, Globals {
  private String[] names = new String[8];
  private Object[] values = new Object[8];
  private int size;
  private Globals delegate;

  @Override
  public Object resolveGlobal(String name) {
    for (int i = 0; i < size; i++) {
      if (names[i].equals(name)) {  // equals compares identity first
        return values[i];
      }
    }
    return delegate == null ? null : delegate.get(name);
  }

  @Override
  public void setGlobal(String name, Object value) {
    for (int i = 0; i < size; i++) {
      if (names[i].equals(name)) {
        values[i] = value;
        return;
      }
    }
    if (size == names.length) {
      names = Arrays.copyOf(names, 2 * size);
      values = Arrays.copyOf(values, 2 * size);
    }
    names[size] = name;
    values[size] = value;
    size++;
  }

  @Override
  public void removeGlobal(String name) {
    for (int i = 0; i < size; i++) {
      if (names[i].equals(name)) {
        size--;
        names[i] = names[size];
        values[i] = values[size];
        names[size] = null;
        values[size] = null;
        return;
      }
    }
  }

  @Override
  public void clear() {
    Arrays.fill(names, 0, size, null);
    Arrays.fill(values, 0, size, null);
    size = 0;
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

  @Override
  public Collection<String> getGlobalKeys() {
    List<String> keys = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      keys.add(names[i]);
    }
    return keys;
  }

  @Override
  public String toString() {
    return "SessionGlobals" + getGlobalKeys();
  }
}
