package io.riskgate.benchmarks;

import io.riskgate.Assessment;
import io.riskgate.RiskEngine;
import io.riskgate.RulePack;
import io.riskgate.declaration.Declaration;
import io.riskgate.reference.ReferenceData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * How fast can the engine be while Drools runs the rules? Four scorers of {@code vn-baseline} take
 * {@link Turns} in one JVM over the same generated declarations ({@code --items} each, or the
 * realistic mix if 0): the engine; the engine on a copy of the pack whose consequences are all
 * empty; the hand-coded baseline; and the first-timer of {@link NaiveDroolsBenchmark}.
 *
 * <p>The emptied pack keeps every condition, so Drools does all it does for the real pack: inserts
 * each declaration and line, evaluates every condition, builds a match for each rule that holds
 * and fires it through its agenda and the engine's guard. Only the consequences are gone: no reason
 * text, no hit, and every declaration is decided on no hits. Its time is the floor of running this
 * pack's criteria on Drools the engine's way, and the difference from the engine is what the hits
 * cost: the consequences, recording the hits and deciding on them. The output prints the ratios the
 * targets are stated in, the first-timer's against both engines.
 *
 * <p>With {@code --each}, both engines are called once per declaration ({@code assess}, a session
 * reset per call) instead of by {@code assessAll}: the floor of a single call.
 *
 * <p>One JVM is one draw (see {@link JarTurns}): run it more than once.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.riskgate.benchmarks.DroolsFloor --rounds 24</pre>
 */
@Command(name = "DroolsFloor",
    description = "The engine, the engine with every consequence empty, hand-coded Java and the first-timer, in turns")
public final class DroolsFloor implements Callable<Integer> {
  @Mixin
  private final WorkloadOptions options = new WorkloadOptions(2_000, 0, 24, 4);

  @Option(names = "--each", description = "both engines called once per declaration (assess), as a clearance system calls them, instead of assessAll")
  private boolean each;

  public static void main(String[] args) {
    Tools.run(new DroolsFloor(), args);
  }

  @Override
  public Integer call() throws Exception {
    options.check();
    RulePack pack = Workload.vnBaseline();
    List<Declaration> input = options.input();
    Path directory = Files.createTempDirectory("riskgate-floor");
    try {
      RiskEngine engine = Workload.engine(pack);
      RiskEngine floor = Workload.engine(PackCopies.withoutConsequences(pack, directory));
      HandCodedVnBaseline handCoded = new HandCodedVnBaseline(pack.manifest(), ReferenceData.load(pack));
      NaiveDrools naive = Workload.naive(pack);

      long hits = 0;
      for (Assessment assessment : engine.assessAll(input)) {
        hits += assessment.hits().size();
      }
      System.out.printf("%s, %.2f hits per declaration; engines called by %s%n", options.describe(),
          (double) hits / input.size(), each ? "assess, once per declaration" : "assessAll");

      double[][] micros = Turns.take(4, options.rounds, options.warmup, p -> switch (p) {
        case 0 -> assess(engine, input);
        case 1 -> assess(floor, input);
        case 2 -> handCoded(handCoded, input);
        default -> Workload.assessEach(naive, input);
      });
      Turns.print(micros, List.of("engine", "engine, every consequence empty", "hand-coded Java", "first-timer (naive)"));

      double full = Turns.median(micros[0]);
      double empty = Turns.median(micros[1]);
      double plain = Turns.median(micros[2]);
      double first = Turns.median(micros[3]);
      System.out.printf("first-timer / engine %.2fx; first-timer / engine with empty consequences %.2fx%n",
          first / full, first / empty);
      System.out.printf("engine / hand-coded %.2fx; engine with empty consequences / hand-coded %.2fx%n",
          full / plain, empty / plain);
      System.out.printf("the hits: %.2f us per declaration (%.2f us per hit)%n", full - empty,
          hits == 0 ? 0 : (full - empty) * input.size() / hits);
    } finally {
      PackCopies.delete(directory);
    }
    return 0;
  }

  /** An engine on the input, by assessAll or by assess per declaration; returns how many it assessed. */
  private int assess(RiskEngine engine, List<Declaration> input) {
    if (!each) {
      return engine.assessAll(input).size();
    }
    int scores = 0;
    for (Declaration declaration : input) {
      scores += engine.assess(declaration).score();  // used, so that the JIT cannot drop the work
    }
    return scores == Integer.MIN_VALUE ? 0 : input.size();
  }

  /** The hand-coded baseline on each declaration; returns how many it assessed. */
  private static int handCoded(HandCodedVnBaseline baseline, List<Declaration> input) {
    int hits = 0;
    for (Declaration declaration : input) {
      hits += baseline.assess(declaration).hits().size();  // used, so that the JIT cannot drop the work
    }
    return hits >= 0 ? input.size() : 0;
  }
}
