package io.riskgate.benchmarks;

import io.riskgate.Channel;
import io.riskgate.PackManifest;
import io.riskgate.declaration.Declaration;
import io.riskgate.declaration.Header;
import io.riskgate.declaration.Item;
import io.riskgate.declaration.TransportMode;
import io.riskgate.reference.HsListEntry;
import io.riskgate.reference.HsLists;
import io.riskgate.reference.Lists;
import io.riskgate.reference.PriceTable;
import io.riskgate.reference.ReferenceData;
import io.riskgate.reference.ReferencePrice;
import io.riskgate.reference.Severity;
import io.riskgate.reference.TableRow;
import io.riskgate.reference.Tables;
import io.riskgate.reference.Trader;
import io.riskgate.reference.TraderRegistry;
import io.riskgate.reference.WatchlistEntry;
import io.riskgate.reference.Watchlists;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The criteria of {@code vn-baseline} written as plain Java over the same reference data: the
 * physical limit a rule engine is measured against. Each criterion below mirrors one rule of the
 * pack's DRL (same condition, same points and minimum channel, the same reason text built the same
 * way), and the channel is decided as the engine decides it (each code counted once with its hit
 * of largest magnitude, thresholds, minimum channels, seeded random selection).
 * {@code HandCodedVnBaselineTest} proves it gives the engine's channel and criterion codes on 100k
 * generated declarations, so it cannot drift from the DRL unnoticed.
 *
 * <p>Thread-safe: it holds only immutable reference data.
 */
public final class HandCodedVnBaseline {
  /** One criterion that hit. */
  public record Hit(String code, int points, Channel minimum, String reason) {}

  /** The outcome of one declaration. */
  public record Result(String number, Channel channel, int score, List<Hit> hits) {
    /** The codes of the criteria that hit, sorted. */
    public TreeSet<String> codes() {
      TreeSet<String> codes = new TreeSet<>();
      for (Hit hit : hits) {
        codes.add(hit.code());
      }
      return codes;
    }
  }

  private static final Set<String> HIGH_RISK_GATES =
      Set.of("CUA KHAU TAN THANH", "CUA KHAU MONG CAI", "CUA KHAU CHI MA");
  private static final Set<String> EXPLOSIVES = Set.of("3601", "3602", "3603", "3604");
  private static final BigDecimal TWENTY = BigDecimal.valueOf(20);

  private final PackManifest manifest;
  private final TraderRegistry traders;
  private final PriceTable prices;
  private final Watchlists watchlists;
  private final HsLists hsLists;
  private final Lists lists;
  private final Tables tables;

  /** A baseline deciding with {@code manifest}'s thresholds and random rates over {@code data}. */
  public HandCodedVnBaseline(PackManifest manifest, ReferenceData data) {
    this.manifest = manifest;
    this.traders = data.traders();
    this.prices = data.prices();
    this.watchlists = data.watchlists();
    this.hsLists = data.hsLists();
    this.lists = data.lists();
    this.tables = data.tables();
  }

  /** Assesses one declaration. */
  public Result assess(Declaration d) {
    List<Hit> hits = new ArrayList<>();
    Header h = d.header();
    Instant at = h.registeredAt();
    Trader t = traders.find(h.traderTaxId());
    trader(d, h, at, t, hits);
    header(d, h, t, hits);
    for (Item i : d.items()) {
      item(d, h, at, t, i, hits);
    }
    return decide(h.number(), hits);
  }

