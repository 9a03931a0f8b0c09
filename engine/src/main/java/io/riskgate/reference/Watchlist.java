package io.riskgate.reference;

/** The watchlists a pack keeps: parties and shipments that customs intelligence flagged. */
public enum Watchlist {
  /** Importers, exporters and other traders, by tax id. */
  COMPANY,
  /** Customs brokers and agents who lodge declarations, by their code. */
  DECLARANT,
  /** Foreign consignors (or consignees on exports), by name as declared. */
  CONSIGNOR,
  /** Bills of lading and air waybills, by number. */
  BILL_OF_LADING
}
