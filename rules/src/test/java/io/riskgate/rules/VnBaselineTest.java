package io.riskgate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskgate.Assessment;
import io.riskgate.Channel;
import io.riskgate.Hit;
import io.riskgate.RiskEngine;
import io.riskgate.RulePack;
import io.riskgate.declaration.Declaration;
import io.riskgate.declaration.DeclarationType;
import io.riskgate.declaration.Document;
import io.riskgate.declaration.Header;
import io.riskgate.declaration.Item;
import io.riskgate.declaration.Money;
import io.riskgate.declaration.Preference;
import io.riskgate.declaration.TransportMode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** vn-baseline compiles, and a few criteria fire (or stay quiet) on hand-made declarations. */
class VnBaselineTest {
  private static final RiskEngine ENGINE = RiskEngine.builder().pack(VnBaseline.pack()).build();

  /** A clean level-3 trader's sea import of smartphones at the reference price, fully documented. */
  private static final class Builder {
    String trader = "0672487955";
    String billOfLading = "MAEU1234567890";
    String hs = "85171300";
    String origin = "CN";
    String unit = "PCE";
    String quantity = "100";
    String value = "18000.00";
    BigDecimal duty = BigDecimal.ZERO;
    Preference preference;
    final List<Document> documents = new ArrayList<>(List.of(
        new Document("INVOICE", "INV-1", null), new Document("PACKING_LIST", "PL-1", null)));

    Builder trader(String taxId) {
      this.trader = taxId;
      return this;
    }

    Builder goods(String hsCode, String from, String unitCode, String qty, String customsValue) {
      this.hs = hsCode;
      this.origin = from;
      this.unit = unitCode;
      this.quantity = qty;
      this.value = customsValue;
      return this;
    }

    Builder preference(String form) {
      this.preference = new Preference(form, "C/O-1");
      documents.add(new Document("CO", "CO-1", null));
      return this;
    }

    Builder document(String type) {
      documents.add(new Document(type, type + "-1", null));
      return this;
    }

    Builder billOfLading(String number) {
      this.billOfLading = number;
      return this;
    }

    Declaration build() {
      Header header = new Header("105000000001", DeclarationType.IMPORT, "A11", "02CI", "CANG CAT LAI",
          Instant.parse("2026-02-10T03:00:00Z"), trader, null, "Orient Ningbo Trading Ltd", origin, billOfLading,
          TransportMode.SEA, "ONE APUS", null, origin, "CIF", Money.of(value, "USD"), 10,
          new BigDecimal("5000"), List.of("ONEU1234567"));
      Item item = new Item(1, hs, "goods", origin, new BigDecimal(quantity), unit, Money.of(value, "USD"), duty,
          preference, List.of());
      return new Declaration(header, List.of(item), documents);
    }
  }

  private static Assessment assess(Builder builder) {
    return ENGINE.assess(builder.build());
  }

  private static List<String> codes(Assessment assessment) {
    return assessment.hits().stream().map(Hit::code).toList();
  }

  private static String reason(Assessment assessment, String code) {
    return assessment.hits().stream().filter(h -> h.code().equals(code)).findFirst().orElseThrow().reason();
  }

  @Test
  void cleanDeclaration_hitsNothing() {
    Assessment a = assess(new Builder());
    assertThat(a.hits()).isEmpty();
    assertThat(a.score()).isZero();
  }

  @Test
  void unitValueFarBelowReference_hitsValWithTheActualValues() {
    Assessment a = assess(new Builder().goods("85171300", "CN", "PCE", "100", "6000.00"));
    assertThat(codes(a)).containsExactly("VAL-02");
    assertThat(reason(a, "VAL-02")).isEqualTo(
        "item 1 (HS 85171300 from CN): declared unit value 60.00 USD/PCE is 67% below reference 180.00");
  }

