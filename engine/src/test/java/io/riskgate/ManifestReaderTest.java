package io.riskgate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The strict reading of pack.json: each file in src/test/resources/manifests/ is one scenario. */
class ManifestReaderTest {
  private static final Path MANIFESTS = Path.of("src/test/resources/manifests");

  private static PackManifest read(String scenario) {
    try {
      return ManifestReader.read("test", Files.readAllBytes(MANIFESTS.resolve(scenario + ".json")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void everyField_isRead() {
    PackManifest manifest = read("valid");
    assertThat(manifest.description()).isEqualTo("every field");
    assertThat(manifest.randomRates()).isEqualTo(new PackManifest.RandomRates(0.02, 0.01));
    assertThat(manifest.emptyData()).containsExactly("watchlists", "hs-lists");
    assertThat(manifest.declaresEmpty("watchlists")).isTrue();
    assertThat(manifest.declaresEmpty("traders")).isFalse();
  }

  @Test
  void optionalFields_takeTheirDefaults_andZeroRatesAreAValidChoice() {
    PackManifest manifest = read("minimal");
    assertThat(manifest.description()).isEmpty();
    assertThat(manifest.emptyData()).isEmpty();
    assertThat(manifest.randomRates()).isEqualTo(new PackManifest.RandomRates(0, 0));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      unknown-field           | pack.json:5:3: unknown field 'treshold_red'; expected one of id, version, description, thresholds, randomRates, seed, emptyData, trial, lists, tables; did you mean 'thresholds'?
      unknown-nested-field    | pack.json:5:20: unknown field 'randomRates.yelow'; expected one of yellow, red; did you mean 'yellow'?
      string-number           | pack.json:4:29: thresholds.yellow must be a whole number, was a string; write the number without quotes
      string-rate             | pack.json:5:30: randomRates.yellow must be a number, was a string; write the number without quotes
      fraction-threshold      | pack.json:4:29: thresholds.yellow must be a whole number, was a fraction (25.5)
      number-version          | pack.json:3:14: version must be a string, was a number (2)
      null-seed               | pack.json:6:11: seed must be a whole number, not null
      null-empty-data-entry   | pack.json:7:17: emptyData[0] must be a string, not null
      string-empty-data       | pack.json:7:16: emptyData must be an array of strings, was a string
      missing-random-rates    | pack.json:1:1: randomRates is required: the shares of declarations selected at random
      missing-nested-field    | pack.json:4:17: thresholds.red is required
      thresholds-out-of-order | pack.json:4:17: thresholds must satisfy 1 <= yellow <= red, were yellow 70, red 25
      bad-id                  | pack.json:2:9: id must hold only letters, digits
      unknown-empty-data-kind | pack.json:7:16: emptyData lists 'watchlist', which is not a kind of reference data; expected traders, prices, watchlists, hs-lists
      duplicate-field         | pack.json:7:9: Duplicate field 'seed'
      trailing-content        | pack.json:8:1: unexpected content after the manifest's closing '}'
      not-an-object           | pack.json:1:1: the manifest must be an object with id, version, description, thresholds, randomRates, seed, emptyData, trial, lists, tables, was an array
      """)
  void mistake_isReportedOnceAtItsLocation(String scenario, String expected) {
    assertThatThrownBy(() -> read(scenario))
        .isInstanceOfSatisfying(RulePackException.class, e -> {
          assertThat(e.problems()).hasSize(1);
          assertThat(e.problems().get(0).toString()).startsWith(expected);
        });
  }

  @Test
  void missingField_isCalledRequiredOnlyWhenNoOtherNameStandsInItsPlace() {
    assertThatThrownBy(() -> read("unknown-nested-field"))
        .isInstanceOf(RulePackException.class)
        .hasMessageNotContaining("is required");
  }

  @Test
  void emptyManifest_saysSo() {
    assertThatThrownBy(() -> ManifestReader.read("test", " \n".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .isInstanceOf(RulePackException.class)
        .hasMessageContaining("pack.json:0:0: the manifest is empty");
  }
}
