package io.riskgate.cli;

/**
 * What happened to a declaration in history, carried beside it in an input line: whether it was
 * inspected, and whether the inspection found a violation.
 *
 * @param inspected whether customs inspected it (documents or goods)
 * @param violation whether a violation was found; only an inspection finds one
 */
record Outcome(boolean inspected, boolean violation) {

  /** The field name of the outcome in a JSONL input record. */
  static final String FIELD = "outcome";
}
