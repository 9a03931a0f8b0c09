package io.riskgate.benchmarks;

import io.riskgate.RiskEngine;
import io.riskgate.RulePack;
import io.riskgate.declaration.Declaration;
import io.riskgate.reference.ReferenceData;
import java.util.List;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The {@code @State} fixtures the JMH benchmarks share, so that every class scores the same
 * declarations with the same engine and each figure can be read against the others. All of it is
 * prepared in {@code @Setup}: only the scoring is measured.
 */
public final class Fixtures {
  /**
   * Declarations in a batch: one JMH operation scores them all ({@code @OperationsPerInvocation}),
   * so scores are per declaration. A power of two, so that the latency benchmark cycles through
   * them with a mask.
   */
  public static final int BATCH = 2_048;

  private Fixtures() {}

  /** The workloads: declarations of a fixed number of items, or the generator's realistic mix. */
  public enum Shape {
    ONE_ITEM(1),
    FIVE_ITEMS(5),
    FIFTY_ITEMS(50),
    /** The generator's mix: about half with one item, a few with 30 or more. */
    MIX(0);

    final int items;

    Shape(int items) {
      this.items = items;
    }

    /** {@link #BATCH} seeded declarations of this shape, the same in every run. */
    List<Declaration> declarations() {
      return Workload.declarations(BATCH, items, Workload.SEED);
    }
  }

  /** {@code vn-baseline} on the engine, and the same criteria in plain Java over the same data. */
  @State(Scope.Benchmark)
  public static class Scorers {
    RulePack pack;
    RiskEngine engine;
    HandCodedVnBaseline handCoded;

    @Setup
    public void setup() {
      pack = Workload.vnBaseline();
      engine = Workload.engine(pack);
      handCoded = new HandCodedVnBaseline(pack.manifest(), pack.referenceData());
    }
  }

  /** A batch of each {@link Shape} ({@code -p shape=MIX} picks one). */
  @State(Scope.Benchmark)
  public static class Shaped {
    @Param
    Shape shape;

    List<Declaration> declarations;

    @Setup
    public void setup() {
      declarations = shape.declarations();
    }
  }

  /** A batch of the realistic mix, for the benchmarks whose question is not the shape. */
  @State(Scope.Benchmark)
  public static class Mixed {
    List<Declaration> declarations;

    @Setup
    public void setup() {
      declarations = Shape.MIX.declarations();
    }
  }
}