  @Test
  void unitValueBelowTolerance_hitsVal01_andWithinTolerance_doesNot() {
    Assessment below = assess(new Builder().goods("85171300", "CN", "PCE", "100", "10000.00"));
    assertThat(codes(below)).containsExactly("VAL-01");
    assertThat(reason(below, "VAL-01")).contains("is 44% below reference 180.00 (tolerance 40%)");
    Assessment within = assess(new Builder().goods("85171300", "CN", "PCE", "100", "11000.00"));
    assertThat(within.hits()).isEmpty();
  }

  @Test
  void originSpecificPrice_winsOverAnyOrigin() {
    // 350 for KR, 180 for any origin: 200 from KR is 43% below its own reference.
    Assessment a = assess(new Builder().goods("85171300", "KR", "PCE", "10", "2000.00"));
    assertThat(reason(a, "VAL-01")).contains("below reference 350.00");
  }

  @Test
  void youngTraderPriceRiskGoodsWithPreference_hitsTheCombination() {
    Assessment a = assess(new Builder().trader("0917581014").goods("87112099", "TH", "PCE", "20", "22000.00")
        .preference("D").document("SAFETY_INSPECTION_CERTIFICATE"));
    assertThat(codes(a)).contains("CMB-01", "TRD-03", "HS-01").doesNotContain("LIC-01");
    assertThat(reason(a, "TRD-03")).isEqualTo(
        "trader 0917581014 was registered on 2025-11-03, 99 days before this declaration (under 180)");
    assertThat(a.channel()).isEqualTo(Channel.YELLOW);
  }

  @Test
  void licensedGoodsWithoutCertificate_isAtLeastYellow() {
    Assessment a = assess(new Builder().goods("02071400", "US", "KGM", "1000", "1600.00"));
    assertThat(codes(a)).containsExactly("LIC-01");
    assertThat(reason(a, "LIC-01")).contains("needs a QUARANTINE_CERTIFICATE");
    assertThat(a.channel()).isIn(Channel.YELLOW, Channel.RED);
  }

  @Test
  void watchlistedBillOfLading_isRed() {
    Assessment a = assess(new Builder().billOfLading("COSU6402117789"));
    assertThat(codes(a)).containsExactly("WL-04");
    assertThat(a.channel()).isEqualTo(Channel.RED);
  }

  @Test
  void levelFiveTrader_scoresAndNamesTheLevel() {
    Assessment a = assess(new Builder().trader("0160773742"));
    assertThat(codes(a)).containsExactly("TRD-02", "TRD-05");
    assertThat(a.score()).isEqualTo(65);
    assertThat(reason(a, "TRD-05")).contains("1 serious or criminal violation(s)").contains("worst: CRIMINAL");
  }

  @Test
  void authorisedEconomicOperator_getsNegativePoints() {
    Assessment a = assess(new Builder().trader("3722710841").goods("85171300", "CN", "PCE", "100", "10000.00"));
    assertThat(codes(a)).containsExactly("FAC-01", "VAL-01");
    assertThat(a.score()).isEqualTo(-10);
  }

  @Test
  void unknownTrader_hitsTrd04() {
    Assessment a = assess(new Builder().trader("0100000000"));
    assertThat(codes(a)).containsExactly("TRD-04");
  }

  @Test
  void falseFormForTheOrigin_hitsOri04() {
    Assessment a = assess(new Builder().goods("84713020", "US", "PCE", "10", "4200.00").preference("E"));
    assertThat(codes(a)).contains("ORI-04");
    assertThat(reason(a, "ORI-04")).isEqualTo("item 1 claims C/O form E, which does not cover origin US");
  }

  @Test
  void pack_loadsFromTheSourceFolderAsRuleAuthorsValidateIt() {
    RulePack fromFolder = RulePack.fromDirectory(Path.of("src/main/resources", VnBaseline.RESOURCE_ROOT));
    assertThat(fromFolder.version().contentHash()).isEqualTo(VnBaseline.pack().version().contentHash());
    RiskEngine engine = RiskEngine.builder().pack(fromFolder).build();
    assertThat(engine.assess(new Builder().trader("0160773742").build()).score()).isEqualTo(65);
  }
}
