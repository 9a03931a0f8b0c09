package io.riskgate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskgate.RulePack;
import io.riskgate.scenario.Scenario;
import io.riskgate.scenario.Scenarios;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Holds vn-baseline to its rule: every criterion has a scenario where it fires and a near miss
 * where it does not. Near misses are the files named {@code <code>-near-miss*.json} (code in lower
 * case), so a reader finds them next to the criterion's other scenarios.
 */
class ScenarioCoverageTest {
  private static final Pattern CODE = Pattern.compile("@code\\(\\s*\"([^\"]+)\"\\s*\\)");

  private final RulePack pack = RulePack.fromDirectory(VnBaselineScenariosTest.PACK);
  private final Scenarios scenarios = Scenarios.of(pack);

  @Test
  void everyCriterion_hasAScenarioThatFiresAndANearMissThatDoesNot() {
    Set<String> codes = criterionCodes();
    List<Scenario> all = new ArrayList<>();
    for (String path : scenarios.paths()) {
      all.add(scenarios.load(path));
    }
    assertThat(codes).as("criterion codes in the pack's DRL").hasSizeGreaterThanOrEqualTo(20);
    for (String code : codes) {
      assertThat(all).as("scenarios expecting %s to fire", code)
          .anyMatch(s -> s.expected().codes().contains(code));
      String prefix = code.toLowerCase(Locale.ROOT) + "-near-miss";
      assertThat(all).as("near-miss scenarios %s*.json, in which %s does not fire", prefix, code)
          .filteredOn(s -> s.fileName().startsWith(prefix))
          .isNotEmpty()
          .allMatch(s -> !s.expected().codes().contains(code));
    }
  }

  @Test
  void pack_shipsAtLeastFiftyScenarios() {
    assertThat(scenarios.paths()).hasSizeGreaterThanOrEqualTo(50);
  }

  private Set<String> criterionCodes() {
    Set<String> codes = new TreeSet<>();
    for (String path : pack.drlPaths()) {
      Matcher matcher = CODE.matcher(pack.text(path).orElse(""));
      while (matcher.find()) {
        codes.add(matcher.group(1));
      }
    }
    return codes;
  }
}
