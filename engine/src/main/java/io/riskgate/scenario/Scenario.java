package io.riskgate.scenario;

import io.riskgate.Channel;
import io.riskgate.declaration.Declaration;
import io.riskgate.reference.HsListEntry;
import io.riskgate.reference.ReferencePrice;
import io.riskgate.reference.Trader;
import io.riskgate.reference.WatchlistEntry;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One scenario of a rule pack, as read from a file in the pack's {@code scenarios/} folder: a
 * declaration, the reference data to lay over the pack's own, and what the pack must decide. See
 * {@link Scenarios} for the file format. Immutable and thread-safe.
 *
 * @param file the scenario file: the pack's location plus its path in the pack
 * @param description what the scenario shows, in the author's words
 * @param declaration the declaration to assess, with the file's patches applied
 * @param referenceData reference data laid over the pack's for this scenario only
 * @param expected what the pack must decide
 */
public record Scenario(
    String file,
    String description,
    Declaration declaration,
    ReferenceOverrides referenceData,
    Expectation expected) {

  public Scenario {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(declaration, "declaration");
    referenceData = referenceData == null ? ReferenceOverrides.NONE : referenceData;
    Objects.requireNonNull(expected, "expected");
  }

  /** The file name without its folders, e.g. {@code val-01-fires.json}. */
  public String fileName() {
    return file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  }

  /**
   * What a scenario expects of the pack.
   *
   * @param channel the channel the declaration must get (random selection included)
   * @param codes the exact set of criterion codes that must hit; empty for none
   * @param reasons per code, text fragments that must each appear in the reason of at least one
   *     hit of that code (case-sensitive); codes must be among {@code codes}
   */
  public record Expectation(Channel channel, Set<String> codes, Map<String, List<String>> reasons) {
    public Expectation {
      Objects.requireNonNull(channel, "channel");
      // Sorted, so that messages list codes in a stable order.
      codes = Collections.unmodifiableSortedSet(new TreeSet<>(codes));
      Map<String, List<String>> copy = new TreeMap<>();
      (reasons == null ? Map.<String, List<String>>of() : reasons).forEach((code, fragments) ->
          copy.put(code, List.copyOf(fragments)));
      reasons = Collections.unmodifiableMap(copy);
    }
  }

  /**
   * Reference data laid over the pack's own for one scenario: a trader replaces the pack's trader
   * with the same tax id, a price the pack's price for the same HS code and origin; watchlist and
   * HS list entries are added to the pack's lists.
   *
   * @param traders traders to add or replace
   * @param prices reference prices to add or replace
   * @param watchlists watchlist entries to add
   * @param hsLists HS list entries to add
   */
  public record ReferenceOverrides(
      List<Trader> traders,
      List<ReferencePrice> prices,
      List<WatchlistEntry> watchlists,
      List<HsListEntry> hsLists) {

    /** No overrides: the pack's reference data as shipped. */
    public static final ReferenceOverrides NONE = new ReferenceOverrides(List.of(), List.of(), List.of(), List.of());

    public ReferenceOverrides {
      traders = traders == null ? List.of() : List.copyOf(traders);
      prices = prices == null ? List.of() : List.copyOf(prices);
      watchlists = watchlists == null ? List.of() : List.copyOf(watchlists);
      hsLists = hsLists == null ? List.of() : List.copyOf(hsLists);
    }

    /** Whether there is nothing to lay over the pack's data. */
    public boolean isEmpty() {
      return traders.isEmpty() && prices.isEmpty() && watchlists.isEmpty() && hsLists.isEmpty();
    }
  }
}
