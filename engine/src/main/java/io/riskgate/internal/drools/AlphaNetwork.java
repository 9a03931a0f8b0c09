package io.riskgate.internal.drools;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.drools.ancompiler.CompiledNetwork;
import org.drools.ancompiler.CompiledNetworkSources;
import org.drools.ancompiler.ObjectTypeNodeCompiler;
import org.drools.compiler.compiler.JavaDialectConfiguration;
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
import org.kie.memorycompiler.KieMemoryCompiler;

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
 * <p>The generated source is compiled with the compiler Drools compiles the rules' consequences
 * with: the Eclipse compiler (ECJ) it brings, unless ECJ is missing or the
 * {@code drools.dialect.java.compiler} property asks for the JDK's. Drools' own alpha network
 * compiler always starts the JDK's, which in a fresh JVM took longer than compiling a small pack's
 * rules, and needs the {@code java.compiler} module at run time.
 *
 * <p>Fails safe: if the generated source does not compile, or installing it fails, the pack keeps
 * its interpreted network, which decides the same more slowly, and a warning says so, unless the
 * caller requires the compiled network ({@code io.riskgate.ConditionCompilation.REQUIRED}).
 */
public final class AlphaNetwork {
  private static final System.Logger LOG = System.getLogger(AlphaNetwork.class.getName());

  private AlphaNetwork() {}

  /**
   * Compiles {@code kieBase}'s alpha network in place, unless Drools indexes it; true if it did.
   *
   * @param required whether a failure to compile is an error rather than a warning
   * @throws IllegalStateException if compiling fails and {@code required}, with the failure as cause
   */
  public static boolean compile(KieBase kieBase, String pack, boolean required) {
    return compile(kieBase, pack, required, AlphaNetwork::generateAndInstall);
  }

  /**
   * What Drools' {@code KieBaseUpdaterANC.generateAndSetInMemoryANC} does, with the consequences'
   * compiler where Drools always uses the JDK's. Every class is loaded before any is installed, as
   * Drools does.
   */
  private static void generateAndInstall(KieBase kieBase) {
    InternalRuleBase base = (InternalRuleBase) kieBase;
    Map<String, CompiledNetworkSources> networks = ObjectTypeNodeCompiler.compiledNetworkSourceMap(base.getRete());
    if (networks.isEmpty()) {
      return;
    }
    Map<String, String> sources = new HashMap<>();
    networks.forEach((className, network) -> sources.put(className, network.getSource()));
    ClassLoader parent = base.getRootClassLoader();
    KieMemoryCompiler.MemoryCompilerClassLoader loader = new KieMemoryCompiler.MemoryCompilerClassLoader(parent);
    KieMemoryCompiler.compileNoLoad(sources, parent, JavaDialectConfiguration.getDefaultCompilerType())
        .forEach(loader::addCode);
    Map<CompiledNetworkSources, Class<?>> classes = new IdentityHashMap<>();
    for (CompiledNetworkSources network : networks.values()) {
      try {
        classes.put(network, loader.loadClass(network.getName()));
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("the compiled alpha network has no class " + network.getName(), e);
      }
    }
    classes.forEach(CompiledNetworkSources::createInstanceAndSet);
  }

  /** {@link #compile(KieBase, String, boolean)} with another compiler: tests make it fail. */
  public static boolean compile(KieBase kieBase, String pack, boolean required, Consumer<KieBase> compiler) {
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
      if (required) {
        throw new IllegalStateException("compiling the pack's conditions to Java (Drools' alpha network"
            + " compiler) failed: " + e, e);
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
  public static boolean indexesLiterals(KieBase kieBase) {
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
