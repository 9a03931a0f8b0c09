package io.riskgate.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceSourcesTest {

  private static Trader trader(String taxId, int level) {
    return new Trader(taxId, level, level == 1, LocalDate.parse("2020-01-01"), List.of(), BigDecimal.ZERO, 0);
  }

  private static ReferencePrice price(String hs, String origin, String value) {
    return new ReferencePrice(hs, origin, "KGM", "USD", new BigDecimal(value), new BigDecimal("30"), null);
  }

  @Test
  void traders_knownAndUnknownTaxIds_returnRecordOrNull() {
    TraderRegistry registry = ReferenceSources.traders(List.of(trader("0101", 3), trader("0102", 1)));
    assertThat(registry.find("0101").complianceLevel()).isEqualTo(3);
    assertThat(registry.find("0999")).isNull();
    assertThat(registry.find(null)).isNull();
  }

  @Test
  void traders_duplicateTaxId_isRejected() {
    assertThatThrownBy(() -> ReferenceSources.traders(List.of(trader("0101", 3), trader("0101", 2))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0101 appears twice");
  }

  @Test
  void trader_helpers_measureAtTheDeclarationsTime() {
    Trader t = new Trader("0101", 4, false, LocalDate.parse("2026-01-01"),
        List.of(new Violation(LocalDate.parse("2025-12-01"), Severity.MINOR),
            new Violation(LocalDate.parse("2024-01-01"), Severity.CRIMINAL)),
        new BigDecimal("5000000"), 120);
    Instant at = Instant.parse("2026-03-01T10:00:00Z");
    assertThat(t.ageInDays(at)).isEqualTo(59);
    assertThat(t.violationsWithin(at, 365)).isEqualTo(1);
    assertThat(t.violationsWithin(at, 3 * 365)).isEqualTo(2);
    assertThat(t.violationsWithin(at, 3 * 365, Severity.SERIOUS)).isEqualTo(1);
    assertThat(t.worstViolationWithin(at, 365)).isEqualTo(Severity.MINOR);
    assertThat(t.worstViolationWithin(at, 3 * 365)).isEqualTo(Severity.CRIMINAL);
    assertThat(t.violationsSince(LocalDate.parse("2025-12-01"))).isEqualTo(1);
    assertThat(t.hasDebtOverdueMoreThan(90)).isTrue();
    assertThat(t.hasDebtOverdueMoreThan(120)).isFalse();
  }

  @Test
  void trader_invalidLevel_isRejectedWithTheRule() {
    assertThatThrownBy(() -> trader("0101", 6))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("complianceLevel must be 1 to 5, was 6");
  }

  @Test
  void prices_preferLongestCodeThenOriginThenAnyOrigin() {
    PriceTable table = ReferenceSources.prices(List.of(
        price("7208", null, "0.60"), price("720851", "CN", "0.50"), price("72085100", null, "0.70")));
    assertThat(table.find("72085100", "CN").unitValue()).isEqualByComparingTo("0.70");
    assertThat(table.find("72085190", "CN").unitValue()).isEqualByComparingTo("0.50");
    assertThat(table.find("72085190", "JP").unitValue()).isEqualByComparingTo("0.60");
    assertThat(table.find("72100000", "CN")).isNull();
    assertThat(table.find(null, "CN")).isNull();
  }

  @Test
  void prices_moreCodesThanTheMemoHasSlots_eachFindsItsOwnPrice() {
    // 20,000 distinct codes share the lookup memo's 4,096 slots, so codes collide on slots; asked
    // twice in different orders, every code must still get its own price, never a neighbour's.
    List<ReferencePrice> prices = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      prices.add(price(String.format("%06d", 100_000 + i), null, Integer.toString(i + 1)));
    }
    PriceTable table = ReferenceSources.prices(prices);
    for (int round = 0; round < 2; round++) {
      for (int k = 0; k < 20_000; k++) {
        int i = round == 0 ? k : (k * 7_919) % 20_000;
        String code = String.format("%06d", 100_000 + i) + "00";
        assertThat(table.find(code, "CN").unitValue()).as(code).isEqualByComparingTo(Integer.toString(i + 1));
      }
    }
  }

  @Test
  void findFor_priceInAnotherUnitOrCurrency_isNotComparable() {
    PriceTable table = ReferenceSources.prices(List.of(price("7208", null, "0.60")));
    io.riskgate.declaration.Item perKg = item("72085100", "KGM", "USD");
    assertThat(table.findFor(perKg).unitValue()).isEqualByComparingTo("0.60");
    assertThat(table.findFor(item("72085100", "PCE", "USD"))).isNull();
    assertThat(table.findFor(item("72085100", "KGM", "EUR"))).isNull();
    assertThat(table.findFor(item("85171300", "KGM", "USD"))).isNull();
  }

  private static io.riskgate.declaration.Item item(String hs, String unit, String currency) {
    return new io.riskgate.declaration.Item(1, hs, "goods", "CN", BigDecimal.TEN, unit,
        io.riskgate.declaration.Money.of("5.00", currency), BigDecimal.ZERO, null, List.of());
  }

  @Test
  void referencePrice_deviation_isPercentOfReference() {
    ReferencePrice p = new ReferencePrice("8517", null, "PCE", "USD", new BigDecimal("8.20"),
        new BigDecimal("30"), new BigDecimal("40"));
    assertThat(p.deviationPercent(new BigDecimal("3.10"))).isCloseTo(-62.2, org.assertj.core.data.Offset.offset(0.1));
    assertThat(p.percentBelow(new BigDecimal("3.10"))).isEqualTo(62);
    assertThat(p.percentBelow(new BigDecimal("9.00"))).isZero();
    assertThat(p.isBelowTolerance(new BigDecimal("5.80"))).isFalse();
    assertThat(p.isBelowTolerance(new BigDecimal("5.70"))).isTrue();
    assertThat(p.isAboveMaximum(new BigDecimal("40.01"))).isTrue();
    assertThat(p.isAboveMaximum(new BigDecimal("40"))).isFalse();
    assertThat(p.comparable("PCE", "USD")).isTrue();
    assertThat(p.comparable("KGM", "USD")).isFalse();
  }

  @Test
  void hsLists_matchMostSpecificPrefix_andTargetedNeedsTheOrigin() {
    HsLists lists = ReferenceSources.hsLists(List.of(
        new HsListEntry(HsList.PRICE_RISK, "87", null, null, "vehicles"),
        new HsListEntry(HsList.PRICE_RISK, "8703", null, null, "cars"),
        new HsListEntry(HsList.TARGETED, "8517", "CN", null, "phones"),
        new HsListEntry(HsList.LICENCE_REQUIRED, "0207", null, "QUARANTINE_CERTIFICATE", "poultry")));
    assertThat(lists.priceRisk("87032390").note()).isEqualTo("cars");
    assertThat(lists.priceRisk("87112090").note()).isEqualTo("vehicles");
    assertThat(lists.priceRisk("72085100")).isNull();
    assertThat(lists.targeted("85171300", "CN")).isNotNull();
    assertThat(lists.targeted("85171300", "KR")).isNull();
    assertThat(lists.licenceRequired("02071400").licenceType()).isEqualTo("QUARANTINE_CERTIFICATE");
    assertThat(lists.sensitive("02071400")).isNull();
  }

  /** Each list answers from its own entries: one list's prefix must not hide another's. */
  @Test
  void hsLists_sharingPrefixes_eachListFindsItsOwnLongestPrefix() {
    HsLists lists = ReferenceSources.hsLists(List.of(
        new HsListEntry(HsList.PRICE_RISK, "870323", null, null, "mid-size cars"),
        new HsListEntry(HsList.SENSITIVE, "8703", null, null, "cars"),
        new HsListEntry(HsList.SENSITIVE, "87", null, null, "vehicles"),
        new HsListEntry(HsList.TARGETED, "8703", "CN", null, "cars from CN"),
        new HsListEntry(HsList.TARGETED, "870323", "KR", null, "mid-size cars from KR"),
        new HsListEntry(HsList.LICENCE_REQUIRED, "8703", null, "TYPE_APPROVAL", "cars")));
    assertThat(lists.priceRisk("87032390").note()).isEqualTo("mid-size cars");
    assertThat(lists.priceRisk("87031000")).isNull();
    assertThat(lists.sensitive("87032390").note()).isEqualTo("cars");
    assertThat(lists.sensitive("87112090").note()).isEqualTo("vehicles");
    assertThat(lists.targeted("87032390", "CN").note()).isEqualTo("cars from CN");
    assertThat(lists.targeted("87032390", "KR").note()).isEqualTo("mid-size cars from KR");
    assertThat(lists.targeted("87031000", "KR")).isNull();
    assertThat(lists.targeted("87032390", null)).isNull();
    assertThat(lists.licenceRequired("87032390").licenceType()).isEqualTo("TYPE_APPROVAL");
    assertThat(lists.find(HsList.SENSITIVE, "87032390", "CN").note()).isEqualTo("cars");
  }

  @Test
  void hsLists_sameListPrefixAndOriginTwice_isRefused_otherListsMayShareIt() {
    assertThatThrownBy(() -> ReferenceSources.hsLists(List.of(
        new HsListEntry(HsList.TARGETED, "8517", "CN", null, "phones"),
        new HsListEntry(HsList.TARGETED, "8517", "CN", null, "phones again"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("TARGETED entry for HS 8517 and origin CN appears twice");
    assertThatThrownBy(() -> ReferenceSources.hsLists(List.of(
        new HsListEntry(HsList.PRICE_RISK, "8517", null, null, "phones"),
        new HsListEntry(HsList.PRICE_RISK, "8517", null, null, "phones again"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("PRICE_RISK entry for HS 8517 appears twice");
    HsLists lists = ReferenceSources.hsLists(List.of(
        new HsListEntry(HsList.TARGETED, "8517", "CN", null, "phones from CN"),
        new HsListEntry(HsList.TARGETED, "8517", "VN", null, "phones from VN"),
        new HsListEntry(HsList.PRICE_RISK, "8517", null, null, "phones")));
    assertThat(lists.targeted("85171300", "VN").note()).isEqualTo("phones from VN");
    assertThat(lists.targeted("85171300", "CN").note()).isEqualTo("phones from CN");
    assertThat(lists.priceRisk("85171300").note()).isEqualTo("phones");
  }

  @Test
  void hsListEntry_licenceTypeOnlyOnLicenceList() {
    assertThatThrownBy(() -> new HsListEntry(HsList.LICENCE_REQUIRED, "0207", null, null, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("licenceType is required on LICENCE_REQUIRED entries");
    assertThatThrownBy(() -> new HsListEntry(HsList.PRICE_RISK, "020", null, null, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("prefix must be 2, 4, 6, 8 or 10 digits");
  }

  @Test
  void watchlists_largeList_findsEveryEntryAndNothingElse() {
    List<WatchlistEntry> entries = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      entries.add(new WatchlistEntry(Watchlist.COMPANY, "01" + String.format("%08d", i), null, null));
    }
    entries.add(new WatchlistEntry(Watchlist.BILL_OF_LADING, "BL-1", "tip-off", null));
    Watchlists lists = ReferenceSources.watchlists(entries);
    assertThat(lists.company("0100054321")).isNotNull();
    assertThat(lists.company("0200054321")).isNull();
    assertThat(lists.billOfLading("BL-1").reason()).isEqualTo("tip-off");
    assertThat(lists.company("BL-1")).isNull();
    assertThat(lists.declarant(null)).isNull();
  }
}
