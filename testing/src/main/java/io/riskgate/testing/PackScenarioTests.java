package io.riskgate.testing;

import io.riskgate.RulePack;
import io.riskgate.scenario.Scenario;
import io.riskgate.scenario.ScenarioException;
import io.riskgate.scenario.ScenarioResult;
import io.riskgate.scenario.Scenarios;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

/**
 * A JUnit 5 test class that turns every scenario file of a rule pack into a test. Extend it and
 * say where the pack is:
 *
 * <pre>{@code
 * class VnBaselineScenariosTest extends PackScenarioTests {
 *   @Override
 *   protected RulePack pack() {
 *     return RulePack.fromDirectory(Path.of("src/main/resources/riskgate/packs/vn-baseline"));
 *   }
 * }
 * }</pre>
 *
 * Each file in the pack's {@code scenarios/} folder becomes one dynamic test, named after the file
 * and its description. A failing test's message gives the scenario file's path, the expected and
 * actual channel and codes, what did not match, and every hit with its reason; the assertion's
 * expected and actual values ({@code "RED [VAL-01]"}) let IDEs show the difference side by side.
 * A pack that does not compile fails the test factory itself with every compile error, located.
 *
 * <p>The harness needs {@code junit-jupiter-api} on the test class path, which the engine declares
 * as an optional dependency: add JUnit to your test dependencies as usual.
 *
 * <p>Instances are created by JUnit, one per test class run; not meant to be shared.
 */
public abstract class PackScenarioTests {

  /** The pack whose scenarios to run; load it from the source folder so messages link to files. */
  protected abstract RulePack pack();

  /** One dynamic test per scenario file of {@link #pack()}. */
  @TestFactory
  public final Stream<DynamicTest> scenarios() {
    Scenarios scenarios = Scenarios.of(pack());
    return scenarios.paths().stream().map(path -> {
      URI source = sourceOf(scenarios.display(path));
      String fileName = path.substring(path.lastIndexOf('/') + 1);
      Scenario scenario;
      try {
        scenario = scenarios.load(path);
      } catch (ScenarioException e) {
        return DynamicTest.dynamicTest(fileName, source, () -> {
          throw new AssertionFailedError("scenario cannot be read: " + e.getMessage());
        });
      }
      return DynamicTest.dynamicTest(fileName + ": " + scenario.description(), source,
          () -> check(scenarios.run(scenario)));
    });
  }

  /** Fails with the scenario's report unless it passed. */
  static void check(ScenarioResult result) {
    if (result.passed()) {
      return;
    }
    String message = "scenario failed: " + result.report();
    if (result.actualChannel() == null) {
      throw new AssertionFailedError(message);
    }
    throw new AssertionFailedError(message,
        result.expectedChannel() + " " + result.expectedCodes(),
        result.actualChannel() + " " + result.actualCodes());
  }

  /** The scenario file as a URI IDEs can open, or {@code null} for a pack inside a jar. */
  private static URI sourceOf(String file) {
    if (file.startsWith("classpath:")) {
      return null;
    }
    Path path = Path.of(file);
    return Files.isRegularFile(path) ? path.toUri() : null;
  }
}
