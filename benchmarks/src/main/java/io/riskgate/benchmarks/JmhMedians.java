package io.riskgate.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The figures the benchmark README quotes, from a JMH result file: for each benchmark (and its
 * parameters), the median of the measured iterations over all forks, and each fork's median
 * beside it. JMH prints the mean and an interval, and one slow fork moves the mean; the median of
 * the forks' iterations, with every fork's own median in view, shows an outlier fork instead of
 * averaging it in. SampleTime benchmarks are left out: JMH prints their percentiles over all
 * forks' samples itself.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar EngineVsHandCoded -rf json -rff /tmp/evh.json
 * java -cp benchmarks/target/benchmarks.jar io.riskgate.benchmarks.JmhMedians /tmp/evh.json</pre>
 */
public final class JmhMedians {
  private JmhMedians() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: JmhMedians RESULT.json (from java -jar benchmarks.jar ... -rf json -rff RESULT.json)");
    }
    JsonNode results = new ObjectMapper().readTree(Path.of(args[0]).toFile());
    System.out.printf("%-60s  %9s  %-6s  %s%n", "benchmark", "median", "unit", "each fork's median");
    for (JsonNode result : results) {
      JsonNode raw = result.path("primaryMetric").path("rawData");
      if (!raw.isArray() || raw.isEmpty()) {
        continue;
      }
      List<Double> all = new ArrayList<>();
      StringBuilder forks = new StringBuilder();
      for (JsonNode fork : raw) {
        if (fork.isEmpty()) {
          continue;  // a fork that failed before measuring
        }
        double[] iterations = new double[fork.size()];
        for (int i = 0; i < iterations.length; i++) {
          iterations[i] = fork.get(i).asDouble();
          all.add(iterations[i]);
        }
        forks.append(String.format(" %.2f", Turns.median(iterations)));
      }
      if (all.isEmpty()) {
        continue;
      }
      System.out.printf("%-60s  %9.2f  %-6s %s%n", name(result), Turns.median(all.stream().mapToDouble(Double::doubleValue).toArray()),
          result.path("primaryMetric").path("scoreUnit").asText(), forks);
    }
  }

  /** The benchmark's short name and its parameters, as JMH's own table shows them. */
  private static String name(JsonNode result) {
    String benchmark = result.path("benchmark").asText();
    StringBuilder name = new StringBuilder(benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1));
    for (Map.Entry<String, JsonNode> param : (Iterable<Map.Entry<String, JsonNode>>) result.path("params")::fields) {
      name.append(' ').append(param.getKey()).append('=').append(param.getValue().asText());
    }
    return name.toString();
  }
}
