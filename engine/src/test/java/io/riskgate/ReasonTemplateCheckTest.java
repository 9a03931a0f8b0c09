package io.riskgate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reason templates written in a rule are checked against the evidence names after them when the
 * pack is built, and a mistake is located at the placeholder.
 */
class ReasonTemplateCheckTest {
  private static final Path PACK = TestDeclarations.pack("evidence");

  @TempDir
  Path dir;

  @Test
  void placeholderWithoutValue_writtenInTheRule_isABuildErrorAtThePlaceholder() throws Exception {
    List<String> problems = buildProblems("\"hs\", $l.hsCode());", "\"hsCode\", $l.hsCode());");
    assertThat(problems).containsExactly("rules/evidence.drl:26:67: reason template placeholder {hs} has no value:"
        + " give it after the template as \"hs\", value; the values given are hsCode, item");
  }

  @Test
  void placeholderWithoutValue_inATemplateSplitOverLines_isLocatedInItsPart() throws Exception {
    List<String> problems = buildProblems("(registered {registeredAt})", "(registered {registered})");
    assertThat(problems).singleElement().asString().startsWith("rules/evidence.drl:15:99: reason template placeholder"
        + " {registered} has no value");
  }

  @Test
  void plainReasonWithAPlaceholder_andAMalformedTemplate_areBuildErrors() throws Exception {
    assertThat(buildProblems("\"border gate \" + $d.header().borderGate() + \" is on the risk list\"",
        "\"the border gate is on the {list} list\""))
        .singleElement().asString().contains("rules/evidence.drl:").contains("{list} has no value");
    assertThat(buildProblems("is a medicine\"", "is a medicine {\"")).singleElement().asString()
        .contains("reason template has a '{' with no '}'");
    assertThat(buildProblems("{limit:#,##0}", "{limit:#,##0.x}")).singleElement().asString()
        .contains("unknown number format '#,##0.x'");
  }

  private List<String> buildProblems(String from, String to) throws Exception {
    Files.createDirectories(dir.resolve("rules"));
    Files.copy(PACK.resolve("pack.json"), dir.resolve("pack.json"), StandardCopyOption.REPLACE_EXISTING);
    String drl = Files.readString(PACK.resolve("rules/evidence.drl"));
    assertThat(drl).contains(from);
    Files.writeString(dir.resolve("rules/evidence.drl"), drl.replace(from, to));
    try {
      RiskEngine.builder().pack(RulePack.fromDirectory(dir)).build();
    } catch (RulePackException e) {
      return e.problems().stream().map(Object::toString).toList();
    }
    throw new AssertionError("the pack built");
  }
}
