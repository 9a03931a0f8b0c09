package io.riskgate.testing;

import io.riskgate.RulePack;
import io.riskgate.scenario.KitPacks;

/** The harness as rule authors use it: every scenario of the scenario-kit pack is a test. */
class KitPackScenariosTest extends PackScenarioTests {
  @Override
  protected RulePack pack() {
    return RulePack.fromDirectory(KitPacks.KIT);
  }
}
