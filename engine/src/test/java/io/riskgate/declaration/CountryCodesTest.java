package io.riskgate.declaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Country codes: validated, and one shared instance per code, so criteria compare by identity. */
class CountryCodesTest {

  @Test
  void equalCodesReadApartAreOneInstance() {
    // Codes read from input: each its own string object.
    Item first = item(new String("CN"));
    Item second = item(new String("CN"));
    Header header = header(new String("CN"), new String("CN"));

    assertThat(first.origin()).isEqualTo("CN").isSameAs(second.origin())
        .isSameAs(header.consignmentCountry()).isSameAs(header.consignorCountry());
  }

  @Test
  void consignorCountryStaysOptional() {
    assertThat(header(null, "VN").consignorCountry()).isNull();
  }

  @Test
  void unknownCodeIsRefusedWithTheRule() {
    assertThatThrownBy(() -> item("cn"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("origin must be an ISO 3166-1 alpha-2 country code in upper case, such as VN or CN");
  }

  private static Item item(String origin) {
    return new Item(1, "85171300", "goods", origin, BigDecimal.ONE, "PCE", Money.of("1.00", "USD"),
        null, null, List.of());
  }

  private static Header header(String consignorCountry, String consignmentCountry) {
    return new Header("D-1", DeclarationType.IMPORT, "A11", "20BC", "CUA KHAU HUU NGHI",
        Instant.parse("2026-03-14T08:15:00Z"), "0101234567", "DL001", "Guangxi Trading Co",
        consignorCountry, "BL-0001", TransportMode.ROAD, "20C-12345", "CNPNG", consignmentCountry, "CIF",
        Money.of("1000.00", "USD"), 10, new BigDecimal("1200.5"), List.of());
  }
}
