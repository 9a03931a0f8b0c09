package io.riskgate;

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

/** Declarations for tests: plain and harmless unless a test says otherwise. */
final class TestDeclarations {
  private String number;
  private String gate = "CUA KHAU HUU NGHI";
  private String trader = "0101234567";
  private String invoice = "1000.00";
  private String origin = "CN";
  private final List<String> hsCodes = new ArrayList<>();

  private TestDeclarations(String number) {
    this.number = number;
  }

  static TestDeclarations declaration(String number) {
    return new TestDeclarations(number);
  }

  static Path pack(String name) {
    return Path.of("src/test/resources/packs", name);
  }

  TestDeclarations gate(String gate) {
    this.gate = gate;
    return this;
  }

  TestDeclarations trader(String taxId) {
    this.trader = taxId;
    return this;
  }

  TestDeclarations invoice(String amount) {
    this.invoice = amount;
    return this;
  }

  TestDeclarations origin(String origin) {
    this.origin = origin;
    return this;
  }

  TestDeclarations item(String hsCode) {
    hsCodes.add(hsCode);
    return this;
  }

  Declaration build() {
    Header header = new Header(number, DeclarationType.IMPORT, "A11", "20BC", gate,
        Instant.parse("2026-03-14T08:15:00Z"), trader, "DL001", "Guangxi Trading Co", "CN",
        "BL-0001", TransportMode.ROAD, "20C-12345", "CNPNG", "CN", "CIF",
        Money.of(invoice, "USD"), 10, new BigDecimal("1200.5"), List.of("MSCU1234567"));
    List<Item> items = new ArrayList<>();
    List<String> codes = hsCodes.isEmpty() ? List.of("85171300") : hsCodes;
    for (int i = 0; i < codes.size(); i++) {
      items.add(new Item(i + 1, codes.get(i), "goods " + (i + 1), origin, new BigDecimal("100"), "PCE",
          Money.of("10.00", "USD"), new BigDecimal("5"), i == 0 ? new Preference("E", "E2026000001") : null,
          List.of()));
    }
    return new Declaration(header, items, List.of(new Document("INVOICE", "INV-1", null)));
  }
}
