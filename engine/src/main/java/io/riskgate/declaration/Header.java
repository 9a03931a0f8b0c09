package io.riskgate.declaration;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The header of a declaration: who, what procedure, which route, what value.
 *
 * @param number the declaration number, unique per customs service
 * @param type import, export or transit
 * @param procedureCode the customs procedure (type) code, e.g. {@code A11} for a consumption import
 * @param customsOffice the office the declaration is registered at
 * @param borderGate the border gate or port the goods cross
 * @param registeredAt when the declaration was registered
 * @param traderTaxId tax id of the declaring trader: the importer on an import, the exporter on an
 *     export, the principal on a transit
 * @param declarant the customs broker or agent who lodged it, or {@code null} if the trader did
 * @param consignor the foreign party: consignor on an import, consignee on an export; may be null
 * @param consignorCountry that party's country, ISO 3166-1 alpha-2, or null
 * @param billOfLading the bill of lading or air waybill number, or null
 * @param transportMode the mode of transport at the border
 * @param vehicle the vessel, flight, train or truck plate, or null
 * @param portOfLoading the UN/LOCODE of the port of loading, or null
 * @param consignmentCountry the country the goods were consigned from, ISO 3166-1 alpha-2
 * @param incoterms the Incoterms 2020 rule, e.g. {@code CIF}, or null
 * @param invoiceValue the total invoice value
 * @param packages the number of packages, not negative
 * @param grossWeightKg the gross weight in kilograms, not negative
 * @param containers the container numbers; empty if none
 */
public record Header(
    String number,
    DeclarationType type,
    String procedureCode,
    String customsOffice,
    String borderGate,
    Instant registeredAt,
    String traderTaxId,
    String declarant,
    String consignor,
    String consignorCountry,
    String billOfLading,
    TransportMode transportMode,
    String vehicle,
    String portOfLoading,
    String consignmentCountry,
    String incoterms,
    Money invoiceValue,
    int packages,
    BigDecimal grossWeightKg,
    List<String> containers) {

  public Header {
    Codes.requireText(number, "number");
    Codes.require(type, "type");
    Codes.requireText(procedureCode, "procedureCode");
    Codes.requireText(customsOffice, "customsOffice");
    Codes.requireText(borderGate, "borderGate");
    Codes.require(registeredAt, "registeredAt");
    Codes.requireText(traderTaxId, "traderTaxId");
    consignorCountry = Codes.optionalCountry(consignorCountry, "consignorCountry");
    Codes.require(transportMode, "transportMode");
    consignmentCountry = Codes.country(consignmentCountry, "consignmentCountry");
    Codes.require(invoiceValue, "invoiceValue");
    if (packages < 0) {
      throw new IllegalArgumentException("packages must not be negative");
    }
    Codes.nonNegative(grossWeightKg, "grossWeightKg");
    containers = containers == null ? List.of() : List.copyOf(containers);
  }
}
