package io.riskgate.reference;

/**
 * The lists a pack declares itself ({@code "lists"} in {@code pack.json}), by name. Bound to the
 * DRL global {@code lists}:
 * <pre>{@code
 * global io.riskgate.reference.Lists lists;
 *
 * rule "Goods from a watched origin"
 *   @code("ORI-05")
 * when
 *   $l : Line( $d : declaration, lists.has("watched-origins", origin) )
 * then
 *   risk.hit($d, 10, "item {item} is from {origin}, on the {list} list",
 *       "item", $l.line(), "origin", $l.origin(), "list", "watched-origins");
 * end
 * }</pre>
 *
 * <p>A list of kind {@link ListKind#HS_PREFIX} holds a code when it holds one of the code's
 * prefixes; other kinds hold exactly their values. A list name the pack does not declare is an
 * error when the pack is built, at the rule that names it.
 *
 * <p>The pack's own lists answer with a hash lookup (and a memo for HS prefixes) and allocate
 * nothing. An integrator who keeps a list in its own systems binds the global to its own
 * implementation, asking the pack's lists for the others, usually behind a cache:
 * <pre>{@code
 * Lists fromPack = pack.referenceData().lists();
 * Lists watched = ReferenceSources.cachedLists((list, taxId) -> dao.isWatched(taxId), CacheSettings.defaults());
 * Lists lists = (list, value) -> list.equals("watched-traders") ? watched.has(list, value) : fromPack.has(list, value);
 * RiskEngine engine = RiskEngine.builder().pack(pack).global("lists", lists).build();
 * }</pre>
 *
 * <p>Implementations must be thread-safe and answer a question the same way within a batch.
 */
@FunctionalInterface
public interface Lists {

  /**
   * Whether the list named {@code list} holds {@code value}; false for a {@code null} value.
   *
   * @throws IllegalArgumentException if there is no list of that name (the pack check makes sure
   *     that rules name only declared lists)
   */
  boolean has(String list, String value);
}
