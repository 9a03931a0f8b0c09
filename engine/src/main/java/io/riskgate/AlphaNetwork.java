package io.riskgate;

import org.drools.ancompiler.KieBaseUpdaterANC;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieContainer;
import org.kie.internal.conf.AlphaRangeIndexThresholdOption;
import org.kie.internal.conf.AlphaThresholdOption;

/**
 * A pack's KieBase with Drools' alpha network compiler applied: for each fact type, the conditions
 * on one fact (all of vn-baseline's) become one generated Java class that tests them in turn,
 * instead of a walk over Drools' node objects for every inserted fact.
 *
 * <p>Why: that walk (the sink adapters and alpha nodes around the conditions) was about a tenth of
 * assessing (JFR); the compiled network took 9-15% off the engine's time on the realistic mix, in
 * every JVM of three comparisons (the benchmark README, item 23 and Run AE).
 *
 * <p>Why without Drools' hashing and range indexes of literal tests: Drools 10.1's compiler keeps
 * one value map and one field reader per fact type, so a pack that tests two fields against
 * literals in enough rules (Drools hashes a field at three) gets the values of both looked up
 * with one field's reader, and rules on the other never fire: the generated 120-rule pack lost
 * nine criteria that way (GeneratedPackTest). Without them every test is compiled as written, in
 * turn; an equality test on a string is a few nanoseconds, and a test of the network compiled
 * against the interpreted one on a generated pack guards the equivalence.
 *
 * <p>Fails safe: if the generated source does not compile, the pack gets Drools' interpreted
 * network (with its hashing), which decides the same more slowly, and a warning says so. The system
 * property {@value #PROPERTY}{@code =false} turns the compiler off.
 */
final class AlphaNetwork {
  /** System property: {@code false} keeps Drools' interpreted alpha network. */
  static final String PROPERTY = "riskgate.alphaNetworkCompiler";
  private static final System.Logger LOG = System.getLogger(AlphaNetwork.class.getName());

  private AlphaNetwork() {}

  /** The KieBase of {@code container}'s pack, its alpha network compiled unless turned off or failed. */
  static KieBase kieBase(KieServices services, KieContainer container, String pack) {
    if (!Boolean.parseBoolean(System.getProperty(PROPERTY, "true"))) {
      return container.getKieBase();
    }
    KieBaseConfiguration configuration = services.newKieBaseConfiguration();
    configuration.setOption(AlphaThresholdOption.get(0));  // 0: never hash
    configuration.setOption(AlphaRangeIndexThresholdOption.get(0));  // 0: never range-index
    KieBase kieBase = container.newKieBase(configuration);
    try {
      // Drools compiles every fact type's network before it installs any.
      KieBaseUpdaterANC.generateAndSetInMemoryANC(kieBase);
      return kieBase;
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "pack {0}: Drools'' alpha network compiler failed ({1}); "
          + "the pack runs on the interpreted network, with the same results, more slowly", pack, e.getMessage());
      return container.getKieBase();
    }
  }
}
