package io.riskgate;

import static io.riskgate.TestDeclarations.declaration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riskgate.reference.ReferenceData;
import io.riskgate.reference.TableRow;
import io.riskgate.scenario.KitPacks;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lists and tables a pack declares itself (packs/own-data): loaded strictly with every problem
 * located, reached from DRL by name, and names checked against pack.json when the pack is built.
 */
class OwnDataTest {
  private static final Path PACK = TestDeclarations.pack("own-data");
  private static final RiskEngine ENGINE = RiskEngine.builder().pack(RulePack.fromDirectory(PACK)).build();

  @TempDir
  Path dir;

  @Test
  void countryList_matchesTheItemsOrigin() {
    Assessment a = ENGINE.assess(declaration("D-KP").origin("KP").build());
    assertThat(a.hits()).extracting(Hit::code).containsExactly("O-ORIGIN");
    assertThat(a.hits().get(0).reason()).isEqualTo("item 1 is from KP");
    assertThat(ENGINE.assess(declaration("D-VN").origin("VN").build()).hits()).isEmpty();
  }

  @Test
  void hsPrefixList_matchesEveryCodeUnderAPrefix() {
    Assessment a = ENGINE.assess(declaration("D-STEEL").origin("JP").item("72085100").build());
    assertThat(a.hits()).extracting(Hit::code).containsExactly("O-TRANS");
    assertThat(ENGINE.assess(declaration("D-72").origin("JP").item("72095100").build()).hits()).isEmpty();
  }

  @Test
  void table_givesTheRowOfTheLongestPrefixAndTheExactOrigin_beforeTheRowForAnyOrigin() {
    Assessment cn = ENGINE.assess(declaration("D-MOTO-CN").origin("CN").item("87112099").build());
    assertThat(cn.hits()).extracting(Hit::code).containsExactly("O-HIGH", "O-POINTS", "O-TRANS");
    assertThat(cn.score()).isEqualTo(25 + 1 + 5);
    assertThat(cn.hits().get(1).reason()).isEqualTo("motorcycles from CN are undervalued (factor 1.5)");

    Assessment th = ENGINE.assess(declaration("D-MOTO-TH").origin("TH").item("87112099").build());
    assertThat(th.hits()).extracting(Hit::code).containsExactly("O-POINTS", "O-TRANS");
    assertThat(th.hits().get(0).reason()).isEqualTo("motorcycles from anywhere (factor null)");
  }

  @Test
  void absentRow_readsNullInAConstraint_andMatchesNothing() {
    Assessment a = ENGINE.assess(declaration("D-NONE").origin("JP").item("85171300").build());
    assertThat(a.failedClosed()).isFalse();
    assertThat(a.hits()).isEmpty();
  }

  @Test
  void booleanAndDateColumns_fromAJsonTable() {
    Assessment a = ENGINE.assess(declaration("D-GATE").origin("JP").gate("RISKY-GATE").build());
    assertThat(a.hits()).extracting(Hit::code).containsExactly("O-GATE", "O-INSPECT");
    assertThat(a.channel()).isEqualTo(Channel.YELLOW);
    assertThat(a.hits().get(1).reason()).isEqualTo("gate inspected since 2026-01-01");
    assertThat(ENGINE.assess(declaration("D-SAFE").origin("JP").gate("SAFE-GATE").build()).hits()).isEmpty();
  }

