package io.riskgate.rules;

import io.riskgate.RulePack;

/**
 * The {@code vn-baseline} reference pack: selectivity criteria modelled on Vietnam's VNACCS/VCIS
 * and ASYCUDA (trader compliance, valuation, origin and preference, tariff sensitivity, licensed
 * goods, route, documents, watchlists and combinations of indicators), with its reference data.
 *
 * <pre>{@code
 * RiskEngine engine = RiskEngine.builder().pack(VnBaseline.pack()).build();
 * }</pre>
 *
 * <p>The pack is also a plain folder in this module's sources
 * ({@code rules/src/main/resources/riskgate/packs/vn-baseline}); copy it as the starting point of
 * your own pack and load that with {@link RulePack#fromDirectory}. Its README lists every criterion.
 *
 * <p>Thread-safe: every call loads an immutable {@link RulePack}.
 */
public final class VnBaseline {
  /** The pack's folder on the class path (in this jar). */
  public static final String RESOURCE_ROOT = "riskgate/packs/vn-baseline";

  private VnBaseline() {}

  /** Loads the pack from this jar's class path. */
  public static RulePack pack() {
    return RulePack.fromClasspath(RESOURCE_ROOT, VnBaseline.class.getClassLoader());
  }
}
