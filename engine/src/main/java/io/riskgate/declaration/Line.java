package io.riskgate.declaration;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.kie.api.definition.type.ClassReactive;

/**
 * One goods line as a fact of its own: an {@link Item} together with the {@link Declaration} it is
 * on. The engine inserts one {@code Line} per item beside each declaration, so an item-level
 * criterion is a single pattern:
 *
 * <pre>{@code
 * rule "Price-risk goods"
 *   @code("HS-01")
 * when
 *   $l : Line( hsLists.priceRisk(hsCode) != null )
 * then
 *   risk.hit($l.declaration(), 10, "item {item} (HS {hs}) is on the price-risk list", "item", $l.line(), "hs", $l.hsCode());
 * end
 * }</pre>
 *
 * <p>Why a fact of its own rather than {@code $i : Item(...) from $d.items}: Drools evaluates a
 * {@code from} separately for every rule and every declaration, while {@code Line} facts go
 * through the pack's alpha network once, where rules share identical conditions and equality
 * tests on a line's own fields ({@code heading == "8703"}) are hashed. On {@code vn-baseline} the
 * difference was more than half the cost of a one-item declaration (see {@code benchmarks/README.md}).
 * Declaration-level conditions go in the same pattern ({@code Line( claimsPreference,
 * !declaration.hasDocument("CO") )}), which keeps the rule free of joins.
 *
 * <p>The item's fields and helpers are repeated here so that conditions read as they would on an
 * {@code Item} and stay hashable; {@link #item()} is the item itself, for reference lookups that
 * take one. A class rather than a record so that it can derive {@link #unitValue()} and
 * {@link #heading()} once: rules compare them many times per line. Equal when the declaration and
 * the item are. Immutable (the unit value is computed on first use, and the same every time).
 */
// Facts are immutable and rules never modify them, so Drools need not track which properties each
// constraint reads; with that tracking on, it warns about every constraint that consults a global.
@ClassReactive
public final class Line {
  private final Declaration declaration;
  private final Item item;
  /**
   * Derived on first use, then kept: rules compare it several times per line (vn-baseline: up to
   * five), but only for lines that have a reference price, and the division is a tenth of
   * inserting a line. Unsynchronised on purpose: a racing thread computes the same immutable value.
   */
  private BigDecimal unitValue;
  private final String heading;

  public Line(Declaration declaration, Item item) {
    this.declaration = Objects.requireNonNull(declaration, "declaration");
    this.item = Objects.requireNonNull(item, "item");
    this.heading = item.heading();
  }

  /** The declaration the line is on. */
  public Declaration declaration() {
    return declaration;
  }

  /** The goods line. */
  public Item item() {
    return item;
  }

  /** The line number on the declaration, from 1. */
  public int line() {
    return item.line();
  }

  /** The tariff code. */
  public String hsCode() {
    return item.hsCode();
  }

  /** The goods description as declared. */
  public String description() {
    return item.description();
  }

  /** The country of origin, ISO 3166-1 alpha-2. */
  public String origin() {
    return item.origin();
  }

  /** The quantity in {@link #unit()}. */
  public BigDecimal quantity() {
    return item.quantity();
  }

  /** The unit of quantity. */
  public String unit() {
    return item.unit();
  }

  /** The customs value of the line. */
  public Money customsValue() {
    return item.customsValue();
  }

  /** The import duty rate in percent. */
  public BigDecimal dutyRate() {
    return item.dutyRate();
  }

  /** The preferential origin claimed, or {@code null} if none. */
  public Preference preference() {
    return item.preference();
  }

  /** References of the licences and permits the line relies on. */
  public List<String> licences() {
    return item.licences();
  }

  /** See {@link Item#unitValue()}. */
  public BigDecimal unitValue() {
    BigDecimal value = unitValue;
    if (value == null) {
      value = item.unitValue();
      unitValue = value;
    }
    return value;
  }

  /** See {@link Item#chapter()}. */
  public int chapter() {
    return item.chapter();
  }

  /** See {@link Item#heading()}. */
  public String heading() {
    return heading;
  }

  /** See {@link Item#subheading()}. */
  public String subheading() {
    return item.subheading();
  }

  /** See {@link Item#claimsPreference()}. */
  public boolean claimsPreference() {
    return item.claimsPreference();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Line line && declaration.equals(line.declaration) && item.equals(line.item);
  }

  @Override
  public int hashCode() {
    return 31 * declaration.hashCode() + item.hashCode();
  }

  @Override
  public String toString() {
    return "Line[declaration=" + declaration.number() + ", item=" + item + "]";
  }
}
