package io.riskgate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riskgate.reference.ReferenceData;
import io.riskgate.scenario.KitPacks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The strict reading of CSV data files: each file in src/test/resources/data-files/ is one
 * scenario, put in place of the same kind's file in a copy of the reference-data pack.
 */
class PackDataTest {
  private static final Path PACK = Path.of("src/test/resources/packs/reference-data");
  private static final Path SCENARIOS = Path.of("src/test/resources/data-files");

  @TempDir
  Path dir;

  /** A copy of the reference-data pack with {@code data/<kind>.csv} replaced by the scenario. */
  private RulePack packWith(String scenario) throws IOException {
    KitPacks.copyTree(PACK, dir);
    String kind = scenario.substring(0, scenario.indexOf('-'));
    Files.copy(SCENARIOS.resolve(scenario + ".csv"), dir.resolve("data/" + kind + ".csv"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return RulePack.fromDirectory(dir);
  }

  private List<String> problems(String scenario) throws IOException {
    RulePack pack = packWith(scenario);
    try {
      pack.referenceData();
    } catch (RulePackException e) {
      return e.problems().stream().map(Object::toString).toList();
    }
    throw new AssertionError(scenario + " loaded without a problem");
  }

  @Test
  void excelBomAndCrLf_areAccepted() throws IOException {
    ReferenceData data = packWith("prices-excel-bom").referenceData();
    assertThat(data.prices().find("85171200", "VN").unitValue()).isEqualByComparingTo("20.00");
  }

  @Test
  void rowWithACellMissing_isRefusedAtItsRow() throws IOException {
    assertThat(problems("prices-missing-cell")).containsExactly(
        "data/prices.csv:3:1: the row has 6 cells but the header has 7 columns (hsCode,origin,unit,currency,"
            + "unitValue,tolerancePercent,maximum); leave a cell empty where the row has no value");
  }

  @Test
  void rowWithACellTooMany_isRefusedAtTheExtraCell() throws IOException {
    assertThat(problems("prices-extra-cell")).containsExactly(
        "data/prices.csv:2:25: the row has 8 cells but the header has 7 columns; a value that holds a comma"
            + " is quoted (\"...\")");
  }

  @Test
  void unquotedDecimalComma_isNamedAtTheNumber_notCountedAsCells() throws IOException {
    assertThat(problems("prices-decimal-comma")).containsExactly(
        "data/prices.csv:3:21: unitValue is written 7,50, with a decimal comma or a thousands separator"
            + " (unquoted, so its comma also split the row into one cell too many); numbers take a point for"
            + " decimals and no thousands separator: write 7.50");
  }

  @Test
  void quotedDecimalComma_isABadNumber() throws IOException {
    assertThat(problems("prices-quoted-decimal-comma")).containsExactly(
        "data/prices.csv:2:15: unitValue is written 7,50, with a decimal comma or a thousands separator;"
            + " numbers take a point for decimals and no thousands separator: write 7.50");
  }

  @Test
  void thousandsSeparators_areRefusedWhereverTheyAre() throws IOException {
    assertThat(problems("prices-thousands-separator")).containsExactly(
        "data/prices.csv:2:15: unitValue is written 1,000.5, with a decimal comma or a thousands separator"
            + " (unquoted, so its comma also split the row into one cell too many); numbers take a point for"
            + " decimals and no thousands separator: write 1000.5",
        "data/prices.csv:3:15: unitValue is written 1.000,5, with a decimal comma or a thousands separator;"
            + " numbers take a point for decimals and no thousands separator: write 1000.5",
        "data/prices.csv:4:15: unitValue is written 1,250,000.75, with a decimal comma or a thousands separator"
            + " (unquoted, so its comma also split the row into one cell too many); numbers take a point for"
            + " decimals and no thousands separator: write 1250000.75");
  }

  @Test
  void semicolonSeparatedFile_isExplainedOnceAtTheHeader() throws IOException {
    assertThat(problems("prices-semicolons")).containsExactly(
        "data/prices.csv:1:1: the header is separated by ';', not commas (a spreadsheet export in a decimal-comma"
            + " locale?); expected the columns hsCode,origin,unit,currency,unitValue,tolerancePercent,maximum"
            + " (in any order), separated by commas, and numbers written with a decimal point");
  }

  @Test
  void tabSeparatedFile_isExplainedOnceAtTheHeader() throws IOException {
    assertThat(problems("prices-tabs")).singleElement().asString()
        .startsWith("data/prices.csv:1:1: the header is separated by tabs, not commas");
  }

  @Test
  void headerTypo_isExplainedOnceAtTheColumn_withTheExpectedNames() throws IOException {
    assertThat(problems("prices-header-typo")).containsExactly(
        "data/prices.csv:1:1: unknown column 'hsCod' in the header; did you mean 'hsCode'?; expected the columns"
            + " hsCode,origin,unit,currency,unitValue,tolerancePercent,maximum (in any order), separated by commas");
  }

  @Test
  void headerWithoutAColumn_isExplainedOnceAtTheHeader() throws IOException {
    assertThat(problems("prices-header-missing-column")).singleElement().asString()
        .startsWith("data/prices.csv:1:1: the header lacks the column maximum; expected the columns");
  }

  @Test
  void headerOnly_isAnEmptyList_butAnEmptyFileIsRefused() throws IOException {
    assertThat(packWith("prices-header-only").referenceData().globals()).containsKey("prices");
    assertThat(problems("prices-empty-file")).singleElement().asString()
        .startsWith("data/prices.csv:0:0: the file is empty; a CSV file starts with its header row");
  }

  @Test
  void emptyJsonFile_isRefused(@TempDir Path other) throws IOException {
    KitPacks.copyTree(PACK, other);
    Files.writeString(other.resolve("data/traders.json"), "\n");
    assertThatThrownBy(() -> RulePack.fromDirectory(other).referenceData())
        .isInstanceOf(RulePackException.class)
        .hasMessageContaining("data/traders.json:0:0: the file is empty; write [] for a list with no entries,"
            + " or list \"traders\" in emptyData in pack.json");
  }

  @Test
  void headerWithACommaTooMany_isExplainedOnceAtTheHeader() throws IOException {
    assertThat(problems("prices-header-trailing-comma")).singleElement().asString()
        .startsWith("data/prices.csv:1:64: the header has a column without a name (a comma too many?)");
  }

  @Test
  void unclosedQuote_isReportedWhereItOpens() throws IOException {
    assertThat(problems("watchlists-unclosed-quote")).containsExactly(
        "data/watchlists.csv:4:20: this quote is never closed, so the rest of the file reads as one value;"
            + " close it (a quote inside a quoted value is written twice: \"\")");
  }

  @Test
  void unclosedQuote_ignoresDoubledQuotesAndQuotesInsideACell() {
    assertThat(PackData.unclosedQuote("a,\"b \"\"c\"\"\",d\"e\n")).isEqualTo(-1);
    assertThat(PackData.unclosedQuote("a,b\nc,\"d\ne,f\n")).isEqualTo(6);
  }

  @Test
  void dataFileBesideAnEmptyDataEntry_isAContradiction(@TempDir Path other) throws IOException {
    KitPacks.copyTree(PACK, other);
    Files.writeString(other.resolve("pack.json"), Files.readString(other.resolve("pack.json"))
        .replace("\"seed\": 7", "\"seed\": 7,\n  \"emptyData\": [\"watchlists\"]"));
    assertThatThrownBy(() -> RulePack.fromDirectory(other).referenceData())
        .isInstanceOf(RulePackException.class)
        .hasMessageContaining("data/watchlists.csv:0:0: the pack has this file, but pack.json lists \"watchlists\""
            + " in emptyData");
  }
}
