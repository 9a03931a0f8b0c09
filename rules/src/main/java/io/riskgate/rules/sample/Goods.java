package io.riskgate.rules.sample;

import java.math.BigDecimal;
import java.util.List;

/**
 * The goods the generator declares: HS code, description, unit, a fallback unit price (the
 * pack's price table wins where it has one), MFN duty, origins and how common the goods are.
 */
record Goods(
    String hsCode,
    String description,
    String unit,
    double priceUsd,
    int dutyPercent,
    String[] origins,
    double frequency,
    double kgPerUnit,
    double typicalQuantity) {

  BigDecimal duty() {
    return BigDecimal.valueOf(dutyPercent);
  }

  static final List<Goods> CATALOGUE = List.of(
      new Goods("02071400", "Frozen chicken cuts", "KGM", 1.60, 20, o("US", "BR", "PL", "KR"), 2, 1, 20000),
      new Goods("03061721", "Frozen shrimp", "KGM", 7.50, 15, o("IN", "EC", "TH"), 1.5, 1, 8000),
      new Goods("08051020", "Fresh oranges", "KGM", 0.90, 20, o("CN", "ZA", "US", "EG"), 1.5, 1, 15000),
      new Goods("08061000", "Fresh grapes", "KGM", 2.20, 15, o("CN", "US", "AU", "CL"), 1.2, 1, 10000),
      new Goods("10063099", "Milled rice", "KGM", 0.55, 40, o("KH", "MM", "TH"), 1, 1, 50000),
      new Goods("15119037", "Palm olein", "KGM", 0.95, 5, o("MY", "ID"), 1, 1, 40000),
      new Goods("17019910", "Refined white sugar", "KGM", 0.55, 40, o("TH", "LA", "KH"), 0.8, 1, 30000),
      new Goods("22030091", "Beer", "LTR", 1.10, 35, o("NL", "BE", "DE", "TH"), 1, 1.3, 8000),
      new Goods("22042111", "Wine in bottles", "LTR", 6.00, 50, o("FR", "IT", "CL", "AU"), 1, 1.4, 2000),
      new Goods("22083000", "Whisky", "LTR", 14.00, 45, o("GB", "US", "JP"), 0.6, 1.5, 1000),
      new Goods("30049099", "Medicines in dosage form", "KGM", 45.00, 0, o("IN", "DE", "FR", "KR"), 2, 1, 500),
      new Goods("33049930", "Skin care preparations", "KGM", 18.00, 20, o("KR", "JP", "FR", "TH"), 2, 1, 800),
      new Goods("39269099", "Plastic articles", "KGM", 3.20, 12, o("CN", "TH", "KR"), 4, 1, 3000),
      new Goods("40111000", "New car tyres", "PCE", 38.00, 25, o("CN", "TH", "JP", "ID"), 1.5, 9, 600),
      new Goods("52051200", "Cotton yarn", "KGM", 3.10, 0, o("IN", "PK", "CN", "US"), 2, 1, 15000),
      new Goods("61091010", "Cotton T-shirts", "PCE", 2.80, 20, o("CN", "BD", "KH"), 2, 0.2, 5000),
      new Goods("64039990", "Leather footwear", "NPR", 14.00, 30, o("CN", "IT", "ID"), 1.5, 1.1, 1500),
      new Goods("72085100", "Hot-rolled steel plate", "KGM", 0.62, 5, o("CN", "JP", "IN", "KR"), 3, 1, 200000),
      new Goods("72104912", "Galvanised steel sheet", "KGM", 0.85, 10, o("CN", "KR", "TW"), 2.5, 1, 100000),
      new Goods("72139190", "Steel wire rod", "KGM", 0.58, 10, o("CN", "MY", "ID"), 2, 1, 150000),
      new Goods("73089099", "Steel structures", "KGM", 1.40, 10, o("CN", "KR"), 1.5, 1, 20000),
      new Goods("84159013", "Air conditioner parts", "KGM", 9.00, 5, o("CN", "TH", "MY"), 2, 1, 2000),
      new Goods("84713020", "Laptop computers", "PCE", 420.00, 0, o("CN", "TW", "TH"), 2.5, 2.5, 200),
      new Goods("85076090", "Lithium-ion batteries", "PCE", 35.00, 0, o("CN", "KR", "JP"), 2, 0.8, 1000),
      new Goods("85171300", "Smartphones", "PCE", 180.00, 0, o("CN", "KR", "IN"), 3, 0.4, 500),
      new Goods("85287292", "Colour television receivers", "PCE", 220.00, 25, o("CN", "KR", "MY", "TH"), 1.5, 15, 200),
      new Goods("85423900", "Integrated circuits", "PCE", 1.20, 0, o("TW", "KR", "MY", "CN", "JP"), 4, 0.002, 100000),
      new Goods("87032363", "Passenger cars 1500-3000 cc", "PCE", 18000.00, 64, o("TH", "ID", "JP", "DE"), 0.8, 1400, 4),
      new Goods("87042129", "Trucks up to 5 t", "PCE", 21000.00, 30, o("TH", "CN", "KR"), 0.5, 2500, 3),
      new Goods("87089999", "Motor vehicle parts", "KGM", 6.50, 15, o("CN", "TH", "JP", "KR"), 3, 1, 3000),
      new Goods("87112099", "Motorcycles 50-250 cc", "PCE", 1100.00, 70, o("TH", "CN", "IN", "JP"), 0.8, 110, 40),
      new Goods("87141090", "Motorcycle parts", "KGM", 5.00, 25, o("CN", "TH"), 2, 1, 2000),
      new Goods("90183990", "Catheters and cannulae", "PCE", 0.50, 0, o("CN", "DE", "MY"), 1.5, 0.02, 50000),
      new Goods("94036090", "Wooden furniture", "KGM", 2.50, 25, o("CN", "MY", "ID"), 2, 1, 6000),
      new Goods("95030099", "Toys", "KGM", 4.20, 20, o("CN"), 2, 1, 3000),
      new Goods("38089199", "Insecticides", "KGM", 6.00, 0, o("CN", "IN"), 1, 1, 5000),
      new Goods("48025690", "Uncoated paper", "KGM", 0.95, 3, o("ID", "TH", "CN"), 1.5, 1, 30000),
      new Goods("85044090", "Power supplies", "PCE", 12.00, 0, o("CN", "TW"), 2.5, 0.3, 3000),
      new Goods("62034290", "Cotton trousers", "PCE", 5.50, 20, o("CN", "BD", "KH"), 1.5, 0.5, 4000),
      new Goods("84295200", "Excavators", "PCE", 95000.00, 0, o("JP", "KR", "CN"), 0.4, 20000, 2));

  /** Arms: generated rarely, so that controlled-goods criteria see traffic. */
  static final Goods AIR_RIFLES = new Goods("93040090", "Air rifles", "PCE", 150.00, 20, o("CZ", "US"), 0, 4, 20);

  private static String[] o(String... origins) {
    return origins;
  }
}
