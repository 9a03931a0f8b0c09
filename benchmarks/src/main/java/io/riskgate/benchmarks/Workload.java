package io.riskgate.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.riskgate.RiskEngine;
import io.riskgate.RiskgateJson;
import io.riskgate.RulePack;
import io.riskgate.declaration.Declaration;
import io.riskgate.reference.ReferenceData;
import io.riskgate.reference.ReferencePrice;
import io.riskgate.reference.ReferenceSources;
import io.riskgate.reference.Watchlist;
import io.riskgate.reference.WatchlistEntry;
import io.riskgate.rules.VnBaseline;
import io.riskgate.rules.sample.SampleGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What the benchmarks run on: the {@code vn-baseline} pack, generated packs, declarations from the
 * seeded {@link SampleGenerator}, and reference data padded to a chosen size.
 */
public final class Workload {
  /** The seed of every generated workload, so that runs are comparable. */
  public static final long SEED = 20261123L;
  private static final Watchlist[] LISTS = Watchlist.values();

  private Workload() {}

  /** The {@code vn-baseline} reference pack. */
  public static RulePack vnBaseline() {
    return VnBaseline.pack();
  }

  /**
   * A pack by name: {@code vn-baseline}, or {@code generated-N} (vn-baseline plus generated
   * criteria, N rules in all, written under {@code directory}).
   */
  public static RulePack pack(String name, Path directory) {
    if (name.equals("vn-baseline")) {
      return vnBaseline();
    }
    if (name.startsWith("generated-")) {
      return GeneratedPack.write(vnBaseline(), Integer.parseInt(name.substring("generated-".length())), directory);
    }
    throw new IllegalArgumentException("unknown pack " + name + ": vn-baseline or generated-N");
  }

  /** An engine on {@code pack} with the pack's own reference data. */
  public static RiskEngine engine(RulePack pack) {
    return RiskEngine.builder().pack(pack).build();
  }

  /** An engine on {@code pack} with {@code data} bound in place of the pack's reference data. */
  public static RiskEngine engine(RulePack pack, ReferenceData data) {
    RiskEngine.Builder builder = RiskEngine.builder().pack(pack);
    data.globals().forEach(builder::global);
    return builder.build();
  }

  /**
   * Assesses each declaration one call at a time and sinks every result, so the JIT cannot drop the
   * work: the loop of every benchmark that scores one declaration per call.
   */
  public static void assessEach(List<Declaration> declarations, Function<Declaration, ?> assess, Blackhole sink) {
    for (Declaration declaration : declarations) {
      sink.consume(assess.apply(declaration));
    }
  }

  /**
   * {@code count} generated declarations (seeded); {@code items} items each, or the generator's
   * realistic mix if {@code items} is 0.
   */
  public static List<Declaration> declarations(int count, int items, long seed) {
    SampleGenerator generator = generator(items, seed);
    List<Declaration> declarations = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      declarations.add(generator.next().declaration());
    }
    return declarations;
  }

  /** Writes {@code count} generated declarations as JSON Lines, one declaration per line. */
  public static void writeJsonl(Writer out, int count, int items, long seed) throws IOException {
    SampleGenerator generator = generator(items, seed);
    RiskgateJson json = RiskgateJson.defaults();
    for (int i = 0; i < count; i++) {
      out.write(json.writeDeclaration(generator.next().declaration()));
      out.write('\n');
    }
  }

  private static SampleGenerator generator(int items, long seed) {
    SampleGenerator.Builder builder = SampleGenerator.builder().seed(seed);
    if (items > 0) {
      builder.itemsPerDeclaration(items);
    }
    return builder.build();
  }

  /**
   * The pack's reference data with its watchlists and its price table each padded to
   * {@code entries} entries. The padding never matches a generated declaration (tax ids and bills
   * that are not issued, HS codes of chapter 99), so hits stay those of the pack's data and only
   * the size of the tables changes.
   */
  public static ReferenceData scaledReferenceData(RulePack pack, int entries) {
    ReferenceData data = pack.referenceData();
    List<WatchlistEntry> watchlist = new ArrayList<>(entries);
    for (JsonNode row : csv(pack, "data/watchlists.csv")) {
      watchlist.add(new WatchlistEntry(Watchlist.valueOf(row.get("list").asText()), row.get("value").asText(),
          row.get("reason").asText(), date(row.get("listedOn").asText())));
    }
    for (int n = 0; watchlist.size() < entries; n++) {
      watchlist.add(new WatchlistEntry(LISTS[n % LISTS.length], "PAD-" + n, "padding", null));
    }
    List<ReferencePrice> prices = new ArrayList<>(entries);
    for (JsonNode row : csv(pack, "data/prices.csv")) {
      prices.add(new ReferencePrice(row.get("hsCode").asText(), row.get("origin").asText(), row.get("unit").asText(),
          row.get("currency").asText(), new BigDecimal(row.get("unitValue").asText()),
          decimal(row.get("tolerancePercent").asText()), decimal(row.get("maximum").asText())));
    }
    for (int n = 0; prices.size() < entries; n++) {
      prices.add(new ReferencePrice(String.format("99%06d", n), null, "KGM", "USD", BigDecimal.ONE, BigDecimal.TEN, null));
    }
    return data.withWatchlists(ReferenceSources.watchlists(watchlist)).withPrices(ReferenceSources.prices(prices));
  }

  private static List<JsonNode> csv(RulePack pack, String path) {
    String text = pack.text(path).orElseThrow(() -> new IllegalStateException(pack + " has no " + path));
    try (MappingIterator<JsonNode> rows = new CsvMapper().readerFor(JsonNode.class)
        .with(CsvSchema.emptySchema().withHeader()).readValues(text)) {
      return rows.readAll();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static LocalDate date(String text) {
    return text.isBlank() ? null : LocalDate.parse(text);
  }

  private static BigDecimal decimal(String text) {
    return text.isBlank() ? null : new BigDecimal(text);
  }
}
