package io.riskgate.declaration;

/** What a declaration declares: goods coming in, going out, or passing through. */
public enum DeclarationType {
  IMPORT,
  EXPORT,
  TRANSIT
}
