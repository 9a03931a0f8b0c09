package io.riskgate.rules.sample;

/**
 * What is known of a generated declaration after the fact, so that the effectiveness of criteria
 * can be measured (precision: violations found per inspection).
 *
 * <p>Immutable and thread-safe.
 *
 * @param inspected whether the (simulated) customs office physically inspected it at the time:
 *     about one in twelve, more often when it looked risky. In a real history only inspected
 *     declarations have a known result.
 * @param violation the ground truth: whether the declaration hides a violation (undervaluation,
 *     false origin, missing licence, concealment...). Known for every generated declaration; a
 *     measurement that mimics real data counts it only where {@code inspected} is true.
 */
public record Outcome(boolean inspected, boolean violation) {}
