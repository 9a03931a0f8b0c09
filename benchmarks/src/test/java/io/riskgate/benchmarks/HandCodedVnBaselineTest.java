package io.riskgate.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskgate.Assessment;
import io.riskgate.Channel;
import io.riskgate.Hit;
import io.riskgate.RiskEngine;
import io.riskgate.RulePack;
import io.riskgate.declaration.Declaration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The hand-coded baseline is only a fair yardstick if it computes what the pack computes: same
 * channel, same criterion codes, same reason texts, declaration by declaration.
 */
class HandCodedVnBaselineTest {
  /** 20,000 in the default build, 100,000 in the {@code long} profile, whose rarer hits matter. */
  private static final int COUNT = Integer.getInteger("riskgate.baseline.declarations", 20_000);

  private static RulePack pack;
  private static RiskEngine engine;

  @BeforeAll
  static void engine() {
    pack = Workload.vnBaseline();
    engine = Workload.engine(pack);
  }

  @Test
  void handCoded_onGeneratedDeclarations_givesTheEnginesChannelCodesAndReasons() {
    HandCodedVnBaseline handCoded = new HandCodedVnBaseline(pack.manifest(), pack.referenceData());
    List<String> mismatches = new ArrayList<>();
    Map<String, Integer> hitsPerCode = new TreeMap<>();
    Map<Channel, Integer> channels = new EnumMap<>(Channel.class);
    for (int from = 0; from < COUNT; from += 10_000) {
      // Distinct seeds per chunk keep memory small; numbers are unique per generator.
      List<Declaration> declarations = Workload.declarations(Math.min(10_000, COUNT - from), 0, Workload.SEED + from);
      List<Assessment> assessments = engine.assessAll(declarations);
      for (int i = 0; i < declarations.size(); i++) {
        Assessment expected = assessments.get(i);
        HandCodedVnBaseline.Result actual = handCoded.assess(declarations.get(i));
        TreeSet<String> codes = codes(expected);
        codes.forEach(code -> hitsPerCode.merge(code, 1, Integer::sum));
        channels.merge(expected.channel(), 1, Integer::sum);
        List<String> reasons = expected.hits().stream().map(hit -> hit.code() + ": " + hit.reason()).sorted().toList();
        List<String> actualReasons = actual.hits().stream().map(hit -> hit.code() + ": " + hit.reason()).sorted().toList();
        if (expected.channel() != actual.channel() || !codes.equals(actual.codes())
            || expected.score() != actual.score() || !reasons.equals(actualReasons)) {
          mismatches.add(expected.declarationNumber() + ": engine " + expected.channel() + " " + expected.score()
              + " " + reasons + ", hand-coded " + actual.channel() + " " + actual.score() + " " + actualReasons);
        }
      }
    }
    assertThat(mismatches).as("declarations where the hand-coded baseline disagrees with the engine").isEmpty();
    assertThat(channels).as("the workload reaches every channel").containsKeys(Channel.GREEN, Channel.YELLOW, Channel.RED);
    assertThat(channels.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(COUNT);
    // Most criteria must actually hit on the workload, or agreement would prove little.
    assertThat(hitsPerCode.size()).as("criteria that hit at least once: %s", hitsPerCode).isGreaterThanOrEqualTo(25);
  }

  @ParameterizedTest(name = "rules: {0}")
  @EnumSource(NaiveDrools.Rules.class)
  void naiveDrools_onGeneratedDeclarations_givesTheEnginesChannelAndCodes(NaiveDrools.Rules rules) {
    NaiveDrools naive = new NaiveDrools(pack, pack.referenceData().globals(), rules);
    List<Declaration> declarations = Workload.declarations(2_000, 0, Workload.SEED);
    List<Assessment> assessments = engine.assessAll(declarations);
    for (int i = 0; i < declarations.size(); i++) {
      NaiveDrools.Outcome outcome = naive.assess(declarations.get(i));
      assertThat(outcome.channel()).as(declarations.get(i).number()).isEqualTo(assessments.get(i).channel());
      assertThat(outcome.codes()).as(declarations.get(i).number()).isEqualTo(codes(assessments.get(i)));
    }
  }

  private static TreeSet<String> codes(Assessment assessment) {
    TreeSet<String> codes = new TreeSet<>();
    for (Hit hit : assessment.hits()) {
      codes.add(hit.code());
    }
    return codes;
  }
}