  @Test
  void referenceData_readsTheDeclaredListsAndTables() {
    ReferenceData data = RulePack.fromDirectory(PACK).referenceData();
    assertThat(data.lists().has("watched-origins", "IR")).isTrue();
    assertThat(data.lists().has("watched-origins", null)).isFalse();
    TableRow row = data.tables().row("heading-origin-points", "72101100", "IN");
    assertThat(row.found()).isTrue();
    assertThat(row.integer("points")).isEqualTo(10);
    assertThat(row.decimal("points")).isEqualByComparingTo("10");
    assertThat(row.decimal("factor")).isEqualByComparingTo(new BigDecimal("0.5"));
    assertThat(data.tables().row("gate-control", "RISKY-GATE").date("since")).isEqualTo(LocalDate.of(2026, 1, 1));
    assertThat(data.tables().row("gate-control", "NOWHERE").found()).isFalse();
    assertThatThrownBy(() -> data.lists().has("watched-origin", "IR"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no list named 'watched-origin'");
    assertThatThrownBy(() -> row.text("points"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("read it with integer(\"points\")");
  }

  // Loading: every problem at its file, line and column.

  private List<String> loadProblems() {
    try {
      RulePack.fromDirectory(dir).referenceData();
    } catch (RulePackException e) {
      return e.problems().stream().map(Object::toString).toList();
    }
    throw new AssertionError("the pack loaded without a problem");
  }

  private void copyWith(String path, String text) throws IOException {
    KitPacks.copyTree(PACK, dir);
    Files.writeString(dir.resolve(path), text);
  }

  @Test
  void badCountryInAList_isRefusedAtItsCell() throws IOException {
    copyWith("data/watched-origins.csv", "value,note\nKP,sanctions\nIran,typo\n");
    assertThat(loadProblems()).containsExactly("data/watched-origins.csv:3:1: value of list 'watched-origins'"
        + " (country): a country must be an ISO 3166-1 alpha-2 code in capitals, such as CN");
  }

  @Test
  void valueWithSpaces_andTwiceInAList_areRefused() throws IOException {
    copyWith("data/watched-origins.csv", "note,value\nx,KP\ny,\" IR\"\nz,KP\n");
    assertThat(loadProblems()).containsExactly(
        "data/watched-origins.csv:3:3: value of list 'watched-origins' (country): 'IR' has spaces around it, so it"
            + " would never match; remove them",
        "data/watched-origins.csv:4:3: value KP appears twice in list 'watched-origins' (first on line 2)");
  }

  @Test
  void badTypedValueInATable_isRefusedAtItsCell() throws IOException {
    copyWith("data/heading-origin-points.csv", "heading,origin,points,factor,reason\n8711,CN,25.5,1.5,x\n"
        + "8711,TH,5,\"1,5\",y\n");
    assertThat(loadProblems()).containsExactly(
        "data/heading-origin-points.csv:2:9: points (integer) must be a whole number from -2147483648 to"
            + " 2147483647, without separators",
        "data/heading-origin-points.csv:3:11: factor is written 1,5, with a decimal comma or a thousands"
            + " separator; numbers take a point for decimals and no thousands separator: write 1.5");
  }

  @Test
  void duplicateKeyInATable_isRefusedAtTheSecondRow() throws IOException {
    copyWith("data/heading-origin-points.csv", "heading,origin,points,factor,reason\n8711,,25,,x\n8711,CN,5,,y\n"
        + "8711,,6,,z\n");
    assertThat(loadProblems()).containsExactly("data/heading-origin-points.csv:4:1: key heading 8711 and origin"
        + " (any) appears twice in table 'heading-origin-points' (first on line 2)");
  }

  @Test
  void tableHeaderWithoutADeclaredColumn_isRefused() throws IOException {
    copyWith("data/heading-origin-points.csv", "heading,origin,points,reason\n8711,CN,25,x\n");
    assertThat(loadProblems()).singleElement().asString()
        .startsWith("data/heading-origin-points.csv:1:1: the header lacks the column factor");
  }

  @Test
  void emptyKeyInATable_andUnknownJsonField_areRefused() throws IOException {
    copyWith("data/gate-control.json", "[\n  {\"gate\": \"\", \"inspect\": true},\n  {\"gate\": \"A\", \"inpsect\": true},\n"
        + "  {\"gate\": \"B \"}\n]\n");
    assertThat(loadProblems()).containsExactly(
        "data/gate-control.json:2:3: gate is the key of table 'gate-control' and must not be empty",
        "data/gate-control.json:3:3: unknown field 'inpsect'; expected gate, inspect, since; did you mean 'inspect'?",
        "data/gate-control.json:4:3: gate is a key of table 'gate-control' and 'B' has spaces around it, so it would"
            + " never match; remove them");
  }

  @Test
  void aFieldTwiceInAJsonEntry_isRefusedAtItsPlace() throws IOException {
    copyWith("data/gate-control.json", "[\n  {\"gate\": \"A\", \"inspect\": true, \"gate\": \"B\"}\n]\n");
    assertThat(loadProblems()).singleElement().asString()
        .startsWith("data/gate-control.json:2:").contains("Duplicate field 'gate'");
  }

  @Test
  void declaredFileMissing_isRefusedAtItsDeclaration() throws IOException {
    KitPacks.copyTree(PACK, dir);
    Files.delete(dir.resolve("data/risky-gates.csv"));
    assertThat(loadProblems()).singleElement().asString()
        .startsWith("pack.json:11:46:").endsWith("list 'risky-gates' reads data/risky-gates.csv, which is not in the pack");
  }

  @Test
  void undeclaredDataFile_namesTheWayToDeclareIt() throws IOException {
    copyWith("data/transshipment.csv", "value\n7208\n");
    assertThat(loadProblems()).singleElement().asString()
        .contains("unknown reference data file").contains("declares under \"lists\" or \"tables\"");
  }

  // The manifest: declarations read strictly.

  private String manifestProblem(String from, String to) throws IOException {
    KitPacks.copyTree(PACK, dir);
    String manifest = Files.readString(dir.resolve("pack.json"));
    assertThat(manifest).contains(from);
    Files.writeString(dir.resolve("pack.json"), manifest.replace(from, to));
    try {
      RulePack.fromDirectory(dir);
    } catch (RulePackException e) {
      return e.problems().get(0).toString();
    }
    throw new AssertionError("the manifest was read");
  }

  @Test
  void nullsInTheManifestsDeclarations_areRefusedInWords() throws IOException {
    assertThat(manifestProblem("{ \"kind\": \"gate\", \"file\": \"data/risky-gates.csv\" }", "null"))
        .contains("lists.risky-gates must be an object with kind, file, not null");
    assertThat(manifestProblem("\"key\": [\"gate\"]", "\"key\": null"))
        .contains("tables.gate-control.key must be an array of strings, not null");
    assertThat(manifestProblem("\"seed\": 7,", "\"seed\": 7, \"trial\": [null],"))
        .isEqualTo("pack.json:7:24: trial[0] must be a string, not null");
  }

  @Test
  void unknownListKind_isRefusedAtTheKind() throws IOException {
    assertThat(manifestProblem("\"kind\": \"gate\"", "\"kind\": \"gates\""))
        .startsWith("pack.json:11:30:").contains("kind must be one of hs-prefix, country, trader");
  }

  @Test
  void keyThatIsNotAColumn_isRefused() throws IOException {
    assertThat(manifestProblem("\"key\": [\"gate\"]", "\"key\": [\"gates\"]"))
        .contains("key names 'gates', which is not one of the columns (gate, inspect, since)");
  }

  @Test
  void unknownColumnType_isRefused() throws IOException {
    assertThat(manifestProblem("\"points\": \"integer\"", "\"points\": \"int\""))
        .contains("columns gives 'points' the type 'int'; expected one of text, integer, decimal");
  }

  @Test
  void listFileOutsideData_orABuiltInFile_isRefused() throws IOException {
    assertThat(manifestProblem("data/risky-gates.csv", "rules/risky-gates.csv"))
        .contains("file must be a .csv or .json file in the pack's data/ folder");
  }

  // The pack check: names in DRL against pack.json, before Drools compiles.

  private List<String> buildProblems(String from, String to) throws IOException {
    KitPacks.copyTree(PACK, dir);
    String drl = Files.readString(dir.resolve("rules/own.drl"));
    assertThat(drl).contains(from);
    Files.writeString(dir.resolve("rules/own.drl"), drl.replace(from, to));
    RulePack pack = RulePack.fromDirectory(dir);
    try {
      RiskEngine.builder().pack(pack).build();
    } catch (RulePackException e) {
      return e.problems().stream().map(Object::toString).toList();
    }
    throw new AssertionError("the pack built");
  }

  @Test
  void undeclaredListName_isAnErrorAtTheRule() throws IOException {
    assertThat(buildProblems("lists.has(\"watched-origins\", origin)", "lists.has(\"watched-origin\", origin)"))
        .containsExactly("rules/own.drl:15:42: list 'watched-origin' is not declared in pack.json; its lists are"
            + " risky-gates, transshipment-hs, watched-origins; did you mean 'watched-origins'?");
  }

  @Test
  void undeclaredTableName_isAnErrorAtTheRule() throws IOException {
    assertThat(buildProblems("tables.has(\"heading-origin-points\"", "tables.has(\"heading-points\""))
        .singleElement().asString().startsWith("rules/own.drl:31:")
        .contains("table 'heading-points' is not declared in pack.json");
  }

  @Test
  void undeclaredColumn_isAnErrorAtTheColumn() throws IOException {
    assertThat(buildProblems(".integer(\"points\") >= 20", ".integer(\"point\") >= 20"))
        .containsExactly("rules/own.drl:40:92: table 'heading-origin-points' has no column 'point'; its columns"
            + " are heading, origin, points, factor, reason; did you mean 'points'?");
  }

  @Test
  void columnReadWithTheAccessorOfAnotherType_isAnError() throws IOException {
    assertThat(buildProblems(".bool(\"inspect\") == true", ".text(\"inspect\") == \"true\""))
        .singleElement().asString().startsWith("rules/own.drl:56:67:")
        .endsWith("column 'inspect' of table 'gate-control' is boolean, so it is read with bool(\"inspect\"), not text(...)");
  }

  @Test
  void wrongNumberOfKeys_isAnError() throws IOException {
    assertThat(buildProblems("tables.has(\"heading-origin-points\", hsCode, origin)",
        "tables.has(\"heading-origin-points\", hsCode)"))
        .singleElement().asString().contains("table 'heading-origin-points' is keyed by heading and origin, so has"
            + " takes its name and two keys, was given 1");
  }

  @Test
  void nameThatIsNotQuoted_isAnError() throws IOException {
    assertThat(buildProblems("lists.has(\"risky-gates\", header.borderGate)", "lists.has(header.borderGate, header.borderGate)"))
        .singleElement().asString().contains("name the list in quotes");
  }

  @Test
  void namesInComments_areNotChecked() throws IOException {
    KitPacks.copyTree(PACK, dir);
    Files.writeString(dir.resolve("rules/own.drl"), Files.readString(dir.resolve("rules/own.drl"))
        + "\n// lists.has(\"nothing\", origin) is how a rule asks\n");
    assertThat(RiskEngine.builder().pack(RulePack.fromDirectory(dir)).build()).isNotNull();
  }

  @Test
  void listsGlobal_inAPackThatDeclaresNoLists_isRefusedAtTheGlobal() throws IOException {
    KitPacks.copyTree(TestDeclarations.pack("basic"), dir);
    Files.writeString(dir.resolve("rules/lists.drl"), "package test.basic;\n\n"
        + "global io.riskgate.reference.Lists lists;\n");
    assertThatThrownBy(() -> RiskEngine.builder().pack(RulePack.fromDirectory(dir)).build())
        .isInstanceOf(RulePackException.class)
        .hasMessageContaining("rules/lists.drl:3:1: global 'lists' has no data: pack.json declares no lists");
  }
}
