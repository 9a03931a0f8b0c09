package io.riskgate.rules.sample;

import io.riskgate.declaration.Declaration;
import io.riskgate.declaration.DeclarationType;
import io.riskgate.declaration.Document;
import io.riskgate.declaration.Header;
import io.riskgate.declaration.Item;
import io.riskgate.declaration.Money;
import io.riskgate.declaration.Preference;
import io.riskgate.declaration.TransportMode;
import io.riskgate.reference.HsListEntry;
import io.riskgate.reference.Trader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Synthetic import declarations with realistic variety and a known outcome, for batch runs,
 * benchmarks and measuring how well criteria find violations.
 *
 * <pre>{@code
 * SampleGenerator generator = new SampleGenerator(42);
 * GeneratedDeclaration next = generator.next();
 * engine.assess(next.declaration());
 * next.outcome().violation();   // the ground truth
 *
 * // fixed item count, for benchmarks
 * SampleGenerator tens = SampleGenerator.builder().seed(42).itemsPerDeclaration(10).build();
 * }</pre>
 *
 * <p>What it draws: traders of every compliance level from the {@code vn-baseline} pack's trader
 * registry (big compliant traders declare more often) plus unknown traders; about forty goods across
 * HS chapters 02-95 with their origins; unit values around the pack's reference prices and, for a
 * few, far below or above; preference claims with the matching C/O form; routes by sea, road and air
 * through Vietnam's main ports and land border gates; attached documents, sometimes missing; and
 * watchlisted parties and bills of lading at low rates.
 *
 * <p>The hidden truth ({@link Outcome#violation()}, about 2% overall) is drawn from the same risk
 * factors the criteria look at (trader level and age, undervaluation, transshipment, missing
 * licences, watchlists, and the pack's own country watchlist and heading-by-origin table), so criteria find violations measurably better than random selection, yet
 * no criterion is a perfect predictor.
 *
 * <p>Reproducible: the same seed (and settings) gives the same declarations, on any JDK.
 * Declaration numbers have twelve digits like VNACCS' (an import's start with {@code 10}) and are
 * unique within one generator's output. Every declaration is an import registered a few seconds
 * after the previous one, from 5 January 2026.
 *
 * <p><b>Not thread-safe:</b> a generator is a sequence. Use one per thread (with distinct seeds if
 * their outputs are combined: numbers are unique per generator, not across seeds).
 */
public final class SampleGenerator {
  private static final Instant START = Instant.parse("2026-01-05T01:00:00Z");
  private static final String[] ASEAN = {"BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH"};
  private static final Set<String> EU = Set.of("AT", "BE", "DE", "ES", "FR", "IT", "NL", "PL", "SE", "DK",
      "FI", "IE", "PT", "CZ", "HU", "RO");
  private static final String[] CN_ROAD_GATES = {"CUA KHAU HUU NGHI", "CUA KHAU HUU NGHI", "CUA KHAU TAN THANH",
      "CUA KHAU MONG CAI", "CUA KHAU LAO CAI", "CUA KHAU LAO CAI", "CUA KHAU CHI MA"};
  private static final String[] SOUTH_ROAD_GATES = {"CUA KHAU MOC BAI", "CUA KHAU CAU TREO", "CUA KHAU LAO BAO"};
  private static final String[] SEA_PORTS = {"CANG CAT LAI", "CANG CAT LAI", "CANG HAI PHONG", "CANG HAI PHONG",
      "CANG CAI MEP", "CANG DA NANG"};
  private static final String[] AIRPORTS = {"SAN BAY NOI BAI", "SAN BAY TAN SON NHAT"};
  private static final String[] CARRIERS = {"MAEU", "MSCU", "COSU", "ONEY", "HLCU", "EGLV", "CMDU", "YMLU"};
  private static final String[] VESSELS = {"MAERSK SEMBAWANG", "MSC ANNA", "COSCO HOPE", "ONE APUS", "WAN HAI 172",
      "EVER GIVEN", "CMA CGM TAGE", "YM WELLNESS"};
  private static final String[] INCOTERMS = {"CIF", "CIF", "CIF", "CIF", "FOB", "FOB", "FOB", "EXW", "DAP", "CFR"};
  private static final String[] CITY = {"Shenzhen", "Guangzhou", "Ningbo", "Xiamen", "Busan", "Osaka", "Bangkok",
      "Penang", "Jakarta", "Chennai", "Hamburg", "Lyon", "Milan", "Santiago", "Houston", "Sydney"};
  private static final String[] WORD = {"Golden", "Orient", "Pacific", "Star", "Great Wall", "Harmony", "Sun",
      "Evergreen", "Unity", "Prime", "Silver", "Dragon", "Lotus", "Bright", "Royal"};
  private static final String[] SUFFIX = {"Trading Ltd", "Industrial Co", "Export Co", "Manufacturing Ltd",
      "International Corp", "Supply Co"};
  private static final String[] PROCEDURES = {"A11", "A11", "A11", "A11", "A11", "A11", "A11", "A11", "A11", "A11",
      "A11", "A11", "A11", "A11", "A12", "A12", "A41", "E21", "E21", "E31", "E31", "G11"};

  private final Rng rng;
  private final int itemsPerDeclaration;
  private final long numberBase;
  private final Universe universe = Universe.get();
  private long count;
  private Instant clock = START;

  /** A generator with the given seed and a realistic mix of item counts (1 to 30 per declaration). */
  public SampleGenerator(long seed) {
    this(builder().seed(seed));
  }

  private SampleGenerator(Builder builder) {
    this.rng = new Rng(builder.seed);
    this.itemsPerDeclaration = builder.itemsPerDeclaration;
    // Numbers run on from a seed-dependent start; 5e9 of them before the 10 digits wrap.
    this.numberBase = Math.floorMod(new Rng(builder.seed ^ 0x5DEECE66DL).nextLong(), 5_000_000_000L);
  }

  /** A builder: seed 1, a realistic mix of item counts. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds generators; setters validate at once. */
  public static final class Builder {
    private long seed = 1;
    private int itemsPerDeclaration;

    private Builder() {}

    /** The seed: same seed, same declarations (default 1). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Gives every declaration exactly {@code items} items (1 to 1,000), e.g. for benchmarks; by
     * default the count varies as in real traffic (about half have one item, a few have 30).
     */
    public Builder itemsPerDeclaration(int items) {
      if (items < 1 || items > 1_000) {
        throw new IllegalArgumentException("itemsPerDeclaration must be between 1 and 1,000, was " + items);
      }
      this.itemsPerDeclaration = items;
      return this;
    }

    public SampleGenerator build() {
      return new SampleGenerator(this);
    }
  }

  /** The next declaration and its outcome. */
  public GeneratedDeclaration next() {
    count++;
    clock = clock.plusSeconds(1 + rng.nextInt(6));
    String number = "10" + String.format("%010d", numberBase + count);

    // Who declares, and how they behave: riskier traders cheat more often.
    Trader trader = null;
    String taxId;
    boolean watchedCompany;
    if (rng.chance(0.0005)) {
      taxId = "0109990001";  // a deregistered company on the watchlist, still declaring
    } else if (rng.chance(0.06)) {
      taxId = String.format("%02d%08d", 10 + rng.nextInt(80), rng.nextInt(100_000_000));
    } else {
      trader = universe.traders.get(rng.weighted(universe.traderWeights));
      taxId = trader.taxId();
    }
    watchedCompany = universe.watchedCompanies.contains(taxId);
    boolean young = trader != null && trader.ageInDays(clock) < 365;
    double propensity = trader == null ? 3.0 : switch (trader.complianceLevel()) {
      case 1 -> 0.15;
      case 2 -> 0.5;
      case 3 -> 1.0;
      case 4 -> 2.5;
      default -> 4.0;
    };
    if (young) {
      propensity *= 2;
    }
    if (watchedCompany) {
      propensity *= 3;
    }
    boolean cheats = rng.chance(Math.min(0.9, 0.02 * propensity));
    // How a cheating declaration cheats; an honest one still shows some noise.
    Scheme scheme = cheats ? Scheme.draw(rng) : Scheme.NONE;

    double risk = 0.004 * propensity;

    // Goods and route.
    int itemCount = itemsPerDeclaration > 0 ? itemsPerDeclaration : itemCount();
    Goods primary = goods();
    String origin = rng.pick(primary.origins());
    String consignment = origin;
    boolean transshipped = false;
    if (scheme == Scheme.FALSE_ORIGIN || rng.chance(0.03)) {
      // Goods routed through a partner country: CN goods declared from an ASEAN neighbour, or the reverse.
      transshipped = true;
      consignment = origin.equals("CN") ? rng.pick(new String[] {"MY", "TH", "SG", "KR"}) : "CN";
      if (scheme == Scheme.FALSE_ORIGIN && origin.equals("CN")) {
        // The fraud: claim the transit country's origin to borrow its preference.
        origin = consignment;
        consignment = "CN";
      }
    }
    TransportMode mode;
    String gate;
    double modeDraw = rng.nextDouble();
    if (consignment.equals("CN")) {
      mode = modeDraw < 0.55 ? TransportMode.ROAD : modeDraw < 0.9 ? TransportMode.SEA : TransportMode.AIR;
      gate = mode == TransportMode.ROAD ? rng.pick(CN_ROAD_GATES) : mode == TransportMode.SEA ? rng.pick(SEA_PORTS)
          : rng.pick(AIRPORTS);
    } else if (consignment.equals("LA") || consignment.equals("KH") || consignment.equals("TH")) {
      mode = modeDraw < 0.4 ? TransportMode.ROAD : modeDraw < 0.9 ? TransportMode.SEA : TransportMode.AIR;
      gate = mode == TransportMode.ROAD ? rng.pick(SOUTH_ROAD_GATES) : mode == TransportMode.SEA
          ? rng.pick(SEA_PORTS) : rng.pick(AIRPORTS);
    } else {
      mode = modeDraw < 0.8 ? TransportMode.SEA : TransportMode.AIR;
      gate = mode == TransportMode.SEA ? rng.pick(SEA_PORTS) : rng.pick(AIRPORTS);
    }

    // Items.
    List<Item> items = new ArrayList<>(itemCount);
    Set<String> licencesNeeded = new LinkedHashSet<>();
    boolean anyPreference = false;
    boolean anyTargeted = false;
    double originRisk = 1;
    double grossKg = 0;
    boolean weightAnomaly = scheme == Scheme.QUANTITY && rng.chance(0.5);
    BigDecimal largestKgLine = BigDecimal.ZERO;
    for (int line = 1; line <= itemCount; line++) {
      Goods goods = line == 1 ? primary : rng.chance(0.6) ? primary : goods();
      String itemOrigin = line == 1 || goods == primary ? origin : rng.pick(goods.origins());
      if (rng.chance(0.00025)) {
        goods = Goods.AIR_RIFLES;
        itemOrigin = rng.pick(goods.origins());
      }
      // The pack's own country watchlist and heading-by-origin scores: what analysts flag is where
      // violations hide more often (drawing nothing, so the declarations stay those of the seed).
      originRisk = Math.max(originRisk, universe.originRisk(goods, itemOrigin));
      double reference = universe.price(goods, itemOrigin);
      double ratio = switch (scheme) {
        case UNDERVALUE -> rng.between(0.35, 0.75);
        case FAR_UNDERVALUE -> rng.between(0.12, 0.4);
        case OVERVALUE -> Math.max(1.05, universe.maximum(goods, itemOrigin) / reference) * rng.between(1.05, 2.0);
        default -> Math.exp(0.14 * rng.gaussian());
      };
      if (scheme != Scheme.NONE && line > 1 && rng.chance(0.5)) {
        ratio = Math.exp(0.12 * rng.gaussian());  // not every line of a cheating declaration is false
      }
      double quantity = Math.max(1, Math.round(goods.typicalQuantity() * Math.exp(0.8 * rng.gaussian())));
      BigDecimal value = BigDecimal.valueOf(quantity * reference * ratio).setScale(2, RoundingMode.HALF_UP);
      if (value.signum() == 0) {
        value = new BigDecimal("0.01");
      }
      Preference preference = null;
      BigDecimal duty = goods.duty();
      String form = formFor(itemOrigin);
      // Honest traders rarely claim preference on goods consigned from another country: the
      // direct-consignment rule of the FTAs makes the claim hard to support.
      double claimRate = scheme == Scheme.FALSE_ORIGIN ? 0.95 : itemOrigin.equals(consignment) ? 0.55 : 0.04;
      if (form != null && goods.dutyPercent() > 0 && rng.chance(claimRate)) {
        if (scheme == Scheme.FALSE_ORIGIN && rng.chance(0.15)) {
          form = rng.pick(new String[] {"E", "D", "AK"});  // a form that may not cover the origin at all
        }
        preference = new Preference(form, "C/O-" + form + "-" + (100000 + rng.nextInt(900000)));
        duty = goods.duty().multiply(new BigDecimal("0.2")).setScale(1, RoundingMode.HALF_UP);
        anyPreference = true;
      }
      anyTargeted |= universe.targeted(goods, itemOrigin);
      HsListEntry licence = universe.licence(goods);
      List<String> licences = List.of();
      if (licence != null) {
        licencesNeeded.add(licence.licenceType());
        licences = List.of(licence.licenceType().substring(0, 3) + "-" + (10000 + rng.nextInt(90000)));
      }
      BigDecimal qty = BigDecimal.valueOf((long) quantity);
      items.add(new Item(line, goods.hsCode(), goods.description(), itemOrigin, qty, goods.unit(),
          new Money(value, java.util.Currency.getInstance("USD")), duty, preference, licences));
      grossKg += quantity * goods.kgPerUnit() * rng.between(1.03, 1.15);
      if (goods.unit().equals("KGM") && qty.compareTo(largestKgLine) > 0) {
        largestKgLine = qty;
      }
    }
    BigDecimal gross = BigDecimal.valueOf(grossKg).setScale(1, RoundingMode.HALF_UP);
    if (weightAnomaly && largestKgLine.signum() > 0) {
      gross = largestKgLine.multiply(BigDecimal.valueOf(rng.between(0.5, 0.8))).setScale(1, RoundingMode.HALF_UP);
    }

    // Parties.
    String declarant = rng.chance(0.7) ? String.format("DL%05d", rng.nextInt(400)) : null;
    if (cheats && rng.chance(0.04)) {
      declarant = rng.pick(universe.watchedDeclarants);
    }
    String consignor = consignorName(consignment);
    if (rng.chance(cheats ? 0.05 : 0.001)) {
      consignor = rng.pick(universe.watchedConsignors);
    }
    String consignorCountry = rng.chance(0.05) ? (consignment.equals("HK") ? "SG" : "HK") : consignment;
    String bill = switch (mode) {
      case SEA -> rng.chance(0.985) ? rng.pick(CARRIERS) + (1_000_000_000L + rng.nextInt(1_000_000_000)) : null;
      case AIR -> String.format("%03d-%08d", 100 + rng.nextInt(900), rng.nextInt(100_000_000));
      default -> null;
    };
    boolean watchedBill = false;
    if (mode == TransportMode.SEA && rng.chance(cheats ? 0.01 : 0.0003)) {
      bill = rng.pick(universe.watchedBills);
      watchedBill = true;
    }
    String vehicle = switch (mode) {
      case SEA -> rng.pick(VESSELS);
      case AIR -> "VN" + String.format("%04d", rng.nextInt(10000));
      default -> String.format("%02dC-%05d", 11 + rng.nextInt(88), rng.nextInt(100000));
    };
    List<String> containers = new ArrayList<>();
    if (mode == TransportMode.SEA) {
      int boxes = (int) Math.min(40, Math.max(1, Math.ceil(grossKg / 22000)));
      for (int i = 0; i < boxes; i++) {
        containers.add(rng.pick(CARRIERS).substring(0, 3) + "U" + (1_000_000 + rng.nextInt(9_000_000)));
      }
    }
    BigDecimal invoiceTotal = BigDecimal.ZERO;
    for (Item item : items) {
      invoiceTotal = invoiceTotal.add(item.customsValue().amount());
    }

    // Documents: cheats omit them more often.
    LocalDate day = LocalDate.ofInstant(clock, ZoneOffset.UTC);
    List<Document> documents = new ArrayList<>();
    boolean invoiceMissing = !rng.chance(cheats ? 0.94 : 0.985);
    if (!invoiceMissing) {
      documents.add(new Document("INVOICE", "INV-" + (100000 + rng.nextInt(900000)), day.minusDays(3 + rng.nextInt(40))));
    }
    if (rng.chance(0.93)) {
      documents.add(new Document("PACKING_LIST", "PL-" + (100000 + rng.nextInt(900000)), day.minusDays(3 + rng.nextInt(40))));
    }
    boolean coMissing = anyPreference && !rng.chance(scheme == Scheme.FALSE_ORIGIN ? 0.8 : 0.96);
    if (anyPreference && !coMissing) {
      documents.add(new Document("CO", "CO-" + (100000 + rng.nextInt(900000)), day.minusDays(5 + rng.nextInt(40))));
    }
    boolean licenceMissing = false;
    for (String type : licencesNeeded) {
      if (rng.chance(scheme == Scheme.UNLICENSED ? 0.15 : 0.95)) {
        documents.add(new Document(type, type.substring(0, 3) + "-" + (10000 + rng.nextInt(90000)), day.minusDays(rng.nextInt(60))));
      } else {
        licenceMissing = true;
      }
    }

    String procedure = rng.pick(PROCEDURES);
    Header header = new Header(number, DeclarationType.IMPORT, procedure, officeFor(gate), gate, clock, taxId,
        declarant, consignor, consignorCountry, bill, mode, vehicle, null, consignment, rng.pick(INCOTERMS),
        new Money(invoiceTotal, java.util.Currency.getInstance("USD")), Math.max(1, (int) (grossKg / 25)), gross,
        containers);
    Declaration declaration = new Declaration(header, items, documents);

    // The hidden truth: cheating declarations mostly hide a violation; the rest rarely do, more
    // often when the trader, the parties or the documents look risky.
    if (watchedCompany) {
      risk *= 4;
    }
    if (declarant != null && contains(universe.watchedDeclarants, declarant)) {
      risk *= 3;
    }
    if (contains(universe.watchedConsignors, consignor)) {
      risk *= 4;
    }
    if (watchedBill) {
      risk *= 30;
    }
    if (invoiceMissing || coMissing || licenceMissing) {
      risk *= 2;
    }
    if (anyTargeted) {
      risk *= 1.5;
    }
    risk *= originRisk;
    if (transshipped && anyPreference) {
      risk *= 2;
    }
    double violationChance = cheats ? scheme.detectable : Math.min(0.5, risk);
    boolean violation = rng.chance(violationChance);
    boolean inspected = rng.chance(Math.min(0.9, 0.06 + 4 * (cheats ? 0.05 : risk)));
    return new GeneratedDeclaration(declaration, new Outcome(inspected, violation));
  }

  private static boolean contains(String[] values, String value) {
    for (String v : values) {
      if (v.equals(value)) {
        return true;
      }
    }
    return false;
  }

  /** The ways a cheating declaration cheats, and how often that leaves a violation to find. */
  private enum Scheme {
    NONE(0, 0),
    UNDERVALUE(0.45, 0.8),
    FAR_UNDERVALUE(0.12, 0.9),
    OVERVALUE(0.05, 0.7),
    FALSE_ORIGIN(0.18, 0.75),
    UNLICENSED(0.1, 0.8),
    QUANTITY(0.1, 0.6);

    final double share;
    final double detectable;

    Scheme(double share, double detectable) {
      this.share = share;
      this.detectable = detectable;
    }

    static Scheme draw(Rng rng) {
      double draw = rng.nextDouble();
      for (Scheme scheme : values()) {
        draw -= scheme.share;
        if (draw < 0 && scheme != NONE) {
          return scheme;
        }
      }
      return UNDERVALUE;
    }
  }

  private int itemCount() {
    double draw = rng.nextDouble();
    if (draw < 0.45) {
      return 1;
    } else if (draw < 0.65) {
      return 2;
    } else if (draw < 0.75) {
      return 3;
    } else if (draw < 0.85) {
      return 4 + rng.nextInt(2);
    } else if (draw < 0.95) {
      return 6 + rng.nextInt(5);
    }
    return 11 + rng.nextInt(20);
  }

  private Goods goods() {
    return Goods.CATALOGUE.get(rng.weighted(universe.goodsWeights));
  }

  /** The C/O form an origin's goods claim preference with, or null where Vietnam has no FTA. */
  private String formFor(String origin) {
    if (origin.equals("CN")) {
      return "E";
    } else if (origin.equals("KR")) {
      return rng.chance(0.6) ? "VK" : "AK";
    } else if (origin.equals("JP")) {
      return rng.chance(0.5) ? "VJ" : "AJ";
    } else if (EU.contains(origin)) {
      return "EUR.1";
    }
    for (String member : ASEAN) {
      if (member.equals(origin)) {
        return "D";
      }
    }
    return null;
  }

  private String consignorName(String country) {
    // A few hundred stable names per country, so a consignor recurs as real ones do.
    int index = rng.nextInt(300);
    return WORD[index % WORD.length] + " " + CITY[(index / WORD.length + country.charAt(0)) % CITY.length]
        + " " + SUFFIX[(index + country.charAt(1)) % SUFFIX.length];
  }

  private static String officeFor(String gate) {
    return switch (gate) {
      case "CUA KHAU HUU NGHI", "CUA KHAU TAN THANH", "CUA KHAU CHI MA" -> "15BB";
      case "CUA KHAU MONG CAI" -> "20BC";
      case "CUA KHAU LAO CAI" -> "08BB";
      case "CUA KHAU MOC BAI" -> "45BB";
      case "CUA KHAU CAU TREO" -> "30BB";
      case "CUA KHAU LAO BAO" -> "32BB";
      case "CANG CAT LAI" -> "02CI";
      case "CANG HAI PHONG" -> "03CC";
      case "CANG CAI MEP" -> "51CB";
      case "CANG DA NANG" -> "34CE";
      case "SAN BAY NOI BAI" -> "01B1";
      default -> "02B1";
    };
  }

  @Override
  public String toString() {
    return "SampleGenerator[" + count + " generated]";
  }
}
