package io.riskgate;

import io.riskgate.reference.Lists;
import io.riskgate.reference.ReferenceData;
import io.riskgate.reference.Tables;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kie.api.runtime.KieSession;

/**
 * Binds a compiled pack's DRL globals to their values: the pack's own reference data, overridden
 * by the integrator's bindings, each checked against the type the pack declares, so that a global
 * that is missing or of the wrong type stops the pack from loading instead of failing every
 * assessment.
 */
final class GlobalsBinding {
  private GlobalsBinding() {}

  /**
   * The value of every global {@code compiled} declares but {@code risk}, by name.
   *
   * @throws RulePackException naming the declaration of each global that is unbound or mistyped
   */
  static Map<String, Object> bind(RulePack pack, CompiledPack compiled, Map<String, Object> userGlobals) {
    Map<String, Object> bound = new HashMap<>(compiled.dataGlobals());
    bound.putAll(userGlobals);
    Map<String, Object> globals = new HashMap<>();
    List<RulePackException.Problem> problems = new ArrayList<>();
    for (Map.Entry<String, String> global : compiled.globals.entrySet()) {
      String name = global.getKey();
      if (name.equals(CompiledPack.RISK_GLOBAL)) {
        if (!global.getValue().equals(Risk.class.getName())) {
          problems.add(compiled.sources.locateGlobal(name,
              "global 'risk' must have type io.riskgate.Risk, not " + global.getValue()));
        }
        continue;
      }
      Object value = bound.get(name);
      if (value == null) {
        problems.add(compiled.sources.locateGlobal(name, ReferenceData.missingSource(name)
            .or(() -> noOwnData(name, global.getValue()))
            .orElse("global '" + name + "' is declared but not bound: bind it with RiskEngine.Builder.global")));
      } else if (!isInstance(compiled, global.getValue(), value)) {
        problems.add(compiled.sources.locateGlobal(name, "global '" + name + "' is declared as "
            + global.getValue() + " but bound to a " + value.getClass().getName()));
      } else {
        globals.put(name, value);
      }
    }
    if (problems.isEmpty()) {
      // The type check above passes a type only the pack knows (a DRL 'declare'); Drools itself
      // decides when the global is set, so set them once here rather than fail every assessment.
      KieSession probe = compiled.kieBase.newKieSession(ServingPack.SESSION_CONFIGURATION, null);
      try {
        for (Map.Entry<String, Object> global : globals.entrySet()) {
          try {
            probe.setGlobal(global.getKey(), global.getValue());
          } catch (RuntimeException e) {
            problems.add(compiled.sources.locateGlobal(global.getKey(), "global '" + global.getKey()
                + "' cannot be bound to a " + global.getValue().getClass().getName() + ": " + SessionRun.describe(e)));
          }
        }
      } finally {
        probe.dispose();
      }
    }
    if (!problems.isEmpty()) {
      throw new RulePackException(pack.location(), problems);
    }
    return Map.copyOf(globals);
  }

  /** For the global of the pack's own lists or tables when pack.json declares none: what to do. */
  private static Optional<String> noOwnData(String name, String type) {
    boolean lists = name.equals(ReferenceData.LISTS) && type.equals(Lists.class.getName());
    if (!lists && !(name.equals(ReferenceData.TABLES) && type.equals(Tables.class.getName()))) {
      return Optional.empty();
    }
    return Optional.of("global '" + name + "' has no data: pack.json declares no " + name + "; declare them under \""
        + name + "\" with their files in data/ (an integrator who keeps them in its own systems declares"
        + " them too, then binds the global with RiskEngine.Builder.global)");
  }

  private static boolean isInstance(CompiledPack compiled, String typeName, Object value) {
    try {
      ClassLoader loader = compiled.kieBase.getClass().getClassLoader();
      return Class.forName(typeName, false, loader).isInstance(value)
          || Class.forName(typeName, false, value.getClass().getClassLoader()).isInstance(value);
    } catch (ClassNotFoundException | LinkageError e) {
      return true;  // a type only the pack knows: Drools checks the assignment itself
    }
  }
}
