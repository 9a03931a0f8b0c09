package io.riskgate;

import java.util.Collection;
import org.drools.ancompiler.KieBaseUpdaterANC;
import org.drools.core.impl.RuleBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.builder.model.KieBaseModel;
import org.kie.api.runtime.KieContainer;
import org.kie.internal.conf.AlphaRangeIndexThresholdOption;
import org.kie.internal.conf.AlphaThresholdOption;

/**
 * A pack's KieBase with Drools' alpha network compiler applied: for each fact type, the conditions
 * on one fact (all of vn-baseline's) become one generated Java class that tests them in turn,
 * instead of a walk over Drools' node objects for every inserted fact.
 *
 * <p>Why: that walk (the sink adapters and alpha nodes around the conditions) was about a tenth of
 * assessing (JFR); with the network compiled the engine was 8.9-15.4% faster on the realistic mix
 * at the median of three comparisons in turns, faster in every JVM (the benchmark README, item 23
 * and Run AE).
 *
 * <p>Why without Drools' hashing and range indexes of literal tests: Drools 10.1's compiler keeps
 * one value map and one field reader per fact type, so a pack that tests two fields against
 * literals in enough rules (Drools hashes a field at three) gets the values of both looked up
 * with one field's reader, and rules on the other never fire: the generated 120-rule pack lost
 * nine criteria that way (GeneratedPackTest). Without them every test is compiled as written, in
 * turn, and tests compare the compiled network with the interpreted one on generated packs.
 *
 * <p>Fails safe: if the generated source does not compile (or the JDK's compiler, the
 * {@code java.compiler} module, is missing at run time), the pack gets Drools' interpreted network
 * (with its hashing), which decides the same more slowly, and a warning says so. The system
 * property {@value #PROPERTY} turns the compiler off ({@code false}), or makes such a failure fail
 * the pack load instead ({@code required}, which the project's own tests use, so that no test
 * passes on the interpreted network by accident).
 */
final class AlphaNetwork {
  /** System property: {@code false} keeps Drools' interpreted network; {@code required} refuses it. */
  static final String PROPERTY = "riskgate.alphaNetworkCompiler";
  private static final System.Logger LOG = System.getLogger(AlphaNetwork.class.getName());

  private AlphaNetwork() {}

  /** How this JVM's packs get their network: a part of the compiled-pack cache's key. */
  static String mode() {
    String value = System.getProperty(PROPERTY, "true");
    return value.equalsIgnoreCase("false") ? "interpreted"
        : value.equalsIgnoreCase("required") ? "required" : "compiled";
  }

  /** The KieBase of {@code container}'s pack, its alpha network compiled unless turned off or failed. */
  static KieBase kieBase(KieContainer container, String pack) {
    String mode = mode();
    if (mode.equals("interpreted")) {
      return container.getKieBase();
    }
    // Configured as getKieBase() configures the module's one rule base (its model's options, its
    // class loader), so that only the two options below differ between the two networks.
    Collection<String> names = container.getKieBaseNames();
    KieBaseModel model = container.getKieBaseModel(names.iterator().next());
    KieBaseConfiguration configuration = RuleBaseFactory.newKnowledgeBaseConfiguration(null, container.getClassLoader());
    configuration.setOption(model.getEqualsBehavior());
    configuration.setOption(model.getEventProcessingMode());
    configuration.setOption(model.getDeclarativeAgenda());
    configuration.setOption(model.getSequential());
    configuration.setOption(model.getSessionsPool());
    configuration.setOption(model.getMutability());
    configuration.setOption(AlphaThresholdOption.get(0));  // 0: never hash
    configuration.setOption(AlphaRangeIndexThresholdOption.get(0));  // 0: never range-index
    KieBase kieBase = container.newKieBase(configuration);
    try {
      // Drools compiles every fact type's network before it installs any.
      KieBaseUpdaterANC.generateAndSetInMemoryANC(kieBase);
      return kieBase;
    } catch (RuntimeException | LinkageError e) {
      if (mode.equals("required")) {
        throw new IllegalStateException("pack " + pack + ": Drools' alpha network compiler failed and "
            + PROPERTY + "=required", e);
      }
      LOG.log(System.Logger.Level.WARNING, () -> "pack " + pack + ": Drools' alpha network compiler failed; "
          + "the pack runs on the interpreted network, with the same results, more slowly", e);
      return container.getKieBase();
    }
  }
}
