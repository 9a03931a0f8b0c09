package io.riskgate.rules.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.riskgate.RulePack;
import io.riskgate.reference.HsListEntry;
import io.riskgate.reference.ReferenceData;
import io.riskgate.reference.ReferencePrice;
import io.riskgate.reference.Trader;
import io.riskgate.rules.VnBaseline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the generator draws from: the vn-baseline pack's traders, watchlists, prices and HS lists,
 * read once per process. Immutable after loading.
 */
final class Universe {
  private static final Universe INSTANCE = load();

  final List<Trader> traders;
  /** Cumulative weights of {@link #traders}: big, compliant traders declare more. */
  final double[] traderWeights;
  final Set<String> watchedCompanies;
  final String[] watchedDeclarants;
  final String[] watchedConsignors;
  final String[] watchedBills;
  final ReferenceData data;
  final double[] goodsWeights;

  private Universe(List<Trader> traders, List<String[]> watchlist, ReferenceData data) {
    this.traders = traders;
    double[] weights = new double[traders.size()];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = switch (traders.get(i).complianceLevel()) {
        case 1 -> 8;
        case 2 -> 2;
        case 3 -> 1;
        case 4 -> 0.8;
        default -> 0.6;
      };
    }
    this.traderWeights = Rng.cumulative(weights);
    this.watchedCompanies = Set.copyOf(values(watchlist, "COMPANY"));
    this.watchedDeclarants = values(watchlist, "DECLARANT").toArray(String[]::new);
    this.watchedConsignors = values(watchlist, "CONSIGNOR").toArray(String[]::new);
    this.watchedBills = values(watchlist, "BILL_OF_LADING").toArray(String[]::new);
    this.data = data;
    double[] frequencies = new double[Goods.CATALOGUE.size()];
    for (int i = 0; i < frequencies.length; i++) {
      frequencies[i] = Goods.CATALOGUE.get(i).frequency();
    }
    this.goodsWeights = Rng.cumulative(frequencies);
  }

  static Universe get() {
    return INSTANCE;
  }

  private static Universe load() {
    RulePack pack = VnBaseline.pack();
    JsonMapper json = JsonMapper.builder().addModule(new JavaTimeModule()).build();
    try {
      List<Trader> traders = List.of(json.readValue(pack.text("data/traders.json").orElse("[]"), Trader[].class));
      List<String[]> watchlist = new ArrayList<>();
      CsvMapper csv = new CsvMapper();
      try (var rows = csv.readerFor(JsonNode.class).with(CsvSchema.emptySchema().withHeader())
          .<JsonNode>readValues(pack.text("data/watchlists.csv").orElse("list,value\n"))) {
        while (rows.hasNext()) {
          JsonNode row = rows.next();
          watchlist.add(new String[] {row.get("list").asText(), row.get("value").asText()});
        }
      }
      return new Universe(traders, watchlist, pack.referenceData());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the vn-baseline pack's data", e);
    }
  }

  private static List<String> values(List<String[]> watchlist, String list) {
    List<String> values = new ArrayList<>();
    for (String[] row : watchlist) {
      if (row[0].equals(list)) {
        values.add(row[1]);
      }
    }
    return values;
  }

  /** The reference unit price in USD for goods from an origin: the pack's if comparable. */
  double price(Goods goods, String origin) {
    ReferencePrice price = data.prices().find(goods.hsCode(), origin);
    return price != null && price.comparable(goods.unit(), "USD") ? price.unitValue().doubleValue() : goods.priceUsd();
  }

  /** The price table's maximum for goods from an origin, or 0 if none. */
  double maximum(Goods goods, String origin) {
    ReferencePrice price = data.prices().find(goods.hsCode(), origin);
    return price != null && price.maximum() != null ? price.maximum().doubleValue() : 0;
  }

  HsListEntry licence(Goods goods) {
    return data.hsLists().licenceRequired(goods.hsCode());
  }

  boolean targeted(Goods goods, String origin) {
    return data.hsLists().targeted(goods.hsCode(), origin) != null;
  }

  /**
   * How much more often goods from an origin hide a violation, by the pack's own data: twice for an
   * origin on its country watchlist, and one and a half for a heading and origin its table scores.
   */
  double originRisk(Goods goods, String origin) {
    double risk = data.lists().has("watched-origins", origin) ? 2 : 1;
    return data.tables().has("heading-origin-points", goods.hsCode(), origin) ? risk * 1.5 : risk;
  }
}
