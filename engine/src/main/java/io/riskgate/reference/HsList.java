package io.riskgate.reference;

/** The lists of HS codes a pack keeps. */
public enum HsList {
  /** Goods whose values are often understated: vehicles, steel, alcohol, ... */
  PRICE_RISK,
  /** High-duty lines prone to misclassification into a cheaper neighbour. */
  SENSITIVE,
  /** HS code and origin pairs that intelligence targets (entries carry an origin). */
  TARGETED,
  /** Goods that need a licence or specialised inspection (entries carry the licence type). */
  LICENCE_REQUIRED
}
