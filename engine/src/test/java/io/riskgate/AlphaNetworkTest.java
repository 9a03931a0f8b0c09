package io.riskgate;

import static io.riskgate.TestDeclarations.declaration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riskgate.declaration.Declaration;
import io.riskgate.internal.drools.AlphaNetwork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.drools.ancompiler.CompiledNetwork;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.EmptyObjectSinkAdapter;
import org.drools.core.reteoo.ObjectSinkPropagator;
import org.drools.core.reteoo.ObjectTypeNode;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.junit.jupiter.api.io.TempDir;

class AlphaNetworkTest {
  /**
   * Conditions written over several lines (the compiler names each condition in a one-line comment
   * of its source), and tests of a line's origin and unit against two literals each: too few for
   * Drools to hash, so the network is compiled.
   */
  private static final String RULES = """
      package test.anc;

      import io.riskgate.declaration.Declaration;
      import io.riskgate.declaration.Line;

      global io.riskgate.Risk risk;

      rule "Gate A" @code("G-A")
      when
        $d : Declaration( header.borderGate == "GATE A" )
      then
        risk.hit($d, 10, "gate A");
      end

      rule "Gate B" @code("G-B")
      when
        $d : Declaration( header.borderGate == "GATE B" )
      then
        risk.hit($d, 20, "gate B");
      end

      rule "Gate C, high value" @code("G-C")
      when
        $d : Declaration( header.borderGate == "GATE C",
                          header.invoiceValue.amount > 5000
                          || header.traderTaxId == "0999999999" )
      then
        risk.hit($d, 40, "gate C with a high value or the watched trader");
      end

      rule "From CN" @code("O-CN") when $l : Line( $d : declaration, origin == "CN" ) then risk.hit($d, 0, "CN"); end
      rule "From VN" @code("O-VN") when $l : Line( $d : declaration, origin == "VN" ) then risk.hit($d, 0, "VN"); end
      rule "In pieces" @code("U-PCE") when $l : Line( $d : declaration, unit == "PCE" ) then risk.hit($d, 0, "PCE"); end
      rule "In kilograms" @code("U-KGM") when $l : Line( $d : declaration, unit == "KGM" ) then risk.hit($d, 0, "KGM"); end

      rule "Weapons line" @code("ARMS")
      when
        $l : Line( $d : declaration,
                   chapter == 93
                   || heading == "3601" )
      then
        risk.hit($d, 80, "item " + $l.line() + " is arms or powder");
      end
      """;

  /**
   * A third literal on each of the two fields: Drools hashes both, and its compiler reads both
   * fields' values with one field's reader (the origin rules never fired), so this network stays
   * Drools' own.
   */
  private static final String INDEXED_RULES = RULES + """
      rule "From KR" @code("O-KR") when $l : Line( $d : declaration, origin == "KR" ) then risk.hit($d, 0, "KR"); end
      rule "In litres" @code("U-LTR") when $l : Line( $d : declaration, unit == "LTR" ) then risk.hit($d, 0, "LTR"); end
      """;

  @TempDir
  Path dir;

  @Test
  void conditions_compileToOneClassPerFactType_andDecideAsWritten() throws IOException {
    RulePack pack = pack("1.0.0", RULES);
    assertThat(networks(pack)).allSatisfy(network -> assertThat(network).isInstanceOf(CompiledNetwork.class));
    assertDecidesAsWritten(pack);
  }

  @Test
  void literalsDroolsIndexes_keepDroolsNetwork_andDecideAsWritten() throws IOException {
    RulePack pack = pack("1.0.1", INDEXED_RULES);
    assertThat(AlphaNetwork.indexesLiterals(CompiledPack.of(pack).kieBase)).isTrue();
    assertThat(networks(pack)).noneSatisfy(network -> assertThat(network).isInstanceOf(CompiledNetwork.class));
    assertDecidesAsWritten(pack);
  }

  @Test
  void compilerTurnedOff_keepsTheInterpretedNetwork_andDecidesTheSame() throws IOException {
    RulePack pack = pack("1.0.2", RULES);
    withProperty(CompiledPack.COMPILATION_PROPERTY, "false", () -> {
      assertThat(networks(pack)).noneSatisfy(network -> assertThat(network).isInstanceOf(CompiledNetwork.class));
      assertDecidesAsWritten(pack);
    });
  }

