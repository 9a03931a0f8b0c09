package io.riskgate.scenario;

import io.riskgate.Assessment;
import io.riskgate.Criterion;
import io.riskgate.RiskEngine;
import io.riskgate.RulePack;
import io.riskgate.RulePackException;
import io.riskgate.RunningAssessment;
import io.riskgate.reference.HsListEntry;
import io.riskgate.reference.HsLists;
import io.riskgate.reference.PriceTable;
import io.riskgate.reference.ReferenceData;
import io.riskgate.reference.ReferencePrice;
import io.riskgate.reference.ReferenceSources;
import io.riskgate.reference.Trader;
import io.riskgate.reference.TraderRegistry;
import io.riskgate.reference.WatchlistEntry;
import io.riskgate.reference.Watchlists;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs a rule pack's scenarios: the JSON files in its {@code scenarios/} folder, each a declaration
 * with the channel and criterion codes the pack must give it.
 *
 * <pre>{@code
 * Scenarios scenarios = Scenarios.of(RulePack.fromDirectory(Path.of("packs/vn-baseline")));
 * for (ScenarioResult result : scenarios.runAll()) {
 *   if (!result.passed()) {
 *     System.out.println(result.report());
 *   }
 * }
 * }</pre>
 *
 * <h2>The scenario file</h2>
 * Every {@code *.json} file directly in {@code scenarios/} is a scenario (sub-folders hold
 * supporting files, such as base declarations):
 * <pre>{@code
 * {
 *   "description": "Young trader, cars from CN under form E: combination fires",
 *   "basedOn": "base/import-cn-road.json",
 *   "patches": [
 *     { "merge": { "header": { "traderTaxId": "0109000001" } } },
 *     { "at": "/items/0", "merge": { "hsCode": "87032390", "preference": { "form": "E" } } }
 *   ],
 *   "referenceData": {
 *     "traders": [ { "taxId": "0109000001", "complianceLevel": 3, "priority": false,
 *                    "registeredOn": "2026-01-05" } ],
 *     "prices": [], "watchlists": [], "hsLists": []
 *   },
 *   "expect": {
 *     "channel": "RED",
 *     "codes": ["CMB-01", "TRD-03"],
 *     "reasons": { "CMB-01": ["form E"] }
 *   }
 * }
 * }</pre>
 * <ul>
 *   <li>{@code description} (required): what the scenario shows.
 *   <li>{@code declaration} (an inline declaration, in the format of
 *       {@link io.riskgate.RiskgateJson}) or {@code basedOn} (the path of a declaration file in the
 *       pack, relative to the scenario's folder): exactly one of the two.
 *   <li>{@code patches} (optional): applied in order to the declaration. Each is a JSON Merge Patch
 *       (RFC 7396) applied at the JSON Pointer (RFC 6901) {@code at}, the whole declaration if
 *       {@code at} is absent. In a merge patch an object merges member by member, {@code null}
 *       removes a member, and any other value, arrays included, replaces what was there. So to
 *       change one item, patch at its pointer ({@code "at": "/items/0"}) rather than giving
 *       {@code "items"} (which would replace every item); {@code "at": "/items/-"} appends the
 *       patch as a new item.
 *   <li>{@code referenceData} (optional): {@code traders}, {@code prices}, {@code watchlists} and
 *       {@code hsLists}, in the fields of the pack's data files, laid over the pack's data for this
 *       scenario only. A trader replaces the pack's trader with the same tax id; a price applies to
 *       every HS code it covers ahead of the pack's prices; watchlist and HS list entries add to
 *       the pack's. See {@link Scenario.ReferenceOverrides}.
 *   <li>{@code expect} (required): {@code channel} (GREEN, YELLOW or RED, random selection
 *       included), {@code codes} (the exact set of criterion codes that must hit, {@code []} for
 *       none) and optionally {@code reasons} (per code, text fragments each of which must appear
 *       in the reason of at least one hit of that code).
 * </ul>
 * Unknown fields are errors, so a misspelt {@code "expcet"} cannot pass unnoticed. Errors name the
 * file, line, column and JSON path ({@link ScenarioException}).
 *
 * <p><b>Cost:</b> compiled packs are cached by content hash, so the engines a run builds (one for
 * the pack's own data, one per distinct set of reference-data overrides) share one compilation.
 *
 * <p><b>Thread safety:</b> an instance is immutable but for its cache of engines, which is
 * thread-safe; scenarios may run from several threads.
 */
public final class Scenarios {
  /** The folder of a pack that holds its scenarios. */
  public static final String FOLDER = "scenarios/";
  /** What follows a criterion's code, in lower case, in the file name of its near miss. */
  public static final String NEAR_MISS = "-near-miss";

  private final RulePack pack;
  private final ReferenceData data;
  private final ScenarioReader reader;
  private final Map<Scenario.ReferenceOverrides, RiskEngine> engines = new ConcurrentHashMap<>();

  private Scenarios(RulePack pack) {
    this.pack = pack;
    this.data = pack.referenceData();
    this.reader = new ScenarioReader(pack, path -> display(pack, path));
    engines.put(Scenario.ReferenceOverrides.NONE, engine(data));
  }

  /**
   * Prepares to run {@code pack}'s scenarios: compiles the pack and loads its reference data.
   *
   * @throws RulePackException if the pack does not compile or its data does not load
   */
  public static Scenarios of(RulePack pack) {
    return new Scenarios(pack);
  }

  /** The pack the scenarios run against. */
  public RulePack pack() {
    return pack;
  }

  /** The paths in the pack of its scenario files, sorted, e.g. {@code scenarios/val-01-fires.json}. */
  public List<String> paths() {
    List<String> paths = new ArrayList<>();
    for (String path : pack.paths()) {
      if (path.startsWith(FOLDER) && path.endsWith(".json") && path.indexOf('/', FOLDER.length()) < 0) {
        paths.add(path);
      }
    }
    return List.copyOf(paths);
  }

  /** The path of a scenario file as messages print it: the pack's folder joined with its path. */
  public String display(String path) {
    return display(pack, path);
  }

  /**
   * Reads one scenario file.
   *
   * @param path the file's path in the pack, as {@link #paths()} lists it
   * @throws ScenarioException naming the file, line, column and JSON path of the mistake
   */
  public Scenario load(String path) {
    return reader.read(path);
  }

  /** Assesses the scenario's declaration and compares the outcome with what it expects. */
  public ScenarioResult run(Scenario scenario) {
    Assessment assessment = engineFor(scenario).assess(scenario.declaration());
    return ScenarioResult.of(scenario, assessment);
  }

  /**
   * Reads and runs one scenario file; a file that cannot be read gives a failed result carrying
   * the located error, rather than an exception.
   */
  public ScenarioResult run(String path) {
    Scenario scenario;
    try {
      scenario = load(path);
    } catch (ScenarioException e) {
      return ScenarioResult.broken(display(path), e);
    }
    return run(scenario);
  }

  /** Runs every scenario of the pack, in the order of {@link #paths()}. */
  public List<ScenarioResult> runAll() {
    List<ScenarioResult> results = new ArrayList<>();
    for (String path : paths()) {
      results.add(run(path));
    }
    return List.copyOf(results);
  }

  /** The pack's criteria, sorted by code: see {@link RiskEngine#criteria()}. */
  public List<Criterion> criteria() {
    return engines.get(Scenario.ReferenceOverrides.NONE).criteria();
  }

  /**
   * The criteria that lack a scenario where they hit (one whose {@code expect.codes} holds the
   * code), a near miss (a scenario named {@code <code in lower case>-near-miss*.json}, in which the
   * code does not hit), or both; in the order of {@link #criteria()}. Scenario files that cannot be
   * read count for nothing.
   */
  public List<CoverageGap> coverageGaps() {
    List<Scenario> loaded = new ArrayList<>();
    for (String path : paths()) {
      try {
        loaded.add(load(path));
      } catch (ScenarioException e) {
        // Not a scenario: running it reports why.
      }
    }
    return coverageGaps(loaded);
  }

  /** {@link #coverageGaps()} over scenarios already loaded. */
  List<CoverageGap> coverageGaps(List<Scenario> scenarios) {
    List<CoverageGap> gaps = new ArrayList<>();
    for (Criterion criterion : criteria()) {
      String code = criterion.code();
      String nearMiss = code.toLowerCase(Locale.ROOT) + NEAR_MISS;
      boolean hits = false;
      boolean missed = false;
      List<String> nearMissesThatHit = new ArrayList<>();
      for (Scenario scenario : scenarios) {
        boolean expected = scenario.expected().codes().contains(code);
        hits |= expected;
        if (scenario.fileName().startsWith(nearMiss)) {
          if (expected) {
            nearMissesThatHit.add(scenario.fileName());
          } else {
            missed = true;
          }
        }
      }
      String want = FOLDER + nearMiss + "*.json, where it does not hit";
      if (!nearMissesThatHit.isEmpty()) {
        gaps.add(new CoverageGap(criterion, "is expected to hit in its near miss "
            + String.join(", ", nearMissesThatHit) + ": a near miss is a scenario where it does not"));
      } else if (!hits && !missed) {
        gaps.add(new CoverageGap(criterion, "has no scenario where it hits and no near miss (" + want + ")"));
      } else if (!hits) {
        gaps.add(new CoverageGap(criterion, "has no scenario where it hits"));
      } else if (!missed) {
        gaps.add(new CoverageGap(criterion, "has no near miss (" + want + ")"));
      }
    }
    return List.copyOf(gaps);
  }

  /** The assessments in progress on this instance's engines: see {@link RiskEngine#running()}. */
  List<RunningAssessment> running() {
    List<RunningAssessment> running = new ArrayList<>();
    for (RiskEngine engine : engines.values()) {
      running.addAll(engine.running());
    }
    return running;
  }

  private RiskEngine engineFor(Scenario scenario) {
    return engines.computeIfAbsent(scenario.referenceData(), overrides -> engine(layer(data, overrides)));
  }

  private RiskEngine engine(ReferenceData referenceData) {
    RiskEngine.Builder builder = RiskEngine.builder().pack(pack);
    referenceData.globals().forEach(builder::global);
    return builder.build();
  }

  /** The pack's data with a scenario's overrides in front: what a scenario names wins. */
  static ReferenceData layer(ReferenceData base, Scenario.ReferenceOverrides overrides) {
    ReferenceData layered = base;
    if (!overrides.traders().isEmpty()) {
      TraderRegistry over = ReferenceSources.traders(overrides.traders());
      TraderRegistry under = base.traders();
      layered = layered.withTraders(taxId -> {
        Trader trader = over.find(taxId);
        return trader != null ? trader : under.find(taxId);
      });
    }
    if (!overrides.prices().isEmpty()) {
      PriceTable over = ReferenceSources.prices(overrides.prices());
      PriceTable under = base.prices();
      layered = layered.withPrices((hsCode, origin) -> {
        ReferencePrice price = over.find(hsCode, origin);
        return price != null ? price : under.find(hsCode, origin);
      });
    }
    if (!overrides.watchlists().isEmpty()) {
      Watchlists over = ReferenceSources.watchlists(overrides.watchlists());
      Watchlists under = base.watchlists();
      layered = layered.withWatchlists((list, value) -> {
        WatchlistEntry entry = over.find(list, value);
        return entry != null ? entry : under.find(list, value);
      });
    }
    if (!overrides.hsLists().isEmpty()) {
      HsLists over = ReferenceSources.hsLists(overrides.hsLists());
      HsLists under = base.hsLists();
      layered = layered.withHsLists((list, hsCode, origin) -> {
        HsListEntry entry = over.find(list, hsCode, origin);
        return entry != null ? entry : under.find(list, hsCode, origin);
      });
    }
    return layered;
  }

  private static String display(RulePack pack, String path) {
    String location = pack.location();
    if (location.startsWith("classpath:")) {
      return location + "/" + path;
    }
    Path folder = Path.of(location);
    return Files.isDirectory(folder) ? folder.resolve(path).toString() : location + "/" + path;
  }
}
