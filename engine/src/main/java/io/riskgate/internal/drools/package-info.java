/**
 * The Drools seam: every use the engine makes of Drools beyond its public KIE API, behind names for
 * what the engine needs. Not an API: the classes are public only so that the engine's packages
 * can reach them.
 *
 * <ul>
 *   <li>{@link io.riskgate.internal.drools.Sessions}: reuse a session (Drools' session reset, as its
 *       own session pool does), and resolve globals fast ({@link io.riskgate.internal.drools.SessionGlobals}
 *       as the session's global resolver).
 *   <li>{@link io.riskgate.internal.drools.Matches}: the declaration a match belongs to, from the
 *       match's tuple, at every firing.
 *   <li>{@link io.riskgate.internal.drools.AlphaNetwork}: a pack's conditions compiled to Java
 *       (Drools' alpha network compiler), where Drools 10.1's compiler is correct, and with the
 *       compiler that compiles the consequences (ECJ, unless configured otherwise).
 *   <li>{@link io.riskgate.internal.drools.Rules}: a rule's activation group, and a DRL file's
 *       structure from Drools' parser. The pack checker ({@code io.riskgate.PackChecker}) reads that
 *       structure through Drools' parser model ({@code org.drools.drl.ast.descr}, the
 *       {@code drools-drl-ast} artifact), the one place outside this package that names a Drools
 *       type beyond the KIE API.
 * </ul>
 *
 * <p>Each fast path fails safe (a plain session, a list of the match's objects, the interpreted
 * network: the same decisions, slower), so an upgrade that breaks one would pass every behaviour
 * test. The canaries say so instead: {@code DroolsSeamTest} (sessions, matches, activation
 * groups, the parser) and {@code AlphaNetworkTest.referencePack_isCompiled}.
 *
 * <p><b>What an upgrade of Drools must check</b>, beyond {@code mvn verify} passing:
 * <ol>
 *   <li>The canaries above pass: no fast path fell back.
 *   <li>{@code StatefulKnowledgeSessionImpl.reset()} still clears the agenda, node memories, globals
 *       (through {@code GlobalResolver.clear}) and listeners, and keeps the resolver
 *       ({@code SessionReuseTest}); and a session built with {@code ThreadSafeOption.NO} still
 *       propagates each insert at once ({@code FailClosedTest}).
 *   <li>The alpha network compiler's handling of hashed fields: Drools 10.1 reads a second hashed
 *       field with the first's reader, which is why {@code AlphaNetwork} compiles only networks
 *       without an index; if a new version fixes it, indexed packs could be compiled too.
 *   <li>{@code AlphaNetwork} repeats the steps of {@code KieBaseUpdaterANC.inMemoryUpdate} (the
 *       sources by class name, then {@code createInstanceAndSet} with each class) to choose the
 *       compiler: a release that changes those steps must be followed there;
 *       {@code AlphaNetworkTest.referencePack_isCompiled} fails if the network is no longer installed.
 *   <li>Drools' error texts: {@code CompiledPack} reads the line and column the DRL parser puts in
 *       its messages ("[ERR 102] Line 3:36"); {@code RulePackTest} checks they are still located.
 *   <li>The DRL parser model: {@code PackChecker}'s refusals are tested on a corpus of broken packs
 *       (examples' {@code BrokenPacksTest}); a descriptor that moved would show there.
 *   <li>The engine/hand-coded ratio and {@code rescore} throughput in the benchmarks, against the
 *       previous version in the same run.
 * </ol>
 *
 * <p>Tried and not taken: Drools 10.2.0, the newest 10.x on Maven Central in December 2026. The
 * code its MVEL dialect generates for a constraint with an operator ({@code str[startsWith]},
 * {@code matches}, ...) once the constraint is compiled after its first evaluations calls
 * {@code EvaluatorHelper.initOperators} with a tuple type that 10.2.0's own {@code EvaluatorHelper}
 * no longer takes: a {@code NoSuchMethodError} at that condition, so every declaration reaching it
 * fails closed (20 of the engine's tests fail with {@code -Ddrools.version=10.2.0}). Recheck with the
 * next release.
 */
package io.riskgate.internal.drools;