  @Test
  void compilerFailing_putsTheInterpretedNetworkBack_warns_unlessRequired() throws IOException {
    RulePack pack = pack("1.0.3", RULES);
    List<ObjectSinkPropagator> interpreted = new ArrayList<>();
    withProperty(CompiledPack.COMPILATION_PROPERTY, "false", () -> interpreted.addAll(networks(pack)));
    KieBase kieBase = compiledPack(pack, "false").kieBase;
    // Fails after installing something on one fact type, as a failure while installing would.
    Consumer<KieBase> failing = base -> {
      ((InternalRuleBase) base).getRete().getObjectTypeNodes().stream()
          .filter(type -> type.getObjectType().toString().contains("io.riskgate.declaration.Line"))
          .forEach(type -> type.setObjectSinkPropagator(EmptyObjectSinkAdapter.getInstance()));
      throw new IllegalStateException("generated source does not compile");
    };
    List<LogRecord> warnings = new ArrayList<>();
    Logger logger = Logger.getLogger(AlphaNetwork.class.getName());
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord entry) {
        if (entry.getLevel() == Level.WARNING) {
          warnings.add(entry);
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    logger.addHandler(handler);
    try {
      assertThat(AlphaNetwork.compile(kieBase, "anc", false, failing)).isFalse();
    } finally {
      logger.removeHandler(handler);
    }
    assertThat(warnings).singleElement()
        .satisfies(warning -> assertThat(warning.getThrown()).hasMessage("generated source does not compile"));
    withProperty(CompiledPack.COMPILATION_PROPERTY, "false", () -> {
      assertThat(networks(pack)).containsExactlyElementsOf(interpreted);  // the same objects, put back
      assertDecidesAsWritten(pack);
    });
    assertThatThrownBy(() -> AlphaNetwork.compile(kieBase, "anc", true, failing))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("alpha network compiler) failed")
        .hasRootCauseMessage("generated source does not compile");
  }

  private static CompiledPack compiledPack(RulePack pack, String mode) {
    CompiledPack[] compiled = new CompiledPack[1];
    withProperty(CompiledPack.COMPILATION_PROPERTY, mode, () -> compiled[0] = CompiledPack.of(pack));
    return compiled[0];
  }

  @Test
  void builderSetting_choosesTheCompilation_overTheTestsProperty() throws IOException {
    RulePack pack = pack("1.0.4", RULES);
    PackCache cache = PackCache.ofMaximumSize(4);
    RiskEngine off = RiskEngine.builder().pack(pack).packCache(cache).conditionCompilation(ConditionCompilation.OFF).build();
    RiskEngine auto = RiskEngine.builder().pack(pack).packCache(cache).conditionCompilation(ConditionCompilation.AUTO).build();

    assertThat(typeNetworks(CompiledPack.of(pack, PackPolicy.defaults(), ConditionCompilation.OFF, cache)))
        .noneSatisfy(network -> assertThat(network).isInstanceOf(CompiledNetwork.class));
    assertThat(typeNetworks(CompiledPack.of(pack, PackPolicy.defaults(), ConditionCompilation.AUTO, cache)))
        .allSatisfy(network -> assertThat(network).isInstanceOf(CompiledNetwork.class));
    Declaration declaration = TestDeclarations.declaration("B-1").invoice("20000").build();
    assertThat(off.assess(declaration).hits()).isEqualTo(auto.assess(declaration).hits());
  }

  @Test
  void packCache_ofItsOwn_compilesAgain_andTheSharedOneDoesNot() throws IOException {
    RulePack pack = pack("1.0.5", RULES);
    PackCache none = PackCache.ofMaximumSize(0);
    CompiledPack shared = CompiledPack.of(pack, PackPolicy.defaults(), ConditionCompilation.AUTO, PackCache.shared());

    assertThat(CompiledPack.of(pack, PackPolicy.defaults(), ConditionCompilation.AUTO, PackCache.shared())).isSameAs(shared);
    assertThat(CompiledPack.of(pack, PackPolicy.defaults(), ConditionCompilation.AUTO, none)).isNotSameAs(shared);
    assertThatThrownBy(() -> PackCache.ofMaximumSize(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maximumSize must be between 0 and 1,000, was -1");
  }

  /** The reference pack, beside this module in the repository, is one the compiler takes. */
  @Test
  void referencePack_isCompiled() {
    RulePack pack = RulePack.fromDirectory(Path.of("../rules/src/main/resources/riskgate/packs/vn-baseline"));
    assertThat(AlphaNetwork.indexesLiterals(CompiledPack.of(pack).kieBase)).isFalse();
    assertThat(networks(pack)).allSatisfy(network -> assertThat(network).isInstanceOf(CompiledNetwork.class));
  }

  /** Runs {@code body} with a system property set, then restores the value it had. */
  private static void withProperty(String name, String value, Runnable body) {
    String before = System.getProperty(name);
    System.setProperty(name, value);
    try {
      body.run();
    } finally {
      if (before == null) {
        System.clearProperty(name);
      } else {
        System.setProperty(name, before);
      }
    }
  }

  private RulePack pack(String version, String rules) throws IOException {
    Files.writeString(dir.resolve("pack.json"), """
        {"id": "anc", "version": "%s", "thresholds": {"yellow": 30, "red": 70},
         "randomRates": {"yellow": 0, "red": 0}, "seed": 1}
        """.formatted(version));
    Files.createDirectories(dir.resolve("rules"));
    Files.writeString(dir.resolve("rules/anc.drl"), rules);
    return RulePack.fromDirectory(dir);
  }

  /** What runs the conditions on each fact type the pack matches: a compiled network or Drools' nodes. */
  private static List<ObjectSinkPropagator> networks(RulePack pack) {
    return typeNetworks(CompiledPack.of(pack));
  }

  private static List<ObjectSinkPropagator> typeNetworks(CompiledPack compiled) {
    List<ObjectTypeNode> types = ((InternalRuleBase) compiled.kieBase).getRete().getObjectTypeNodes();
    List<ObjectSinkPropagator> networks = types.stream()
        .filter(type -> type.getObjectType().toString().contains("io.riskgate.declaration."))
        .map(ObjectTypeNode::getObjectSinkPropagator)
        .toList();
    assertThat(networks).hasSize(2);  // Declaration and Line
    return networks;
  }

  private static void assertDecidesAsWritten(RulePack pack) {
    RiskEngine engine = RiskEngine.builder().pack(pack).build();
    // Every test line is of CN origin, in pieces.
    assertThat(codes(engine.assess(declaration("D-A").gate("GATE A").build())))
        .containsExactlyInAnyOrder("G-A", "O-CN", "U-PCE");
    assertThat(codes(engine.assess(declaration("D-B").gate("GATE B").build())))
        .containsExactlyInAnyOrder("G-B", "O-CN", "U-PCE");
    assertThat(codes(engine.assess(declaration("D-C").gate("GATE C").build())))
        .containsExactlyInAnyOrder("O-CN", "U-PCE");
    assertThat(codes(engine.assess(declaration("D-C2").gate("GATE C").invoice("9000").build())))
        .containsExactlyInAnyOrder("G-C", "O-CN", "U-PCE");
    assertThat(codes(engine.assess(declaration("D-C3").gate("GATE C").trader("0999999999").build())))
        .containsExactlyInAnyOrder("G-C", "O-CN", "U-PCE");
    Assessment arms = engine.assess(declaration("D-ARMS").gate("GATE B").item("36010000").item("93011000").build());
    assertThat(codes(arms)).containsExactlyInAnyOrder("G-B", "ARMS", "ARMS", "O-CN", "O-CN", "U-PCE", "U-PCE");
    assertThat(arms.hits()).filteredOn(hit -> hit.code().equals("ARMS")).extracting(Hit::reason)
        .containsExactlyInAnyOrder("item 1 is arms or powder", "item 2 is arms or powder");
    assertThat(arms.score()).isEqualTo(100);  // a criterion counts once
    assertThat(arms.channel()).isEqualTo(Channel.RED);
  }

  private static List<String> codes(Assessment assessment) {
    return assessment.hits().stream().map(Hit::code).toList();
  }
}
