package io.riskgate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulePackTest {
  @TempDir
  Path temp;

  private Path copyOfBasic() throws IOException {
    Path pack = temp.resolve("pack");
    Files.createDirectories(pack.resolve("rules"));
    Path basic = TestDeclarations.pack("basic");
    Files.copy(basic.resolve("pack.json"), pack.resolve("pack.json"));
    Files.copy(basic.resolve("rules/criteria.drl"), pack.resolve("rules/criteria.drl"));
    return pack;
  }

  /** Writes rules/NAME.drl with one rule, declared on line 5, that matches any declaration. */
  private static void writeOneRule(Path pack, String name, String rule, String attributes) throws IOException {
    Files.writeString(pack.resolve("rules/" + name + ".drl"), String.join("\n",
        "package test." + name + ";",
        "import io.riskgate.declaration.Declaration;",
        "global io.riskgate.Risk risk;",
        "",
        "rule \"" + rule + "\"",
        attributes,
        "when",
        "  $d : Declaration()",
        "then",
        "end",
        ""));
  }

  @Test
  void brokenDrl_reportsEveryErrorWithFileLineAndColumn() throws IOException {
    Path pack = copyOfBasic();
    Files.writeString(pack.resolve("rules/broken-syntax.drl"), String.join("\n",
        "package test.broken;",
        "import io.riskgate.declaration.Declaration;",
        "rule \"Missing value\"",
        "when",
        "  Declaration( header.borderGate == )",
        "then",
        "end",
        ""));
    Files.writeString(pack.resolve("rules/broken-types.drl"), String.join("\n",
        "package test.broken2;",
        "import io.riskgate.declaration.Declaration;",
        "global io.riskgate.Risk risk;",
        "",
        "rule \"Unknown field\"",
        "when",
        "  $d : Declaration( header.noSuchField == 1 )",
        "then",
        "end",
        "",
        "rule \"Bad consequence\"",
        "when",
        "  $d : Declaration()",
        "then",
        "  int x = \"text\";",
        "end",
        ""));

    assertThatThrownBy(() -> RiskEngine.builder().pack(RulePack.fromDirectory(pack)).build())
        .isInstanceOfSatisfying(RulePackException.class, e -> {
          assertThat(e.problems()).extracting(RulePackException.Problem::path)
              .contains("rules/broken-syntax.drl", "rules/broken-types.drl");
          assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo("rules/broken-syntax.drl");
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.column()).isPositive();
          });
          assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo("rules/broken-types.drl");
            assertThat(p.line()).isEqualTo(7);
            assertThat(p.message()).contains("noSuchField");
          });
          assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo("rules/broken-types.drl");
            // Drools locates errors in a consequence at the rule's first line.
            assertThat(p.line()).isEqualTo(11);
            assertThat(p.message()).contains("Type mismatch");
          });
          assertThat(e.getMessage()).startsWith("rule pack " + pack + " does not load (")
              .contains("rules/broken-syntax.drl:5:")
              .contains("rules/broken-types.drl:7:")
              .doesNotContain("Parser returned a null Package")
              .doesNotContain("Exception");
        });
  }

  @Test
  void duplicateCriterionCode_isACompileError() throws IOException {
    Path pack = copyOfBasic();
    writeOneRule(pack, "more", "Another value rule", "  @code(\"T-VALUE\")");
    assertRefusedAt(pack, "rules/more.drl:5:6: criterion code T-VALUE is used by rules");
  }

  @Test
  void unboundGlobal_isAPackErrorAtItsDeclaration() throws IOException {
    Path pack = copyOfBasic();
    Files.writeString(pack.resolve("rules/global.drl"),
        "package test.global;\n\nglobal java.util.Map tariffs;\n");
    assertRefusedAt(pack, "rules/global.drl:3:1: global 'tariffs' is declared but not bound");

    RiskEngine bound = RiskEngine.builder().pack(RulePack.fromDirectory(pack))
        .global("tariffs", java.util.Map.of()).build();
    assertThat(bound.pack().id()).isEqualTo("basic");
  }

  @Test
  void globalOfAPackDeclaredTypeBoundToTheWrongType_isAPackErrorAtLoadNotAtEveryAssessment() throws IOException {
    Path pack = copyOfBasic();
    Files.writeString(pack.resolve("rules/limits.drl"), String.join("\n",
        "package test.limits;",
        "",
        "declare Limits",
        "  maximum : int",
        "end",
        "",
        "global Limits limits;",
        ""));
    assertThatThrownBy(() -> RiskEngine.builder().pack(RulePack.fromDirectory(pack)).global("limits", "x").build())
        .isInstanceOf(RulePackException.class)
        .hasMessageContaining("rules/limits.drl:7:1: global 'limits' cannot be bound to a java.lang.String");
  }

  @Test
  void activationGroup_isRefusedWithTheRuleLocated() throws IOException {
    Path pack = copyOfBasic();
    writeOneRule(pack, "groups", "One of two", "  @code(\"G-1\")\n  activation-group \"either\"");
    assertRefusedAt(pack, "rules/groups.drl:5:6: rule 'One of two' is in activation-group 'either'");
  }

  @Test
  void invalidManifest_namesTheFileAndTheRule() throws IOException {
    Path pack = copyOfBasic();
    Files.writeString(pack.resolve("pack.json"), "{\"id\": \"x\", \"version\": \"1\", \"thresholds\": {\"yellow\": 50,"
        + " \"red\": 20}, \"randomRates\": {\"yellow\": 0, \"red\": 0}, \"seed\": 1}");
    assertThatThrownBy(() -> RulePack.fromDirectory(pack))
        .isInstanceOf(RulePackException.class)
        .hasMessageContaining("pack.json:1:43: thresholds must satisfy 1 <= yellow <= red, were yellow 50, red 20");

    Files.writeString(pack.resolve("pack.json"), "{\"id\": \"x\", \"version\": \"1\", \"thresholds\": {\"yellow\": 20,"
        + " \"red\": 50}, \"randomRates\": {\"yellow\": 0, \"red\": 0}}");
    assertThatThrownBy(() -> RulePack.fromDirectory(pack))
        .isInstanceOf(RulePackException.class)
        .hasMessageContaining("pack.json:1:1: seed is required");

    assertThatThrownBy(() -> RulePack.fromDirectory(temp.resolve("nowhere")))
        .isInstanceOf(RulePackException.class)
        .hasMessageContaining("not a folder");
  }

  @Test
  void contentHash_coversRulesAndDataButNotScenarios() throws IOException {
    Path pack = copyOfBasic();
    String before = RulePack.fromDirectory(pack).version().contentHash();
    Files.createDirectories(pack.resolve("scenarios"));
    Files.writeString(pack.resolve("scenarios/s.json"), "{}");
    assertThat(RulePack.fromDirectory(pack).version().contentHash()).isEqualTo(before);
    Files.writeString(pack.resolve("rules/criteria.drl"), "\n// a comment\n", java.nio.file.StandardOpenOption.APPEND);
    assertThat(RulePack.fromDirectory(pack).version().contentHash()).isNotEqualTo(before);
  }

  @Test
  void unchangedPack_isCompiledOnceAndServedFromTheCache() throws IOException {
    RulePack first = RulePack.fromDirectory(copyOfBasic());
    RulePack again = RulePack.fromDirectory(TestDeclarations.pack("basic"));
    assertThat(again.version()).isEqualTo(first.version());
    assertThat(CompiledPack.of(again)).isSameAs(CompiledPack.of(first));
  }

  @Test
  void classpathPack_loadsFromAFolderAndFromAJar() throws IOException {
    RulePack fromFolder = RulePack.fromClasspath("packs/basic");
    assertThat(fromFolder.location()).isEqualTo("classpath:packs/basic");
    assertThat(fromFolder.version()).isEqualTo(RulePack.fromDirectory(TestDeclarations.pack("basic")).version());

    Path jar = temp.resolve("pack.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      add(out, "packs/in-jar/pack.json", Files.readString(TestDeclarations.pack("basic").resolve("pack.json")));
      add(out, "packs/in-jar/rules/criteria.drl",
          Files.readString(TestDeclarations.pack("basic").resolve("rules/criteria.drl")));
    }
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      RulePack fromJar = RulePack.fromClasspath("packs/in-jar", loader);
      assertThat(fromJar.drlPaths()).containsExactly("rules/criteria.drl");
      assertThat(fromJar.version().contentHash()).isEqualTo(fromFolder.version().contentHash());
    }
    assertThatThrownBy(() -> RulePack.fromClasspath("packs/none"))
        .isInstanceOf(RulePackException.class)
        .hasMessageContaining("no pack.json found on the class path");
  }

  private static void add(JarOutputStream jar, String name, String text) throws IOException {
    jar.putNextEntry(new JarEntry(name));
    OutputStream out = jar;
    out.write(text.getBytes(StandardCharsets.UTF_8));
    jar.closeEntry();
  }

  /** Loading the pack fails with a problem located as {@code located} says. */
  private static void assertRefusedAt(Path pack, String located) {
    assertThatThrownBy(() -> RiskEngine.builder().pack(RulePack.fromDirectory(pack)).build())
        .isInstanceOf(RulePackException.class)
        .hasMessageContaining(located);
  }

  @Test
  void criteria_areNamedByTheirRule_andThemedByTheirFileUnlessTheRuleSaysOtherwise() throws IOException {
    Path pack = copyOfBasic();
    writeOneRule(pack, "trader", "Trader with past fraud", "  @code(\"TRD-09\")");
    Files.move(pack.resolve("rules/trader.drl"), pack.resolve("rules/trader-compliance.drl"));
    writeOneRule(pack, "odd_ones", "Odd one", "  @code(\"ODD-01\") @theme(\"valuation\")");

    List<Criterion> criteria = RiskEngine.builder().pack(RulePack.fromDirectory(pack)).build().criteria();

    assertThat(criteria).extracting(Criterion::code, Criterion::rule, Criterion::theme)
        .contains(
            tuple("TRD-09", "Trader with past fraud", "trader compliance"),
            tuple("ODD-01", "Odd one", "valuation"),
            tuple("T-VALUE", "High invoice value", "criteria"));
  }

  @Test
  void criterion_withABlankTheme_isRefused() {
    assertThatThrownBy(() -> new Criterion("X-01", "x", " ", "rules/x.drl", 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("theme of criterion X-01 is blank");
  }
}
