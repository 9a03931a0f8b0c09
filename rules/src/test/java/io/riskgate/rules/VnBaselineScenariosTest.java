package io.riskgate.rules;

import io.riskgate.RulePack;
import io.riskgate.testing.PackScenarioTests;
import java.nio.file.Path;

/**
 * Every scenario of {@code vn-baseline} as a test, so {@code mvn verify} fails when a criterion no
 * longer decides as its scenarios say. Read from the source folder, so failures name the file to
 * open.
 */
class VnBaselineScenariosTest extends PackScenarioTests {
  static final Path PACK = Path.of("src/main/resources/riskgate/packs/vn-baseline");

  @Override
  protected RulePack pack() {
    return RulePack.fromDirectory(PACK);
  }
}
