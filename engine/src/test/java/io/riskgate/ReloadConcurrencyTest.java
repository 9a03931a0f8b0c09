package io.riskgate;

import static io.riskgate.TestDeclarations.declaration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riskgate.declaration.Declaration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReloadConcurrencyTest {
  private static final Clock FIXED = Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC);
  private static final RulePack V1 = RulePack.fromDirectory(TestDeclarations.pack("basic"));
  private static final RulePack V2 = RulePack.fromDirectory(TestDeclarations.pack("basic-v2"));

  @TempDir
  Path temp;

  /** Declarations that the basic pack's two versions assess differently; the soak test uses them too. */
  static List<Declaration> declarations() {
    List<Declaration> declarations = new ArrayList<>();
    for (int i = 0; i < 240; i++) {
      TestDeclarations d = declaration("C-" + i);
      if (i % 2 == 0) {
        d.invoice("20000");
      }
      if (i % 3 == 0) {
        d.gate("RISKY-GATE");
      }
      if (i % 11 == 0) {
        d.trader("AEO-" + i);
      }
      if (i % 13 == 0) {
        d.item("30049099");
      }
      declarations.add(d.build());
    }
    return declarations;
  }

  /** Each declaration assessed alone by an engine of {@code pack}, by number. */
  static Map<String, Assessment> expected(RulePack pack, List<Declaration> declarations) {
    RiskEngine single = RiskEngine.builder().pack(pack).clock(FIXED).build();
    Map<String, Assessment> byNumber = new HashMap<>();
    for (Declaration d : declarations) {
      byNumber.put(d.number(), single.assess(d));
    }
    return byNumber;
  }

  @Test
  void eightThreadsAssessingWhilePacksReload_eachResultMatchesItsPackVersion() throws Exception {
    List<Declaration> declarations = declarations();
    Map<String, Map<String, Assessment>> expected = Map.of(
        V1.version().contentHash(), expected(V1, declarations),
        V2.version().contentHash(), expected(V2, declarations));
    // The two versions must disagree somewhere, or this test could not tell them apart.
    assertThat(expected.get(V1.version().contentHash()))
        .isNotEqualTo(expected.get(V2.version().contentHash()));

    RiskEngine engine = RiskEngine.builder().pack(V1).clock(FIXED).batchSize(50).build();
    AtomicBoolean reloading = new AtomicBoolean(true);
    AtomicInteger submitted = new AtomicInteger();
    AtomicInteger returned = new AtomicInteger();
    List<String> mismatches = new ArrayList<>();
    Set<String> versionsSeen = ConcurrentHashMap.newKeySet();
    CountDownLatch started = new CountDownLatch(8);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int thread = t;
      workers.add(pool.submit(() -> {
        started.countDown();
        int round = 0;
        while (reloading.get() || round < 3) {
          List<Assessment> results;
          List<Declaration> input;
          if ((round + thread) % 3 == 0) {
            input = List.of(declarations.get((round * 7 + thread) % declarations.size()));
            results = List.of(engine.assess(input.get(0)));
          } else {
            int from = (round * 31 + thread * 17) % (declarations.size() - 120);
            input = declarations.subList(from, from + 120);
            results = engine.assessAll(input);
          }
          submitted.addAndGet(input.size());
          returned.addAndGet(results.size());
          for (int i = 0; i < results.size(); i++) {
            Assessment actual = results.get(i);
            versionsSeen.add(actual.pack().version());
            Assessment wanted = expected.get(actual.pack().contentHash()).get(input.get(i).number());
            if (!actual.equals(wanted)) {
              synchronized (mismatches) {
                mismatches.add(actual + " != " + wanted);
              }
            }
          }
          round++;
        }
        return null;
      }));
    }
    started.await();
    Path broken = brokenPack();
    for (int i = 0; i < 200; i++) {
      engine.reload(i % 2 == 0 ? V2 : V1);
      if (i % 50 == 0) {
        assertThatThrownBy(() -> engine.reload(RulePack.fromDirectory(broken)))
            .isInstanceOf(RulePackException.class);
      }
    }
    reloading.set(false);
    for (Future<?> worker : workers) {
      worker.get(2, TimeUnit.MINUTES);
    }
    pool.shutdown();

    assertThat(mismatches).isEmpty();
    assertThat(returned.get()).isEqualTo(submitted.get()).isPositive();
    assertThat(versionsSeen).containsExactlyInAnyOrder("1.0.0", "2.0.0");
  }

  @Test
  void failedReload_keepsTheOldPackServingAndReportsTheErrors() throws IOException {
    RiskEngine engine = RiskEngine.builder().pack(V1).build();
    Path broken = brokenPack();
    assertThatThrownBy(() -> engine.reload(RulePack.fromDirectory(broken)))
        .isInstanceOf(RulePackException.class)
        .hasMessageContaining("rules/criteria.drl:");
    assertThat(engine.pack()).isEqualTo(V1.version());
    assertThat(engine.assess(declaration("after").build()).pack()).isEqualTo(V1.version());
    assertThat(engine.reload(V2)).isEqualTo(V2.version());
    assertThat(engine.assess(declaration("after").build()).pack()).isEqualTo(V2.version());
  }

  private Path brokenPack() throws IOException {
    Path pack = temp.resolve("broken");
    if (!Files.exists(pack)) {
      Files.createDirectories(pack.resolve("rules"));
      Files.copy(TestDeclarations.pack("basic").resolve("pack.json"), pack.resolve("pack.json"));
      Files.writeString(pack.resolve("rules/criteria.drl"),
          "package broken;\nrule \"x\" when\n  Declaration( ==\nthen end\n");
    }
    return pack;
  }
}
