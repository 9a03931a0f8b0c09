package io.riskgate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskgate.Assessment;
import io.riskgate.Criterion;
import io.riskgate.Hit;
import io.riskgate.DecisionTableWorkbook;
import io.riskgate.RiskEngine;
import io.riskgate.RulePack;
import io.riskgate.declaration.Declaration;
import io.riskgate.scenario.Scenarios;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * vn-baseline's decision table, {@code rules/heading-origin.xlsx}, and its readable CSV twin in
 * this module's test resources ({@code decision-tables/heading-origin.csv}), from which the
 * workbook is written: the twin is what a reviewer reads in a diff, so both must decide the same.
 *
 * <p>The origin column comes before the heading: Drools shares one origin test among the rows of
 * an origin and so tests no field against three literals or more side by side, which it would index
 * and which keeps a pack off the compiled condition network (AlphaNetwork, checked by
 * AlphaNetworkTest on this pack).
 *
 * <p>After changing the twin, write the workbook again with
 * {@code mvn -B -q -pl rules -am verify -Dtest=VnBaselineDecisionTableTest -Dsurefire.failIfNoSpecifiedTests=false -Driskgate.writeTables=true}.
 */
class VnBaselineDecisionTableTest {
  private static final Path PACK = Path.of("src/main/resources/riskgate/packs/vn-baseline");
  private static final Path TWIN = Path.of("src/test/resources/decision-tables/heading-origin.csv");
  private static final String WORKBOOK = "rules/heading-origin.xlsx";

  @TempDir
  Path temp;

  @Test
  @EnabledIfSystemProperty(named = "riskgate.writeTables", matches = "true")
  void writeWorkbookFromItsTwin() throws IOException {
    DecisionTableWorkbook.write(PACK.resolve(WORKBOOK), Map.of("Heading x origin", Files.readString(TWIN)));
  }

  @Test
  void workbookAndItsCsvTwin_giveTheSameCriteriaAndHits() throws IOException {
    Path copy = temp.resolve("vn-baseline");
    try (Stream<Path> files = Files.walk(PACK)) {
      for (Path file : files.toList()) {
        Path target = copy.resolve(PACK.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else if (!file.endsWith(WORKBOOK)) {
          Files.copy(file, target);
        }
      }
    }
    Files.writeString(copy.resolve("rules/heading-origin.csv"), Files.readString(TWIN), StandardCharsets.UTF_8);
    RiskEngine fromWorkbook = RiskEngine.builder().pack(VnBaseline.pack()).build();
    RiskEngine fromTwin = RiskEngine.builder().pack(RulePack.fromDirectory(copy)).build();

    List<String> workbookCriteria = table(fromWorkbook.criteria(), "rules/heading-origin.xlsx");
    assertThat(workbookCriteria).containsExactly(
        "HXO-01 Lithium-ion batteries from China heading origin @11:1",
        "HXO-02 Cotton T-shirts from China heading origin @12:1",
        "HXO-03 Wooden furniture from Indonesia heading origin @13:1");
    assertThat(table(fromTwin.criteria(), "rules/heading-origin.csv")).isEqualTo(workbookCriteria);
    Scenarios scenarios = Scenarios.of(VnBaseline.pack());
    for (String code : List.of("hxo-01", "hxo-02", "hxo-03")) {
      Declaration declaration = scenarios.load("scenarios/" + code + "-fires.json").declaration();
      Assessment viaWorkbook = fromWorkbook.assess(declaration);
      Assessment viaTwin = fromTwin.assess(declaration);
      assertThat(viaWorkbook.hits()).extracting(Hit::code).contains(code.toUpperCase(Locale.ROOT));
      assertThat(viaTwin.hits()).isEqualTo(viaWorkbook.hits());
      assertThat(viaTwin.channel()).isEqualTo(viaWorkbook.channel());
    }
  }

  private static List<String> table(List<Criterion> criteria, String path) {
    return criteria.stream().filter(c -> c.path().equals(path))
        .map(c -> c.code() + " " + c.rule() + " " + c.theme() + " @" + c.line() + ":" + c.column()).toList();
  }
}
