package io.riskgate;

/** Why a declaration got its channel. */
public enum Selection {
  /** Released GREEN: no criterion and no random draw selected it. */
  NONE,
  /** Criteria selected it: the score crossed a threshold or a hit demanded a minimum channel. */
  TARGETED,
  /**
   * The seeded random draw selected it into a stronger channel than the criteria did. Random
   * selections give the unbiased estimate of the violation rate.
   */
  RANDOM,
  /**
   * The engine could not assess it (a rule threw, ran away, or the input was out of limits), so it
   * was routed to the configured failure channel; the {@code ENGINE_ERROR} hit says why.
   */
  FAIL_CLOSED
}
