package io.riskgate.internal.drools;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskgate.RiskgateJson;
import io.riskgate.declaration.Declaration;
import io.riskgate.declaration.Line;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.drools.drl.ast.descr.PackageDescr;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.KeepReferenceOption;
import org.kie.api.runtime.conf.ThreadSafeOption;

/**
 * Canaries of the Drools seam: each fails when a fast path the engine relies on is silently
 * inactive after a Drools upgrade (the engine would still decide the same, only slower, so no
 * behaviour test would notice). The alpha network's canary is AlphaNetworkTest's
 * referencePack_isCompiled.
 */
class DroolsSeamTest {
  private static final String DRL = String.join("\n",
      "package seam;",
      "import io.riskgate.declaration.Line;",
      "global java.util.List seen;",
      "rule \"Line\" activation-group \"only-here\"",
      "when",
      "  $l : Line( hsCode != null )",
      "then",
      "  seen.add($l.hsCode());",
      "end",
      "");

  private static KieBase kieBase() {
    KieServices services = KieServices.get();
    KieFileSystem files = services.newKieFileSystem();
    files.write("src/main/resources/seam/seam.drl", DRL);
    KieBuilder builder = services.newKieBuilder(files).buildAll();
    assertThat(builder.getResults().getMessages(Message.Level.ERROR)).isEmpty();
    return services.newKieContainer(services.getRepository().getDefaultReleaseId()).getKieBase();
  }

  /** The engine's session configuration. */
  private static KieSessionConfiguration configuration() {
    KieSessionConfiguration configuration = KieServices.get().newKieSessionConfiguration();
    configuration.setOption(KeepReferenceOption.NO);
    configuration.setOption(ThreadSafeOption.NO);
    return configuration;
  }

  private static Declaration declaration() throws IOException {
    return RiskgateJson.defaults().readDeclaration(
        Files.readString(Path.of("../examples/declarations/import-vehicle-parts.json")));
  }

  @Test
  void sessions_resolveGlobalsFast_andResetForReuse() throws IOException {
    KieSession session = Sessions.open(kieBase(), configuration());
    assertThat(Sessions.resolvesGlobalsFast(session)).as("globals through SessionGlobals").isTrue();
    List<String> seen = new ArrayList<>();
    session.setGlobal("seen", seen);
    Declaration declaration = declaration();
    session.insert(new Line(declaration, declaration.items().get(0)));
    session.fireAllRules();
    assertThat(seen).hasSize(1);

    assertThat(Sessions.reset(session)).as("reset for reuse").isTrue();
    assertThat(session.getFactCount()).isZero();
    assertThat(Sessions.resolvesGlobalsFast(session)).as("the resolver survives the reset").isTrue();
    assertThat(session.getGlobal("seen")).as("no global of the last batch").isNull();
    session.dispose();
  }

  @Test
  void matches_walkTheTuple_toTheDeclaration() throws IOException {
    KieSession session = Sessions.open(kieBase(), configuration());
    session.setGlobal("seen", new ArrayList<String>());
    Declaration declaration = declaration();
    session.insert(new Line(declaration, declaration.items().get(0)));
    List<Object> found = new ArrayList<>();
    List<Boolean> walked = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    session.fireAllRules(match -> {
      walked.add(Matches.walksTuple(match));
      found.add(Matches.declarationOf(match, "none"));
      Rule rule = match.getRule();
      groups.add(Rules.activationGroup(rule));
      return true;
    });
    session.dispose();

    assertThat(walked).containsExactly(true);
    assertThat(found).containsExactly(declaration);
    assertThat(groups).containsExactly("only-here");
  }

  @Test
  void drlParser_readsTheReferencePack_andRefusesBrokenText() throws IOException {
    Path rules = Path.of("../rules/src/main/resources/riskgate/packs/vn-baseline/rules");
    int count = 0;
    try (var files = Files.list(rules)) {
      for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".drl"))::iterator) {
        PackageDescr descr = Rules.parse(Files.readString(file));
        assertThat(descr).as(file.toString()).isNotNull();
        count += descr.getRules().size();
      }
    }
    assertThat(count).isGreaterThanOrEqualTo(30);
    assertThat(Rules.parse("package x; rule \"r\" when Declaration( == ) then end")).isNull();
  }
}
