package io.riskgate.rules.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riskgate.RiskgateJson;
import io.riskgate.declaration.Declaration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SampleGeneratorTest {

  private static List<GeneratedDeclaration> take(SampleGenerator generator, int n) {
    return IntStream.range(0, n).mapToObj(i -> generator.next()).toList();
  }

  @Test
  void sameSeed_givesTheSameDeclarations() {
    RiskgateJson json = RiskgateJson.defaults();
    List<GeneratedDeclaration> a = take(new SampleGenerator(42), 200);
    List<GeneratedDeclaration> b = take(new SampleGenerator(42), 200);
    assertThat(a).isEqualTo(b);
    // And they survive the JSON round trip the batch runner puts them through.
    Declaration first = a.get(0).declaration();
    assertThat(json.readDeclaration(json.writeDeclaration(first))).isEqualTo(first);
  }

  @Test
  void originRisk_readsThePacksOwnCountryListAndHeadingTable() {
    Universe universe = Universe.get();
    Goods rice = goods("10063099");
    Goods sugar = goods("17019910");
    assertThat(universe.originRisk(rice, "MM")).isEqualTo(2.0);  // watched-origins
    assertThat(universe.originRisk(rice, "KH")).isEqualTo(1.5);  // heading-origin-points: 1006 from KH
    assertThat(universe.originRisk(sugar, "TH")).isEqualTo(1.5);
    assertThat(universe.originRisk(sugar, "LA")).isEqualTo(1.0);
  }

  private static Goods goods(String hsCode) {
    return Goods.CATALOGUE.stream().filter(g -> g.hsCode().equals(hsCode)).findFirst().orElseThrow();
  }

  @Test
  void otherSeed_givesOtherDeclarations() {
    assertThat(take(new SampleGenerator(1), 20)).isNotEqualTo(take(new SampleGenerator(2), 20));
  }

  @Test
  void numbers_areTwelveDigitImportNumbers_uniqueAndRegisteredInOrder() {
    List<GeneratedDeclaration> sample = take(new SampleGenerator(7), 5_000);
    Set<String> numbers = new HashSet<>();
    for (int i = 0; i < sample.size(); i++) {
      Declaration d = sample.get(i).declaration();
      assertThat(d.number()).matches("10\\d{10}");
      assertThat(numbers.add(d.number())).as("unique %s", d.number()).isTrue();
      if (i > 0) {
        assertThat(d.header().registeredAt()).isAfter(sample.get(i - 1).declaration().header().registeredAt());
      }
    }
  }

  @Test
  void itemsPerDeclaration_fixesTheItemCount() {
    SampleGenerator fifty = SampleGenerator.builder().seed(3).itemsPerDeclaration(50).build();
    assertThat(take(fifty, 20)).allSatisfy(g -> assertThat(g.declaration().items()).hasSize(50));
  }

  @Test
  void itemsPerDeclaration_outOfRange_isRejected() {
    assertThatThrownBy(() -> SampleGenerator.builder().itemsPerDeclaration(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("itemsPerDeclaration must be between 1 and 1,000, was 0");
  }

  @Test
  void sample_hasVariety() {
    List<Declaration> sample = take(new SampleGenerator(11), 5_000).stream()
        .map(GeneratedDeclaration::declaration).toList();
    Set<Integer> chapters = new HashSet<>();
    Set<String> origins = new HashSet<>();
    Set<String> gates = new HashSet<>();
    Set<String> traders = new HashSet<>();
    long withPreference = 0;
    for (Declaration d : sample) {
      d.items().forEach(i -> {
        chapters.add(i.chapter());
        origins.add(i.origin());
      });
      gates.add(d.header().borderGate());
      traders.add(d.header().traderTaxId());
      withPreference += d.items().stream().anyMatch(i -> i.claimsPreference()) ? 1 : 0;
    }
    assertThat(chapters).hasSizeGreaterThan(20);
    assertThat(origins).hasSizeGreaterThan(20);
    assertThat(gates).hasSizeGreaterThan(10);
    assertThat(traders).hasSizeGreaterThan(300);
    assertThat(withPreference).isBetween(1_000L, 3_500L);
  }

  @Test
  void outcomes_violationRateAboutTwoPercent_andInspectionsFavourViolations() {
    List<Outcome> outcomes = take(new SampleGenerator(5), 20_000).stream().map(GeneratedDeclaration::outcome).toList();
    long violations = outcomes.stream().filter(Outcome::violation).count();
    long inspected = outcomes.stream().filter(Outcome::inspected).count();
    long inspectedViolations = outcomes.stream().filter(o -> o.inspected() && o.violation()).count();
    assertThat(violations / 20_000.0).isBetween(0.01, 0.03);
    assertThat(inspected / 20_000.0).isBetween(0.05, 0.15);
    // Historical inspections were risk-based: they found violations more often than average.
    assertThat((double) inspectedViolations / inspected).isGreaterThan(2.0 * violations / 20_000.0);
  }
}
