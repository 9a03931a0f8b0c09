package io.riskgate.cli;

/**
 * What is known of a declaration after the fact, carried beside it in an input line: whether it
 * was inspected, and whether it hid a violation.
 *
 * <p>In a real history only an inspection finds a violation, so {@code violation} is true only
 * where {@code inspected} is. Synthetic data (from {@code generate}) knows the truth for every
 * declaration: {@code violation} may then be true without an inspection. Precision counts
 * violations among inspected declarations only, as real data would; the truth of uninspected ones
 * is used for what only synthetic data can tell (violations released GREEN, an exact violation
 * rate among random selections).
 *
 * @param inspected whether customs inspected it (documents or goods)
 * @param violation whether it hid a violation (found by the inspection, or known)
 */
record Outcome(boolean inspected, boolean violation) {

  /** The field name of the outcome in a JSONL input record. */
  static final String FIELD = "outcome";
}
