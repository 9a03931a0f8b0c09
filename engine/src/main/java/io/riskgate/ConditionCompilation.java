package io.riskgate;

/**
 * Whether a pack's conditions on one fact are compiled to Java (Drools' alpha network compiler)
 * or evaluated by Drools' interpreted network. Both decide the same; the compiled network is faster
 * (about 13% on vn-baseline). Set with {@link RiskEngine.Builder#conditionCompilation}.
 */
public enum ConditionCompilation {
  /**
   * Compiled where it is safe: a pack in which Drools indexes no literal test (Drools 10.1's
   * compiler gets indexes wrong); otherwise, or if compiling fails, the interpreted network, with a
   * log line saying why.
   */
  AUTO,
  /** Always Drools' interpreted network. */
  OFF,
  /**
   * As {@link #AUTO}, but a pack whose compilation fails does not load: for tests and for systems
   * that must not run slower unnoticed.
   */
  REQUIRED
}