  private static void trader(Declaration d, Header h, Instant at, Trader t, List<Hit> hits) {
    if (t == null) {
      hits.add(new Hit("TRD-04", 20, null, "trader " + h.traderTaxId()
          + " is not in the trader registry (new or unrated)"));
      return;
    }
    if (t.complianceLevel() == 4) {
      hits.add(new Hit("TRD-01", 25, null, "trader " + t.taxId() + " has compliance level 4 of 5 (high risk)"));
    }
    if (t.complianceLevel() == 5) {
      hits.add(new Hit("TRD-02", 40, null, "trader " + t.taxId() + " has compliance level 5 of 5 (highest risk)"));
    }
    long age = t.ageInDays(at);
    if (age < 180) {
      hits.add(new Hit("TRD-03", 15, null, "trader " + t.taxId() + " was registered on " + t.registeredOn()
          + ", " + age + " days before this declaration (under 180)"));
    }
    int serious = t.violationsWithin(at, 730, Severity.SERIOUS);
    if (serious > 0) {
      hits.add(new Hit("TRD-05", 25, null, "trader " + t.taxId() + " has " + serious
          + " serious or criminal violation(s) in the last 730 days (worst: " + t.worstViolationWithin(at, 730) + ")"));
    }
    if (t.hasDebtOverdueMoreThan(90)) {
      hits.add(new Hit("TRD-06", 30, Channel.YELLOW, "trader " + t.taxId() + " has " + grouped(t.overdueTaxDebt(), 0)
          + " VND of tax debt overdue by " + t.debtDaysOverdue() + " days (limit 90)"));
    }
    if (t.priority()) {
      hits.add(new Hit("FAC-01", -40, null, "trader " + t.taxId()
          + " is an authorised economic operator (priority enterprise, level " + t.complianceLevel() + ")"));
    }
    if (t.complianceLevel() == 2 && t.violationsWithin(at, 1095) == 0) {
      hits.add(new Hit("FAC-02", -10, null, "trader " + t.taxId()
          + " has compliance level 2 and no violation in the last 1095 days"));
    }
  }

  private void header(Declaration d, Header h, Trader t, List<Hit> hits) {
    boolean highRiskGate = HIGH_RISK_GATES.contains(h.borderGate());
    if (t == null && h.transportMode() == TransportMode.ROAD && highRiskGate) {
      hits.add(new Hit("CMB-04", 20, null, "trader " + h.traderTaxId()
          + " is not in the registry and the goods cross " + h.borderGate() + " by road"));
    }
    if (!d.hasDocument("INVOICE")) {
      hits.add(new Hit("DOC-01", 20, null, "no commercial invoice (INVOICE) is attached"));
    }
    if (!d.hasDocument("PACKING_LIST") && (h.containers().size() > 0 || d.items().size() > 5)) {
      hits.add(new Hit("DOC-02", 10, null, "no packing list (PACKING_LIST) for " + d.items().size()
          + " item(s) in " + h.containers().size() + " container(s)"));
    }
    if (h.transportMode() == TransportMode.SEA && h.billOfLading() == null) {
      hits.add(new Hit("DOC-03", 15, null,
          "sea shipment without a bill of lading number: it cannot be matched with the manifest"));
    }
    if (highRiskGate) {
      hits.add(new Hit("RTE-01", 15, null, "border gate " + h.borderGate() + " is a high-risk gate"));
    }
    if ("G11".equals(h.procedureCode())) {
      hits.add(new Hit("RTE-02", 15, null,
          "procedure G11 (temporary import for re-export): risk of diversion to the home market"));
    }
    if (h.consignorCountry() != null && !h.consignorCountry().equals(h.consignmentCountry())) {
      hits.add(new Hit("RTE-03", 10, null, "consignor is in " + h.consignorCountry()
          + " but the goods were consigned from " + h.consignmentCountry()));
    }
    WatchlistEntry w = watchlists.company(h.traderTaxId());
    if (w != null) {
      hits.add(new Hit("WL-01", 40, Channel.RED, "trader " + w.value() + " is on the company watchlist: " + w.reason()));
    }
    if (h.declarant() != null && (w = watchlists.declarant(h.declarant())) != null) {
      hits.add(new Hit("WL-02", 30, null, "declarant " + w.value() + " is on the declarant watchlist: " + w.reason()));
    }
    if (h.consignor() != null && (w = watchlists.consignor(h.consignor())) != null) {
      hits.add(new Hit("WL-03", 35, null, "consignor " + w.value() + " is on the consignor watchlist: " + w.reason()));
    }
    if (h.billOfLading() != null && (w = watchlists.billOfLading(h.billOfLading())) != null) {
      hits.add(new Hit("WL-04", 0, Channel.RED, "bill of lading " + w.value() + " is on the watchlist: " + w.reason()));
    }
  }

