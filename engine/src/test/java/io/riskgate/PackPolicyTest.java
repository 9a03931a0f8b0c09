package io.riskgate;

import static io.riskgate.TestDeclarations.declaration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a pack may use by default, and the integrator's opt-in. The corpus of broken packs
 * (examples' BrokenPacksTest) has one refused pack per forbidden construct; this class checks what
 * must stay allowed, and that an opt-in allows exactly what it names.
 */
class PackPolicyTest {
  private static final String HEAD = String.join("\n",
      "package test.policy;",
      "import io.riskgate.Channel;",
      "import io.riskgate.declaration.Declaration;",
      "import io.riskgate.declaration.Line;",
      "import java.util.List;",
      "import java.util.ArrayList;",
      "import java.math.BigDecimal;",
      "global io.riskgate.Risk risk;",
      "");

  @TempDir
  Path dir;

  private RulePack pack(String drl) throws IOException {
    Files.createDirectories(dir.resolve("rules"));
    Files.writeString(dir.resolve("pack.json"), "{\"id\": \"policy\", \"version\": \"1\","
        + " \"thresholds\": {\"yellow\": 30, \"red\": 70}, \"randomRates\": {\"yellow\": 0, \"red\": 0},"
        + " \"seed\": 1}");
    Files.writeString(dir.resolve("rules/policy.drl"), HEAD + drl);
    return RulePack.fromDirectory(dir);
  }

  @Test
  void whatACriterionNeeds_isAllowed() throws IOException {
    RulePack pack = pack(String.join("\n",
        "function String joined(List parts) {",
        "  StringBuilder text = new StringBuilder();",
        "  for (Object part : parts) { text.append(part).append(' '); }",
        "  return text.toString().strip();",
        "}",
        "rule \"Everything allowed\" @code(\"OK-1\")",
        "when",
        "  $l : Line( $d : declaration, quantity > 0, hsCode str[startsWith] \"85\" )",
        "  Line( declaration == $d, this != $l )",
        "then",
        "  List<String> parts = new ArrayList<>();",
        "  parts.add($l.hsCode());",
        "  parts.removeIf(p -> p.isEmpty());",
        "  int[] small = new int[4];",
        "  BigDecimal twice = $l.quantity().multiply(BigDecimal.valueOf(2));",
        "  java.time.LocalDate day = java.time.LocalDate.of(2026, 1, 1);",
        "  int total = 0;",
        "  total += Math.max(small.length, 1);",
        "  risk.hit($d, total, Channel.YELLOW, joined(parts) + \" \" + twice.toPlainString() + \" \" + day);",
        "end",
        ""));

    RiskEngine engine = RiskEngine.builder().pack(pack).build();

    Assessment assessment = engine.assess(declaration("P-1").item("85171300").item("85171300").build());
    assertThat(assessment.hits()).extracting(Hit::code).containsOnly("OK-1");
  }

  @Test
  void optIn_allowsTheClassItNamesAndNothingElse() throws IOException {
    RulePack pack = pack(String.join("\n",
        "rule \"Counts with an atomic\" @code(\"OPT-1\")",
        "when",
        "  $d : Declaration()",
        "then",
        "  java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();",
        "  risk.hit($d, count.incrementAndGet(), \"counted\");",
        "end",
        ""));

    assertThatThrownBy(() -> RiskEngine.builder().pack(pack).build())
        .isInstanceOf(RulePackException.class)
        .hasMessageContaining("rules/policy.drl:13:")
        .hasMessageContaining("'java.util.concurrent.atomic.AtomicInteger' is not allowed in a pack");
    assertThatThrownBy(() -> RiskEngine.builder().pack(pack).allowInPacks("java.util.concurrent.atomic.AtomicLong").build())
        .isInstanceOf(RulePackException.class)
        .hasMessageContaining("AtomicInteger");

    RiskEngine engine = RiskEngine.builder().pack(pack).allowInPacks("java.util.concurrent.atomic.*").build();
    assertThat(engine.assess(declaration("P-2").build()).hits()).extracting(Hit::code).containsOnly("OPT-1");

    // The compiled pack is cached with the policy it passed: a default engine checks it again.
    assertThatThrownBy(() -> RiskEngine.builder().pack(pack).build()).isInstanceOf(RulePackException.class);
  }

  @Test
  void optIn_namesAreChecked() {
    assertThatThrownBy(() -> RiskEngine.builder().allowInPacks("Runtime"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fully qualified class names or packages ending in '.*', was 'Runtime'");
  }

  @Test
  void refusedPack_isNeverCompiled_andEveryRefusalIsListed() throws IOException {
    RulePack pack = pack(String.join("\n",
        "rule \"Two refusals and a type error\" @code(\"BAD-1\")",
        "when",
        "  $d : Declaration()",
        "then",
        "  System.exit(0);",
        "  int x = \"not a number\";",
        "  new Thread(() -> {}).start();",
        "end",
        ""));

    assertThatThrownBy(() -> RiskEngine.builder().pack(pack).build())
        .isInstanceOfSatisfying(RulePackException.class, e -> {
          assertThat(e.problems()).extracting(RulePackException.Problem::toString).containsExactly(
              "rules/policy.drl:13:3: 'java.lang.System' is not allowed in a pack: it can stop the engine,"
                  + " run programs or read the host (what a pack may use: docs/rule-authoring.md, 'What a pack may do')",
              "rules/policy.drl:15:7: 'java.lang.Thread' is not allowed in a pack: it starts or controls threads"
                  + " (what a pack may use: docs/rule-authoring.md, 'What a pack may do')");
        });
  }
}
