package io.riskgate;

import io.riskgate.declaration.Item;
import io.riskgate.reference.HsList;
import io.riskgate.reference.HsListEntry;
import io.riskgate.reference.HsLists;
import io.riskgate.reference.PriceTable;
import io.riskgate.reference.ReferencePrice;
import io.riskgate.reference.Trader;
import io.riskgate.reference.TraderRegistry;

/**
 * The reference sources as one session's batch sees them: each lookup method remembers its last
 * question and answer, so that the pack's rules asking the same thing about one fact in a row get
 * the answer for a reference comparison. ({@code HsLists.find(list, ...)} is passed through: rules
 * name a list through its own method.)
 *
 * <p>Why: Drools evaluates a fact's conditions one rule after the other, and a pack asks the same
 * lookup in many of them (vn-baseline looks a line's price up in four criteria and the trader in
 * ten); each time the in-memory sources hash a string, probe their memo and compare characters, and
 * a remote source behind a cache probes the cache, so the repeats cost more than the criteria's
 * own tests. Why the last question only, compared by identity: the repeats come in a row
 * with the same objects (the fact's own strings and item), and anything more (a hash, an equality)
 * costs what it saves, as a string-keyed memo tried in the sources themselves showed.
 *
 * <p>The reference interfaces ask of a source that it answer the same question the same way within
 * a batch, so asking once is the same as asking again. Only globals declared with the interface's
 * own type are wrapped: a global declared as the user's class may be used through methods this
 * class does not have. A rule that casts an interface-typed global to the user's class fails its
 * batch closed (the interfaces say so).
 *
 * <p>Not thread-safe: made for one batch of one session, which one thread runs.
 */
final class LookupMemo {
  /** A key no question has: the first question always asks the source. */
  private static final Object NONE = new Object();

  private LookupMemo() {}

  /**
   * What the session's global {@code declaredType} should be bound to for one batch: a memo in
   * front of {@code value} if the type is one of the reference interfaces, else {@code value}.
   */
  static Object wrap(String declaredType, Object value) {
    if (declaredType.equals(PriceTable.class.getName()) && value instanceof PriceTable prices) {
      return new Prices(prices);
    }
    if (declaredType.equals(TraderRegistry.class.getName()) && value instanceof TraderRegistry traders) {
      return new Traders(traders);
    }
    if (declaredType.equals(HsLists.class.getName()) && value instanceof HsLists lists) {
      return new Lists(lists);
    }
    return value;
  }

  /** The last question and answer of one method: by identity of its arguments. */
  private static final class Slot<V> {
    Object first = NONE;
    Object second = NONE;
    V answer;

    boolean holds(Object first, Object second) {
      return this.first == first && this.second == second;
    }

    V keep(Object first, Object second, V answer) {
      this.first = first;
      this.second = second;
      this.answer = answer;
      return answer;
    }
  }

  /** The source a memo stands in front of. */
  private abstract static class Wrapper<S> {
    final S source;

    Wrapper(S source) {
      this.source = source;
    }

    @Override
    public String toString() {
      return source.toString();  // what a rule printing the global expects to see
    }
  }

  static final class Prices extends Wrapper<PriceTable> implements PriceTable {
    private final Slot<ReferencePrice> find = new Slot<>();
    private final Slot<ReferencePrice> findFor = new Slot<>();

    Prices(PriceTable source) {
      super(source);
    }

    @Override
    public ReferencePrice find(String hsCode, String origin) {
      Slot<ReferencePrice> slot = find;
      return slot.holds(hsCode, origin) ? slot.answer : slot.keep(hsCode, origin, source.find(hsCode, origin));
    }

    @Override
    public ReferencePrice findFor(Item item) {
      Slot<ReferencePrice> slot = findFor;
      return slot.holds(item, null) ? slot.answer : slot.keep(item, null, source.findFor(item));
    }
  }

  static final class Traders extends Wrapper<TraderRegistry> implements TraderRegistry {
    private final Slot<Trader> find = new Slot<>();

    Traders(TraderRegistry source) {
      super(source);
    }

    @Override
    public Trader find(String taxId) {
      Slot<Trader> slot = find;
      return slot.holds(taxId, null) ? slot.answer : slot.keep(taxId, null, source.find(taxId));
    }
  }

  /** One slot per method, so that a line's questions about different lists do not evict each other. */
  static final class Lists extends Wrapper<HsLists> implements HsLists {
    private final Slot<HsListEntry> priceRisk = new Slot<>();
    private final Slot<HsListEntry> sensitive = new Slot<>();
    private final Slot<HsListEntry> targeted = new Slot<>();
    private final Slot<HsListEntry> licenceRequired = new Slot<>();

    Lists(HsLists source) {
      super(source);
    }

    @Override
    public HsListEntry find(HsList list, String hsCode, String origin) {
      return source.find(list, hsCode, origin);  // rules name the list through the methods below
    }

    @Override
    public HsListEntry priceRisk(String hsCode) {
      Slot<HsListEntry> slot = priceRisk;
      return slot.holds(hsCode, null) ? slot.answer : slot.keep(hsCode, null, source.priceRisk(hsCode));
    }

    @Override
    public HsListEntry sensitive(String hsCode) {
      Slot<HsListEntry> slot = sensitive;
      return slot.holds(hsCode, null) ? slot.answer : slot.keep(hsCode, null, source.sensitive(hsCode));
    }

    @Override
    public HsListEntry targeted(String hsCode, String origin) {
      Slot<HsListEntry> slot = targeted;
      return slot.holds(hsCode, origin) ? slot.answer
          : slot.keep(hsCode, origin, source.targeted(hsCode, origin));
    }

    @Override
    public HsListEntry licenceRequired(String hsCode) {
      Slot<HsListEntry> slot = licenceRequired;
      return slot.holds(hsCode, null) ? slot.answer
          : slot.keep(hsCode, null, source.licenceRequired(hsCode));
    }
  }
}
