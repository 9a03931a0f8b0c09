package io.riskgate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision tables in a pack's rules/: the test pack {@code packs/decision-table} holds an office x
 * procedure table as CSV; the XLSX cases write the same table as a workbook.
 */
class DecisionTableTest {
  private static final Path PACK = TestDeclarations.pack("decision-table");
  private static final String TABLE = "rules/office-procedure.csv";

  @TempDir
  Path temp;

  /** A copy of the test pack whose table is {@code csv} (as CSV, or as an XLSX sheet "Offices"). */
  private Path packWith(String csv, boolean xlsx) throws IOException {
    Path pack = temp.resolve("pack");
    Files.createDirectories(pack.resolve("rules"));
    Files.copy(PACK.resolve("pack.json"), pack.resolve("pack.json"));
    if (xlsx) {
      DecisionTableWorkbook.write(pack.resolve("rules/office-procedure.xlsx"), Map.of("Offices", csv));
    } else {
      Files.writeString(pack.resolve(TABLE), csv, StandardCharsets.UTF_8);
    }
    return pack;
  }

  private static String table() throws IOException {
    return Files.readString(PACK.resolve(TABLE), StandardCharsets.UTF_8);
  }

  private static void assertRefused(Path pack, String... located) {
    assertThatThrownBy(() -> RiskEngine.builder().pack(RulePack.fromDirectory(pack)).build())
        .isInstanceOf(RulePackException.class)
        .satisfies(e -> {
          for (String place : located) {
            assertThat(e.getMessage()).contains(place);
          }
        });
  }

  @Test
  void csvTable_rowsAreCriteriaLocatedAtTheirRows_andHitLikeDrl() {
    RiskEngine engine = RiskEngine.builder().pack(RulePack.fromDirectory(PACK)).build();

    assertThat(engine.criteria()).extracting(Criterion::code, Criterion::rule, Criterion::theme, Criterion::path,
        Criterion::line, Criterion::column).containsExactly(
            tuple("OXP-01", "Temporary imports at Tan Thanh", "office procedure", TABLE, 10, 1),
            tuple("OXP-02", "Processing imports at Cat Lai", "office procedure", TABLE, 11, 1));
    Assessment assessment = engine.assess(TestDeclarations.declaration("DT-1").build());
    assertThat(assessment.channel()).isEqualTo(Channel.YELLOW);
    assertThat(assessment.hits()).extracting(Hit::code, Hit::points, Hit::reason).containsExactly(
        tuple("OXP-01", 35, "office 20BC, procedure A11: on the office x procedure table"));
  }

  @Test
  void xlsxTable_compilesToTheSameCriteria_locatedOnItsSheet() throws IOException {
    Path pack = packWith(table(), true);
    RiskEngine engine = RiskEngine.builder().pack(RulePack.fromDirectory(pack)).build();

    assertThat(engine.criteria()).extracting(Criterion::code, Criterion::path, Criterion::line)
        .containsExactly(tuple("OXP-01", "rules/office-procedure.xlsx", 10),
            tuple("OXP-02", "rules/office-procedure.xlsx", 11));
    assertThat(engine.assess(TestDeclarations.declaration("DT-2").build()).hits())
        .extracting(Hit::code).containsExactly("OXP-01");
  }

  @Test
  void syntaxErrorInAConditionCell_isReportedAtTheCell() throws IOException {
    String broken = table().replace("header.customsOffice,", "header.customsOffice == $param,")
        .replace("Cat Lai,OXP-02,02CI,", "Cat Lai,OXP-02,\"02CI\" )),");
    assertRefused(packWith(broken, false), "rules/office-procedure.csv:11:3: cell C11: ");
  }