  private void item(Declaration d, Header h, Instant at, Trader t, Item i, List<Hit> hits) {
    String hs = i.hsCode();
    BigDecimal uv = i.unitValue();
    ReferencePrice p = prices.findFor(i);
    if (p != null) {
      if (p.isBelowTolerance(uv) && !p.isBelowBy(uv, 60)) {
        hits.add(new Hit("VAL-01", 30, null, "item " + i.line() + " (HS " + hs + " from " + i.origin()
            + "): declared unit value " + cents(uv) + " " + p.currency() + "/" + p.unit() + " is " + p.percentBelow(uv)
            + "% below reference " + p.unitValue().toPlainString() + " (tolerance " + p.tolerancePercent().toPlainString()
            + "%)"));
      }
      if (p.isBelowBy(uv, 60)) {
        hits.add(new Hit("VAL-02", 50, null, "item " + i.line() + " (HS " + hs + " from " + i.origin()
            + "): declared unit value " + cents(uv) + " " + p.currency() + "/" + p.unit() + " is " + p.percentBelow(uv)
            + "% below reference " + p.unitValue().toPlainString()));
      }
      if (p.isAboveMaximum(uv)) {
        hits.add(new Hit("VAL-03", 35, null, "item " + i.line() + " (HS " + hs + "): declared unit value " + cents(uv)
            + " " + p.currency() + "/" + p.unit() + " is above the reference maximum " + p.maximum().toPlainString()));
      }
      if (t != null && t.complianceLevel() >= 3 && i.dutyRate().compareTo(TWENTY) >= 0 && p.isBelowTolerance(uv)) {
        hits.add(new Hit("CMB-02", 25, null, "trader level " + t.complianceLevel() + " declares item " + i.line()
            + " (duty " + i.dutyRate().toPlainString() + "%) " + p.percentBelow(uv) + "% below reference "
            + p.unitValue().toPlainString()));
      }
    }
    if ("KGM".equals(i.unit()) && i.quantity().compareTo(h.grossWeightKg()) > 0) {
      hits.add(new Hit("VAL-04", 20, null, "item " + i.line() + " declares " + grouped(i.quantity(), 1)
          + " kg, more than the gross weight " + grouped(h.grossWeightKg(), 1) + " kg of the whole declaration"));
    }
    boolean preference = i.claimsPreference();
    boolean consignedElsewhere = !i.origin().equals(h.consignmentCountry());
    HsListEntry priceRisk = hsLists.priceRisk(hs);
    HsListEntry targeted = hsLists.targeted(hs, i.origin());
    HsListEntry targetedWhereConsigned = preference && consignedElsewhere
        ? hsLists.targeted(hs, h.consignmentCountry()) : null;
    if (preference && priceRisk != null && (t == null || t.ageInDays(at) < 365)) {
      hits.add(new Hit("CMB-01", 35, null, "trader " + h.traderTaxId() + " is under a year old or unknown, and item "
          + i.line() + " (HS " + hs + ", " + priceRisk.note() + ") claims preference (form "
          + i.preference().form() + ")"));
    }
    if (targetedWhereConsigned != null) {
      hits.add(new Hit("CMB-03", 0, Channel.RED, "item " + i.line() + " (HS " + hs + ") was consigned from "
          + h.consignmentCountry() + ", where it is targeted (" + targetedWhereConsigned.note()
          + "), but declares origin " + i.origin() + " under preference form " + i.preference().form()));
    }
    if (preference && !d.hasDocument("CO")) {
      hits.add(new Hit("ORI-01", 25, null, "item " + i.line() + " claims preference (C/O form "
          + i.preference().form() + ") but no certificate of origin (CO) is attached"));
    }
    if (preference && consignedElsewhere) {
      hits.add(new Hit("ORI-02", 25, null, "item " + i.line() + " claims preferential origin " + i.origin()
          + " (form " + i.preference().form() + ") but was consigned from " + h.consignmentCountry()));
    }
    if (targeted != null) {
      hits.add(new Hit("ORI-03", 30, null, "item " + i.line() + " (HS " + hs + " from " + i.origin()
          + ") matches targeted pair " + targeted.prefix() + "/" + targeted.origin() + ": " + targeted.note()));
    }
    if (preference && !formCovers(i.preference().form(), i.origin())) {
      hits.add(new Hit("ORI-04", 35, null, "item " + i.line() + " claims C/O form " + i.preference().form()
          + ", which does not cover origin " + i.origin()));
    }
    if (lists.has("watched-origins", i.origin())) {
      hits.add(new Hit("ORI-05", 15, null, "item " + i.line() + " (HS " + hs + ") is from " + i.origin()
          + ", on the watched-origins list"));
    }
    // rules/heading-origin.xlsx, the pack's decision table: points and minimum channel by heading and origin.
    if ("CN".equals(i.origin())) {
      switch (i.heading()) {
        case "8507" -> hits.add(headingOrigin("HXO-01", 10, Channel.GREEN, i));
        case "6109" -> hits.add(headingOrigin("HXO-02", 20, Channel.YELLOW, i));
        default -> { }
      }
    } else if ("ID".equals(i.origin()) && "9403".equals(i.heading())) {
      hits.add(headingOrigin("HXO-03", 15, Channel.GREEN, i));
    }
    HsListEntry licence = hsLists.licenceRequired(hs);
    if (licence != null && !d.hasDocument(licence.licenceType())) {
      hits.add(new Hit("LIC-01", 35, Channel.YELLOW, "item " + i.line() + " (HS " + hs + ") needs a "
          + licence.licenceType() + " (" + licence.note() + "), none is attached"));
    }
    if (i.chapter() == 93 || EXPLOSIVES.contains(i.heading())) {
      hits.add(new Hit("LIC-02", 0, Channel.RED, "item " + i.line() + " (HS " + hs
          + ") is arms, ammunition or explosives: controlled goods"));
    }
    if (priceRisk != null) {
      hits.add(new Hit("HS-01", 10, null, "item " + i.line() + " (HS " + hs + ") is on the price-risk list: "
          + priceRisk.note()));
    }
    TableRow scored = tables.row("heading-origin-points", hs, i.origin());
    if (scored.found()) {
      hits.add(new Hit("HS-03", scored.integer("points"), null, "item " + i.line() + " (HS " + hs + " from "
          + i.origin() + "): " + scored.text("reason")));
    }
    HsListEntry sensitive = hsLists.sensitive(hs);
    if (sensitive != null) {
      hits.add(new Hit("HS-02", 15, null, "item " + i.line() + " (HS " + hs + ", duty "
          + i.dutyRate().toPlainString() + "%) is on the misclassification-prone list: " + sensitive.note()));
    }
  }

