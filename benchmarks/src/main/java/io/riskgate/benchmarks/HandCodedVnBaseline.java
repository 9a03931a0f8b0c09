package io.riskgate.benchmarks;

import io.riskgate.Channel;
import io.riskgate.Evidence;
import io.riskgate.Hit;
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
 * pack's DRL (same condition, same points and minimum channel, the same reason template and
 * evidence, reported as the engine reports them: a {@link Hit} whose reason is filled when read), and the channel is decided as the engine decides it (each code counted once with its hit
 * of largest magnitude, thresholds, minimum channels, seeded random selection).
 * {@code HandCodedVnBaselineTest} proves it gives the engine's channel and criterion codes on 100k
 * generated declarations, so it cannot drift from the DRL unnoticed.
 *
 * <p>Thread-safe: it holds only immutable reference data.
 */
public final class HandCodedVnBaseline {
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
      hits.add(hit("TRD-04", 20, null, "trader {trader} is not in the trader registry (new or unrated)",
          "trader", h.traderTaxId()));
      return;
    }
    if (t.complianceLevel() == 4) {
      hits.add(hit("TRD-01", 25, null, "trader {trader} has compliance level 4 of 5 (high risk)", "trader", t.taxId()));
    }
    if (t.complianceLevel() == 5) {
      hits.add(hit("TRD-02", 40, null, "trader {trader} has compliance level 5 of 5 (highest risk)", "trader", t.taxId()));
    }
    long age = t.ageInDays(at);
    if (age < 180) {
      hits.add(hit("TRD-03", 15, null, "trader {trader} was registered on {registeredOn}, {ageDays} days before this"
          + " declaration (under 180)", "trader", t.taxId(), "registeredOn", t.registeredOn(), "ageDays", age));
    }
    int serious = t.violationsWithin(at, 730, Severity.SERIOUS);
    if (serious > 0) {
      hits.add(hit("TRD-05", 25, null, "trader {trader} has {violations} serious or criminal violation(s) in the last"
          + " 730 days (worst: {worst})", "trader", t.taxId(), "violations", serious,
          "worst", t.worstViolationWithin(at, 730)));
    }
    if (t.hasDebtOverdueMoreThan(90)) {
      hits.add(hit("TRD-06", 30, Channel.YELLOW, "trader {trader} has {debtVnd:#,##0} VND of tax debt overdue by"
          + " {daysOverdue} days (limit 90)", "trader", t.taxId(), "debtVnd", t.overdueTaxDebt(),
          "daysOverdue", t.debtDaysOverdue()));
    }
    if (t.priority()) {
      hits.add(hit("FAC-01", -40, null, "trader {trader} is an authorised economic operator (priority enterprise,"
          + " level {level})", "trader", t.taxId(), "level", t.complianceLevel()));
    }
    if (t.complianceLevel() == 2 && t.violationsWithin(at, 1095) == 0) {
      hits.add(hit("FAC-02", -10, null, "trader {trader} has compliance level 2 and no violation in the last 1095 days",
          "trader", t.taxId()));
    }
  }

  private void header(Declaration d, Header h, Trader t, List<Hit> hits) {
    boolean highRiskGate = HIGH_RISK_GATES.contains(h.borderGate());
    if (t == null && h.transportMode() == TransportMode.ROAD && highRiskGate) {
      hits.add(hit("CMB-04", 20, null, "trader {trader} is not in the registry and the goods cross {gate} by road",
          "trader", h.traderTaxId(), "gate", h.borderGate()));
    }
    if (!d.hasDocument("INVOICE")) {
      hits.add(new Hit("DOC-01", 20, null, "no commercial invoice (INVOICE) is attached", "DOC-01"));
    }
    if (!d.hasDocument("PACKING_LIST") && (h.containers().size() > 0 || d.items().size() > 5)) {
      hits.add(hit("DOC-02", 10, null, "no packing list (PACKING_LIST) for {items} item(s) in {containers} container(s)",
          "items", d.items().size(), "containers", h.containers().size()));
    }
    if (h.transportMode() == TransportMode.SEA && h.billOfLading() == null) {
      hits.add(new Hit("DOC-03", 15, null,
          "sea shipment without a bill of lading number: it cannot be matched with the manifest", "DOC-03"));
    }
    if (highRiskGate) {
      hits.add(hit("RTE-01", 15, null, "border gate {gate} is a high-risk gate", "gate", h.borderGate()));
    }
    if ("G11".equals(h.procedureCode())) {
      hits.add(new Hit("RTE-02", 15, null,
          "procedure G11 (temporary import for re-export): risk of diversion to the home market", "RTE-02"));
    }
    if (h.consignorCountry() != null && !h.consignorCountry().equals(h.consignmentCountry())) {
      hits.add(hit("RTE-03", 10, null, "consignor is in {consignorCountry} but the goods were consigned from {consignedFrom}",
          "consignorCountry", h.consignorCountry(), "consignedFrom", h.consignmentCountry()));
    }
    WatchlistEntry w = watchlists.company(h.traderTaxId());
    if (w != null) {
      hits.add(hit("WL-01", 40, Channel.RED, "trader {trader} is on the company watchlist: {note}",
          "trader", w.value(), "list", "company", "note", w.reason()));
    }
    if (h.declarant() != null && (w = watchlists.declarant(h.declarant())) != null) {
      hits.add(hit("WL-02", 30, null, "declarant {declarant} is on the declarant watchlist: {note}",
          "declarant", w.value(), "list", "declarant", "note", w.reason()));
    }
    if (h.consignor() != null && (w = watchlists.consignor(h.consignor())) != null) {
      hits.add(hit("WL-03", 35, null, "consignor {consignor} is on the consignor watchlist: {note}",
          "consignor", w.value(), "list", "consignor", "note", w.reason()));
    }
    if (h.billOfLading() != null && (w = watchlists.billOfLading(h.billOfLading())) != null) {
      hits.add(hit("WL-04", 0, Channel.RED, "bill of lading {billOfLading} is on the watchlist: {note}",
          "billOfLading", w.value(), "list", "bill-of-lading", "note", w.reason()));
    }
  }

  private void item(Declaration d, Header h, Instant at, Trader t, Item i, List<Hit> hits) {
    String hs = i.hsCode();
    BigDecimal uv = i.unitValue();
    ReferencePrice p = prices.findFor(i);
    if (p != null) {
      if (p.isBelowTolerance(uv) && !p.isBelowBy(uv, 60)) {
        hits.add(hit("VAL-01", 30, null, "item {item} (HS {hs} from {origin}): declared unit value {declared:0.00}"
            + " {currency}/{unit} is {percentBelow}% below reference {reference} (tolerance {tolerance}%)",
            "item", i.line(), "hs", hs, "origin", i.origin(), "declared", uv, "currency", p.currency(),
            "unit", p.unit(), "percentBelow", p.percentBelow(uv), "reference", p.unitValue(),
            "tolerance", p.tolerancePercent()));
      }
      if (p.isBelowBy(uv, 60)) {
        hits.add(hit("VAL-02", 50, null, "item {item} (HS {hs} from {origin}): declared unit value {declared:0.00}"
            + " {currency}/{unit} is {percentBelow}% below reference {reference}",
            "item", i.line(), "hs", hs, "origin", i.origin(), "declared", uv, "currency", p.currency(),
            "unit", p.unit(), "percentBelow", p.percentBelow(uv), "reference", p.unitValue()));
      }
      if (p.isAboveMaximum(uv)) {
        hits.add(hit("VAL-03", 35, null, "item {item} (HS {hs}): declared unit value {declared:0.00} {currency}/{unit}"
            + " is above the reference maximum {maximum}", "item", i.line(), "hs", hs, "declared", uv,
            "currency", p.currency(), "unit", p.unit(), "maximum", p.maximum()));
      }
      if (t != null && t.complianceLevel() >= 3 && i.dutyRate().compareTo(TWENTY) >= 0 && p.isBelowTolerance(uv)) {
        hits.add(hit("CMB-02", 25, null, "trader level {level} declares item {item} (duty {dutyRate}%) {percentBelow}%"
            + " below reference {reference}", "level", t.complianceLevel(), "item", i.line(), "dutyRate", i.dutyRate(),
            "percentBelow", p.percentBelow(uv), "reference", p.unitValue()));
      }
    }
    if ("KGM".equals(i.unit()) && i.quantity().compareTo(h.grossWeightKg()) > 0) {
      hits.add(hit("VAL-04", 20, null, "item {item} declares {quantityKg:#,##0.0} kg, more than the gross weight"
          + " {grossWeightKg:#,##0.0} kg of the whole declaration", "item", i.line(), "quantityKg", i.quantity(),
          "grossWeightKg", h.grossWeightKg()));
    }
    boolean preference = i.claimsPreference();
    boolean consignedElsewhere = !i.origin().equals(h.consignmentCountry());
    HsListEntry priceRisk = hsLists.priceRisk(hs);
    HsListEntry targeted = hsLists.targeted(hs, i.origin());
    HsListEntry targetedWhereConsigned = preference && consignedElsewhere
        ? hsLists.targeted(hs, h.consignmentCountry()) : null;
    if (preference && priceRisk != null && (t == null || t.ageInDays(at) < 365)) {
      hits.add(hit("CMB-01", 35, null, "trader {trader} is under a year old or unknown, and item {item} (HS {hs},"
          + " {priceRisk}) claims preference (form {form})", "trader", h.traderTaxId(), "item", i.line(), "hs", hs,
          "priceRisk", priceRisk.note(), "form", i.preference().form()));
    }
    if (targetedWhereConsigned != null) {
      hits.add(hit("CMB-03", 0, Channel.RED, "item {item} (HS {hs}) was consigned from {consignedFrom}, where it is"
          + " targeted ({targeted}), but declares origin {origin} under preference form {form}", "item", i.line(),
          "hs", hs, "consignedFrom", h.consignmentCountry(), "targeted", targetedWhereConsigned.note(),
          "origin", i.origin(), "form", i.preference().form()));
    }
    if (preference && !d.hasDocument("CO")) {
      hits.add(hit("ORI-01", 25, null, "item {item} claims preference (C/O form {form}) but no certificate of origin"
          + " (CO) is attached", "item", i.line(), "form", i.preference().form()));
    }
    if (preference && consignedElsewhere) {
      hits.add(hit("ORI-02", 25, null, "item {item} claims preferential origin {origin} (form {form}) but was"
          + " consigned from {consignedFrom}", "item", i.line(), "origin", i.origin(), "form", i.preference().form(),
          "consignedFrom", h.consignmentCountry()));
    }
    if (targeted != null) {
      hits.add(hit("ORI-03", 30, null, "item {item} (HS {hs} from {origin}) matches targeted pair"
          + " {prefix}/{targetedOrigin}: {note}", "item", i.line(), "hs", hs, "origin", i.origin(), "list", "targeted",
          "prefix", targeted.prefix(), "targetedOrigin", targeted.origin(), "note", targeted.note()));
    }
    if (preference && !formCovers(i.preference().form(), i.origin())) {
      hits.add(hit("ORI-04", 35, null, "item {item} claims C/O form {form}, which does not cover origin {origin}",
          "item", i.line(), "form", i.preference().form(), "origin", i.origin()));
    }
    if (lists.has("watched-origins", i.origin())) {
      hits.add(hit("ORI-05", 15, null, "item {item} (HS {hs}) is from {origin}, on the {list} list",
          "item", i.line(), "hs", hs, "origin", i.origin(), "list", "watched-origins"));
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
      hits.add(hit("LIC-01", 35, Channel.YELLOW, "item {item} (HS {hs}) needs a {licence} ({note}), none is attached",
          "item", i.line(), "hs", hs, "licence", licence.licenceType(), "note", licence.note()));
    }
    if (i.chapter() == 93 || EXPLOSIVES.contains(i.heading())) {
      hits.add(hit("LIC-02", 0, Channel.RED, "item {item} (HS {hs}) is arms, ammunition or explosives: controlled goods",
          "item", i.line(), "hs", hs));
    }
    if (priceRisk != null) {
      hits.add(hit("HS-01", 10, null, "item {item} (HS {hs}) is on the price-risk list: {note}",
          "item", i.line(), "hs", hs, "list", "price-risk", "note", priceRisk.note()));
    }
    TableRow scored = tables.row("heading-origin-points", hs, i.origin());
    if (scored.found()) {
      hits.add(hit("HS-03", scored.integer("points"), null, "item {item} (HS {hs} from {origin}): {note}",
          "item", i.line(), "hs", hs, "origin", i.origin(), "table", "heading-origin-points",
          "note", scored.text("reason")));
    }
    HsListEntry sensitive = hsLists.sensitive(hs);
    if (sensitive != null) {
      hits.add(hit("HS-02", 15, null, "item {item} (HS {hs}, duty {dutyRate}%) is on the misclassification-prone list:"
          + " {note}", "item", i.line(), "hs", hs, "dutyRate", i.dutyRate(), "list", "sensitive",
          "note", sensitive.note()));
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

  /**
   * A hit as the engine's {@code risk.hit(declaration, points, template, name, value, ...)} reports
   * it: the template checked against the evidence, the reason left to be filled when it is read.
   */
  private static Hit hit(String code, int points, Channel minimum, String template, Object... evidence) {
    return Hit.withEvidence(code, points, minimum, template, Evidence.of(evidence), code, false);
  }

  private Result decide(String number, List<Hit> hits) {
    Map<String, Integer> byCode = new HashMap<>();
    Channel targeted = Channel.GREEN;
    for (Hit hit : hits) {
      byCode.merge(hit.code(), hit.points(), (a, b) -> Math.abs(b) > Math.abs(a) ? b : a);
      targeted = targeted.max(hit.minimumChannel());
    }
    int score = 0;
    for (int points : byCode.values()) {
      score += points;
    }
    Channel channel = targeted.max(manifest.thresholds().channelFor(score)).max(manifest.randomChannel(number));
    return new Result(number, channel, score, hits);
  }

  private static Hit headingOrigin(String code, int points, Channel minimum, Item i) {
    return hit(code, points, minimum, "item {item} (HS {hs} from {origin}) is on the {table} table",
        "item", i.line(), "hs", i.hsCode(), "origin", i.origin(), "table", "heading x origin");
  }
}