  @Test
  void syntaxErrorInAConditionCell_ofAWorkbook_namesTheSheet() throws IOException {
    String broken = table().replace("header.customsOffice,", "header.customsOffice == $param,")
        .replace("Cat Lai,OXP-02,02CI,", "Cat Lai,OXP-02,\"02CI\" )),");
    assertRefused(packWith(broken, true), "rules/office-procedure.xlsx:11:3: sheet 'Offices', cell C11: ");
  }

  @Test
  void forbiddenCodeInAnActionCell_isRefusedAtTheCell_beforeCompiling() throws IOException {
    String broken = table().replace("\"10, GREEN\"", "\"10, GREEN); System.exit(1); risk.hit($d, 0, Channel.GREEN\"");
    assertRefused(packWith(broken, false), "rules/office-procedure.csv:11:5: cell E11: ", "System");
  }

  @Test
  void javaErrorInAnAction_isReportedAtTheActionCell_notAtTheRuleName() throws IOException {
    String broken = table().replace("\"35, YELLOW\"", "\"35, PURPLE\"");
    assertRefused(packWith(broken, false), "rules/office-procedure.csv:10:5: cell E10: ");
  }

  @Test
  void misspeltColumnHeader_isRefusedAtItsCell_withTheHeaderItMeant() throws IOException {
    String broken = table().replace("NAME,METADATA,CONDITION,CONDITION", "NAME,METADATA,CONDITION,CONDITON");
    assertRefused(packWith(broken, false),
        "rules/office-procedure.csv:6:4: cell D6: unknown column header 'CONDITON' (did you mean CONDITION?)");
  }

  @Test
  void clockAttributeColumn_isRefusedLikeInDrl() throws IOException {
    String broken = table()
        .replace("NAME,METADATA,CONDITION,CONDITION,ACTION", "NAME,METADATA,CONDITION,CONDITION,ACTION,TIMER")
        .replace("\"35, YELLOW\"", "\"35, YELLOW\",int: 1s");
    assertRefused(packWith(broken, false), "rules/office-procedure.csv:10:6: cell F10: ", "timer");
  }

  @Test
  void duplicateCodeAcrossTableRows_isLocatedAtTheSecondRow() throws IOException {
    String broken = table().replace("OXP-02", "OXP-01");
    assertRefused(packWith(broken, false), "rules/office-procedure.csv:", "criterion code OXP-01 is used by rules");
  }

  @Test
  void fileThatIsNotAWorkbook_isRefusedNamingTheFile() throws IOException {
    Path pack = packWith(table(), false);
    Files.writeString(pack.resolve("rules/notes.xlsx"), "not a workbook");
    assertRefused(pack, "rules/notes.xlsx:0:0: not a readable .xlsx workbook");
  }

  @Test
  void tableChange_changesThePacksContentHash() throws IOException {
    Path pack = packWith(table(), false);
    PackVersion before = RulePack.fromDirectory(pack).version();
    Files.writeString(pack.resolve(TABLE), table().replace("\"35, YELLOW\"", "\"36, YELLOW\""));
    assertThat(RulePack.fromDirectory(pack).version().contentHash()).isNotEqualTo(before.contentHash());
  }

  @Test
  void unboundGlobalOfATable_isReportedAtItsVariablesCell() throws IOException {
    String broken = table().replace("Variables,io.riskgate.Risk risk",
        "Variables,\"io.riskgate.Risk risk, io.riskgate.reference.TraderRegistry traders\"");
    assertRefused(packWith(broken, false), "rules/office-procedure.csv:3:2: cell B3: ", "traders");
  }

  @Test
  void literalOfTheWrongKindInACell_isReportedAtTheCell() throws IOException {
    // header.packages is a number: "$param" in quotes makes every row compare it with a text.
    String broken = table().replace("header.customsOffice,", "\"header.packages == \"\"$param\"\"\",")
        .replace("Cat Lai,OXP-02,02CI,", "Cat Lai,OXP-02,ten,");
    assertRefused(packWith(broken, false), "rules/office-procedure.csv:11:3: cell C11: ");
  }
}
