package io.riskgate.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riskgate.Assessment;
import io.riskgate.Channel;
import io.riskgate.Hit;
import io.riskgate.RiskEngine;
import io.riskgate.RulePack;
import io.riskgate.scenario.KitPacks;
import io.riskgate.RulePackException;
import io.riskgate.declaration.Declaration;
import io.riskgate.declaration.DeclarationType;
import io.riskgate.declaration.Document;
import io.riskgate.declaration.Header;
import io.riskgate.declaration.Item;
import io.riskgate.declaration.Money;
import io.riskgate.declaration.TransportMode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceDataTest {
  private static final Path PACK = Path.of("src/test/resources/packs/reference-data");

  static Declaration declaration(String trader, String hs, String quantity, String value, List<Document> docs) {
    Header header = new Header("100000000001", DeclarationType.IMPORT, "A11", "20BC", "CUA KHAU HUU NGHI",
        Instant.parse("2026-03-14T08:15:00Z"), trader, null, "Guangxi Trading Co", "CN", "BL-0001",
        TransportMode.ROAD, null, null, "CN", "CIF", Money.of(value, "USD"), 1, BigDecimal.TEN, List.of());
    Item item = new Item(1, hs, "goods", "CN", new BigDecimal(quantity), "PCE", Money.of(value, "USD"),
        BigDecimal.ZERO, null, List.of());
    return new Declaration(header, List.of(item), docs);
  }

  @Test
  void load_packData_readsEverySource() {
    ReferenceData data = RulePack.fromDirectory(PACK).referenceData();
    assertThat(data.traders().find("0100000001").violations()).hasSize(1);
    assertThat(data.prices().find("85171300", "CN").maximum()).isEqualByComparingTo("400");
    assertThat(data.prices().find("85171200", "VN").unitValue()).isEqualByComparingTo("20.00");
    assertThat(data.prices().find("85171200", "VN").maximum()).isNull();
    assertThat(data.watchlists().billOfLading("BL-0666").listedOn()).isNull();
    assertThat(data.watchlists().company("0109999999").reason()).isEqualTo("smuggling case 2026/14");
    assertThat(data.hsLists().targeted("85171300", "CN")).isNotNull();
    assertThat(data.globals()).containsOnlyKeys("traders", "prices", "watchlists", "hsLists");
  }

  @Test
  void engine_packWithData_bindsItsGlobals() {
    RiskEngine engine = RiskEngine.builder().pack(RulePack.fromDirectory(PACK)).build();
    Assessment risky = engine.assess(declaration("0100000001", "85171300", "10", "100.00", List.of()));
    assertThat(risky.hits()).extracting(Hit::code).containsExactly("R-LEVEL", "R-PRICE");
    assertThat(risky.hits().get(1).reason()).isEqualTo("item 1 is 80% below reference 50.00");
    assertThat(risky.channel()).isEqualTo(Channel.RED);

    Assessment unknown = engine.assess(declaration("0109999999", "02071400", "10", "100.00", List.of()));
    assertThat(unknown.hits()).extracting(Hit::code).containsExactly("R-LICENCE", "R-UNKNOWN", "R-WATCH");

    Assessment clean = engine.assess(declaration("0101234567", "02071400", "10", "100.00",
        List.of(new Document("QUARANTINE_CERTIFICATE", "Q-1", null))));
    assertThat(clean.hits()).isEmpty();
  }

  @Test
  void engine_globalFromBuilder_overridesPackData() {
    TraderRegistry none = ReferenceSources.noTraders();
    RiskEngine engine = RiskEngine.builder().pack(RulePack.fromDirectory(PACK)).global("traders", none).build();
    Assessment a = engine.assess(declaration("0100000001", "02071400", "10", "100.00",
        List.of(new Document("QUARANTINE_CERTIFICATE", "Q-1", null))));
    assertThat(a.hits()).extracting(Hit::code).containsExactly("R-UNKNOWN");
  }

  @Test
  void withWatchlists_replacesOnlyThatSource() {
    ReferenceData data = RulePack.fromDirectory(PACK).referenceData();
    ReferenceData layered = data.withWatchlists(ReferenceSources.watchlists(List.of(
        new WatchlistEntry(Watchlist.DECLARANT, "DL-9", null, null))));
    assertThat(layered.watchlists().declarant("DL-9")).isNotNull();
    assertThat(layered.watchlists().company("0109999999")).isNull();
    assertThat(layered.traders()).isSameAs(data.traders());
    assertThat(layered.globals().get("watchlists")).isSameAs(layered.watchlists());
  }

  @Test
  void load_packWithoutData_givesNoSourceToBind() {
    ReferenceData data = RulePack.fromDirectory(Path.of("src/test/resources/packs/basic")).referenceData();
    assertThat(data.traders().find("0101234567")).isNull();
    assertThat(data.globals()).isEmpty();
    assertThat(data.withPrices(ReferenceSources.noPrices()).globals()).containsOnlyKeys("prices");
  }

  /** The reference-data pack without its data/prices.csv, and with {@code manifestExtra} in pack.json. */
  private static RulePack withoutPrices(Path dir, String manifestExtra) throws IOException {
    KitPacks.copyTree(PACK, dir);
    Files.delete(dir.resolve("data/prices.csv"));
    Files.writeString(dir.resolve("pack.json"), Files.readString(dir.resolve("pack.json"))
        .replace("\"seed\": 7", "\"seed\": 7" + manifestExtra));
    return RulePack.fromDirectory(dir);
  }

  @Test
  void engine_globalWhoseDataFileIsMissing_isRefusedAtTheGlobal_withTheWaysOut(@TempDir Path dir) throws IOException {
    RulePack pack = withoutPrices(dir, "");
    assertThat(pack.referenceData().globals()).doesNotContainKey("prices").containsKey("traders");
    assertThatThrownBy(() -> RiskEngine.builder().pack(pack).build())
        .isInstanceOf(RulePackException.class)
        .hasMessageContaining("rules/reference.drl:13:1: global 'prices' has no data: the pack has no"
            + " data/prices.csv (or .json); add the file, or, if the pack has no prices, list \"prices\" in"
            + " \"emptyData\" in pack.json (an integrator may instead bind the global with RiskEngine.Builder.global)");
  }

  @Test
  void engine_missingDataFileDeclaredEmpty_bindsAnEmptySource(@TempDir Path dir) throws IOException {
    RulePack pack = withoutPrices(dir, ",\n  \"emptyData\": [\"prices\"]");
    RiskEngine engine = RiskEngine.builder().pack(pack).build();
    // 80% below the packed reference price, R-PRICE with the file; no price, no hit without it.
    Assessment a = engine.assess(declaration("0100000001", "85171300", "10", "100.00", List.of()));
    assertThat(a.hits()).extracting(Hit::code).containsExactly("R-LEVEL");
  }

  @Test
  void engine_missingDataFileBoundByTheIntegrator_isServedByTheBinding(@TempDir Path dir) throws IOException {
    RulePack pack = withoutPrices(dir, "");
    PriceTable table = ReferenceSources.prices(List.of(new ReferencePrice("8517", null, "PCE", "USD",
        new BigDecimal("50.00"), new BigDecimal("30"), null)));
    RiskEngine engine = RiskEngine.builder().pack(pack).global("prices", table).build();
    Assessment a = engine.assess(declaration("0100000001", "85171300", "10", "100.00", List.of()));
    assertThat(a.hits()).extracting(Hit::code).containsExactly("R-LEVEL", "R-PRICE");
  }

  private static Path packWith(Path dir, String file, String content) throws IOException {
    Files.createDirectories(dir.resolve("rules"));
    Files.createDirectories(dir.resolve("data"));
    Files.copy(PACK.resolve("pack.json"), dir.resolve("pack.json"));
    Files.copy(PACK.resolve("rules/reference.drl"), dir.resolve("rules/reference.drl"));
    Files.writeString(dir.resolve(file), content);
    return dir;
  }

  /** docs/rule-authoring.md, "Where the helpers draw the line": a space in a CSV cell is part of the value. */
  @Test
  void load_csvCellWithASpaceAfterTheValue_keepsTheSpace_soTheValueAsDeclaredDoesNotMatch(@TempDir Path dir)
      throws IOException {
    packWith(dir, "data/watchlists.csv", """
        list,value,reason,listedOn
        CONSIGNOR,Golden Bridge Export Co ,invoices found falsified,2025-08-14
        """);
    Watchlists lists = RulePack.fromDirectory(dir).referenceData().watchlists();
    assertThat(lists.consignor("Golden Bridge Export Co")).isNull();
    assertThat(lists.consignor("Golden Bridge Export Co ")).isNotNull();
  }

  @Test
  void load_badCsvRows_reportsEveryRowWithFileAndLine(@TempDir Path dir) throws IOException {
    packWith(dir, "data/prices.csv", """
        hsCode,origin,unit,currency,unitValue,tolerancePercent,maximum
        8517,,PCE,USD,20.00,30,
        851,,PCE,USD,20.00,30,
        8518,,PCE,USD,abc,30,
        8517,,PCE,USD,21.00,30,
        """);
    RulePack pack = RulePack.fromDirectory(dir);
    assertThatThrownBy(() -> pack.referenceData())
        .isInstanceOf(RulePackException.class)
        .satisfies(e -> assertThat(((RulePackException) e).problems()).extracting(Object::toString)
            .containsExactly(
                "data/prices.csv:3:1: hsCode must be 2, 4, 6, 8 or 10 digits",
                "data/prices.csv:4:15: field 'unitValue': Cannot deserialize value of type `java.math.BigDecimal` from String \"abc\": not a valid representation",
                "data/prices.csv:5:1: reference price for HS 8517 and origin (any) appears twice (first on line 2)"));
  }

  @Test
  void load_badTraderJson_isLocatedAtTheObject(@TempDir Path dir) throws IOException {
    packWith(dir, "data/traders.json", """
        [
          {"taxId": "0101", "complianceLevel": 3, "registeredOn": "2020-01-01"},
          {"taxId": "0102", "complianceLevel": 9, "registeredOn": "2020-01-01"}
        ]
        """);
    assertThatThrownBy(() -> RulePack.fromDirectory(dir).referenceData())
        .isInstanceOf(RulePackException.class)
        .hasMessageContaining("data/traders.json:3:3: complianceLevel must be 1 to 5, was 9");
  }

  @Test
  void load_unknownDataFile_isAnError(@TempDir Path dir) throws IOException {
    packWith(dir, "data/trader.json", "[]");
    assertThatThrownBy(() -> RiskEngine.builder().pack(RulePack.fromDirectory(dir)).build())
        .isInstanceOf(RulePackException.class)
        .hasMessageContaining("data/trader.json:0:0: unknown reference data file");
  }

  @Test
  void load_malformedJson_isLocated(@TempDir Path dir) throws IOException {
    packWith(dir, "data/watchlists.json", "[\n {\"list\": \"COMPANY\", \"value\": \"01\"},\n {\"list\": }\n]");
    assertThatThrownBy(() -> RulePack.fromDirectory(dir).referenceData())
        .isInstanceOf(RulePackException.class)
        .hasMessageContaining("data/watchlists.json:3:");
  }
}
