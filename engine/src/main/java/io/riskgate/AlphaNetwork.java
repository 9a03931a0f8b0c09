package io.riskgate;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.drools.ancompiler.CompiledNetwork;
import org.drools.ancompiler.KieBaseUpdaterANC;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.AlphaNode;
import org.drools.core.reteoo.CompositeObjectSinkAdapter;
import org.drools.core.reteoo.EmptyObjectSinkAdapter;
import org.drools.core.reteoo.ObjectSink;
import org.drools.core.reteoo.ObjectSinkPropagator;
import org.drools.core.reteoo.ObjectSource;
import org.drools.core.reteoo.ObjectTypeNode;
import org.drools.core.reteoo.SingleObjectSinkAdapter;
import org.kie.api.KieBase;

/**
 * Drools' alpha network compiler applied to a pack's KieBase: for each fact type, the conditions
 * on one fact (all of vn-baseline's) become one generated Java class that tests them in turn,
 * instead of a walk over Drools' node objects for every inserted fact.
 *
 * <p>Why: that walk (the sink adapters and alpha nodes around the conditions) is a virtual call
 * per node per fact; with vn-baseline's network compiled the engine took about 13% less time on
 * the realistic mix.
 *
 * <p>Why only a network that Drools does not index: where three or more rules test one field
 * against literals ({@code heading == "8703"}, ...), Drools hashes the field (or range-indexes a
 * comparison) and finds the matching rules with one lookup. Drools 10.1's compiler keeps one value
 * map and one field reader per fact type, so with two such fields the values of the second are read
 * with the first's reader and their rules never fire (the generated 120-rule pack lost nine
 * criteria); and with the indexes turned off it tests every literal in turn, which made a pack of
 * 1,000 heading literals 130 times slower (258.8 against 2.0 us per declaration). So a network with
 * an index stays Drools' own, interpreted and indexed; one without is compiled test for test.
 *
 * <p>Fails safe: if the generated source does not compile (or the JDK's compiler, the
 * {@code java.compiler} module, is missing at run time, or installing it fails), the pack keeps
 * its interpreted network, which decides the same more slowly, and a warning says so. The
 * system property {@value #PROPERTY} turns the compiler off ({@code false}), or makes such a failure
 * fail the pack load instead ({@code required}, which the project's own tests use, so that no test
 * passes on the interpreted network by accident).
 */
final class AlphaNetwork {
  /** System property: {@code false} keeps Drools' interpreted network; {@code required} refuses it. */
  static final String PROPERTY = "riskgate.alphaNetworkCompiler";
  private static final System.Logger LOG = System.getLogger(AlphaNetwork.class.getName());

  private AlphaNetwork() {}

  /** How packs get their network, from {@link #PROPERTY}. */
  enum Mode { COMPILED, INTERPRETED, REQUIRED }

  /** This JVM's mode now: a part of the compiled-pack cache's key. */
  static Mode mode() {
    String value = System.getProperty(PROPERTY, "true");
    return value.equalsIgnoreCase("false") ? Mode.INTERPRETED
        : value.equalsIgnoreCase("required") ? Mode.REQUIRED : Mode.COMPILED;
  }

  /**
   * Compiles {@code kieBase}'s alpha network in place, unless turned off or indexed; true if it
   * did.
   */
  static boolean compile(KieBase kieBase, String pack) {
    return compile(kieBase, pack, KieBaseUpdaterANC::generateAndSetInMemoryANC);
  }

  /** {@link #compile(KieBase, String)} with another compiler: tests make it fail. */
  static boolean compile(KieBase kieBase, String pack, Consumer<KieBase> compiler) {
    Mode mode = mode();
    if (mode == Mode.INTERPRETED) {
      return false;
    }
    if (indexesLiterals(kieBase)) {
      LOG.log(System.Logger.Level.INFO, () -> "pack " + pack + ": Drools indexes some of its literal tests, "
          + "so it keeps Drools' own network (the alpha network compiler of Drools 10.1 gets indexes wrong)");
      return false;
    }
    // Drools compiles every fact type's network before it installs any, but installs them one by
    // one, so a failure while installing could leave some fact types compiled: put every one back.
    Map<ObjectTypeNode, ObjectSinkPropagator> interpreted = new IdentityHashMap<>();
    for (ObjectTypeNode type : ((InternalRuleBase) kieBase).getRete().getObjectTypeNodes()) {
      interpreted.put(type, type.getObjectSinkPropagator());
    }
    try {
      compiler.accept(kieBase);
      return true;
    } catch (RuntimeException | LinkageError e) {
      interpreted.forEach(ObjectTypeNode::setObjectSinkPropagator);
      if (mode == Mode.REQUIRED) {
        throw new IllegalStateException("pack " + pack + ": Drools' alpha network compiler failed and "
            + PROPERTY + "=required", e);
      }
      LOG.log(System.Logger.Level.WARNING, () -> "pack " + pack + ": Drools' alpha network compiler failed; "
          + "the pack runs on the interpreted network, with the same results, more slowly", e);
      return false;
    }
  }

  /**
   * Whether Drools hashes or range-indexes literal tests anywhere in {@code kieBase}'s alpha network
   * (or uses a sink adapter this does not know, which counts as indexing).
   */
  static boolean indexesLiterals(KieBase kieBase) {
    for (ObjectTypeNode type : ((InternalRuleBase) kieBase).getRete().getObjectTypeNodes()) {
      if (indexes(type)) {
        return true;
      }
    }
    return false;
  }

  private static boolean indexes(ObjectSource source) {
    ObjectSinkPropagator sinks = source.getObjectSinkPropagator();
    if (sinks instanceof CompiledNetwork compiled) {
      sinks = compiled.getOriginalSinkPropagator();  // compiled already: ask of the network it replaced
    }
    if (sinks instanceof CompositeObjectSinkAdapter composite) {
      if (!isEmpty(composite.getHashedSinkMap()) || !isEmpty(composite.getRangeIndexMap())) {
        return true;
      }
    } else if (!(sinks instanceof SingleObjectSinkAdapter) && !(sinks instanceof EmptyObjectSinkAdapter)) {
      return true;  // another adapter (parallel evaluation's partitions hash on their own): not known safe
    }
    for (ObjectSink sink : sinks.getSinks()) {
      if (sink instanceof AlphaNode alpha && indexes(alpha)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isEmpty(Map<?, ?> map) {
    return map == null || map.isEmpty();
  }
}