  /** Whether a C/O form can cover goods of this origin at all: the pack's DRL function. */
  static boolean formCovers(String form, String origin) {
    boolean asean = origin.equals("BN") || origin.equals("KH") || origin.equals("ID") || origin.equals("LA")
        || origin.equals("MY") || origin.equals("MM") || origin.equals("PH") || origin.equals("SG")
        || origin.equals("TH") || origin.equals("VN");
    switch (form) {
      case "D": return asean;
      case "E": return asean || origin.equals("CN");
      case "AK": return asean || origin.equals("KR");
      case "VK": return origin.equals("KR");
      case "AJ": return asean || origin.equals("JP");
      case "VJ": return origin.equals("JP");
      case "EUR.1": return origin.equals("AT") || origin.equals("BE") || origin.equals("DE") || origin.equals("ES")
          || origin.equals("FR") || origin.equals("IT") || origin.equals("NL") || origin.equals("PL")
          || origin.equals("SE") || origin.equals("DK") || origin.equals("FI") || origin.equals("IE")
          || origin.equals("PT") || origin.equals("CZ") || origin.equals("HU") || origin.equals("RO");
      default: return false;  // as vn-baseline: an unknown form covers nothing
    }
  }

  /** The pack's DRL function cents(): what "%.2f" printed, whatever the locale. */
  private static String cents(BigDecimal value) {
    return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  /** The pack's DRL function grouped(): what "%,.Nf" printed in an English locale. */
  static String grouped(BigDecimal value, int decimals) {
    String digits = value.abs().setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    int point = digits.indexOf('.');
    int end = point < 0 ? digits.length() : point;
    StringBuilder text = new StringBuilder(digits.length() + 1 + end / 3);
    if (value.signum() < 0) {
      text.append('-');
    }
    for (int i = 0; i < end; i++) {
      if (i > 0 && (end - i) % 3 == 0) {
        text.append(',');
      }
      text.append(digits.charAt(i));
    }
    return text.append(digits, end, digits.length()).toString();
  }

  private Result decide(String number, List<Hit> hits) {
    Map<String, Integer> byCode = new HashMap<>();
    Channel targeted = Channel.GREEN;
    for (Hit hit : hits) {
      byCode.merge(hit.code(), hit.points(), (a, b) -> Math.abs(b) > Math.abs(a) ? b : a);
      targeted = targeted.max(hit.minimum());
    }
    int score = 0;
    for (int points : byCode.values()) {
      score += points;
    }
    Channel channel = targeted.max(manifest.thresholds().channelFor(score)).max(manifest.randomChannel(number));
    return new Result(number, channel, score, hits);
  }

  private static Hit headingOrigin(String code, int points, Channel minimum, Item i) {
    return new Hit(code, points, minimum, "item " + i.line() + " (HS " + i.hsCode() + " from " + i.origin()
        + ") is on the heading x origin table");
  }
}
