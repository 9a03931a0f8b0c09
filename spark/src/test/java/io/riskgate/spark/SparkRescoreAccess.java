package io.riskgate.spark;

import java.io.OutputStream;
import org.apache.spark.sql.SparkSession;

/** The job's entry and its compile counter, for the tests of other packages. */
public final class SparkRescoreAccess {
  private SparkRescoreAccess() {}

  public static int run(SparkSession spark, OutputStream stdout, String... args) {
    return SparkRescore.run(spark, stdout, args);
  }

  public static int compiles() {
    return ExecutorEngines.compiles();
  }
}
