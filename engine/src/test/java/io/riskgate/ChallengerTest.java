package io.riskgate;

import static io.riskgate.TestDeclarations.declaration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.riskgate.declaration.Declaration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A challenger pack beside the live one: the live results never change, the challenger's work and
 * failures stay off the caller's thread, and the running diff counts what the packs disagree on.
 * Waits are on latches and queues, with a long bound that only turns a hang into a failure.
 */
class ChallengerTest {
  private static final Clock FIXED = Clock.fixed(Instant.parse("2026-12-07T00:00:00Z"), ZoneOffset.UTC);
  private static final RulePack LIVE = RulePack.fromDirectory(TestDeclarations.pack("basic"));
  private static final RulePack CANDIDATE = RulePack.fromDirectory(TestDeclarations.pack("basic-challenger"));
  private static final RulePack THROWS = RulePack.fromDirectory(TestDeclarations.pack("always-throws"));
  private static final RulePack DOES_NOT_COMPILE = RulePack.fromDirectory(TestDeclarations.pack("does-not-compile"));
  private static final Duration HANG = Duration.ofSeconds(60);

  /**
   * Five declarations whose fate under basic (live) and basic-challenger is worked out by hand: the
   * challenger gives T-VALUE 75 points instead of 40, has no T-GATE, and adds T-PHONES (5 points
   * for chapter 85, the default item's chapter).
   */
  private static List<Declaration> known() {
    return List.of(
        declaration("K-PLAIN").build(),                        // 0 GREEN -> 5 GREEN, T-PHONES
        declaration("K-VALUE").invoice("20000").build(),       // 40 YELLOW -> 80 RED, T-PHONES
        declaration("K-GATE").gate("RISKY-GATE").build(),      // 35 YELLOW -> 5 GREEN, T-GATE | T-PHONES
        declaration("K-ARMS").item("93020000").build(),        // RED by minimum -> RED
        declaration("K-MEDICINE").item("30049099").build());   // YELLOW by minimum -> YELLOW
  }

  private static RiskEngine.Builder live() {
    return RiskEngine.builder().pack(LIVE).clock(FIXED);
  }

  private static Comparison take(BlockingQueue<Comparison> comparisons) throws InterruptedException {
    Comparison comparison = comparisons.poll(HANG.toSeconds(), TimeUnit.SECONDS);
    assertThat(comparison).as("a comparison within " + HANG).isNotNull();
    return comparison;
  }

  @Test
  void liveResults_areTheSameWithAndWithoutAChallenger_whateverTheChallengerDoes() {
    List<Declaration> declarations = ReloadConcurrencyTest.declarations();
    RiskEngine alone = live().build();
    List<Assessment> expected = alone.assessAll(declarations);
    assertThat(expected).extracting(Assessment::channel).contains(Channel.GREEN, Channel.YELLOW, Channel.RED);

    for (RulePack challenger : List.of(CANDIDATE, THROWS, LIVE)) {
      RiskEngine engine = live().challenger(challenger).build();
      List<Assessment> single = new ArrayList<>();
      for (Declaration declaration : declarations) {
        single.add(engine.assess(declaration));
      }
      assertThat(single).as("assess beside " + challenger.version()).isEqualTo(expected);
      assertThat(engine.assessAll(declarations)).as("assessAll beside " + challenger.version()).isEqualTo(expected);
      engine.close();
      ChallengerDiff diff = engine.challengerDiff().orElseThrow();
      assertThat(diff.compared() + diff.liveFailures() + diff.challengerFailures() + diff.dropped())
          .isEqualTo(2L * declarations.size());
      assertThat(diff.queued()).isZero();
    }
  }

  @Test
  void runningDiff_countsTheMovesAndTheCriteriaBehindThem_onKnownPacks() throws Exception {
    BlockingQueue<Comparison> comparisons = new LinkedBlockingQueue<>();
    List<Declaration> declarations = known();
    List<Comparison> delivered = new ArrayList<>();
    RiskEngine engine = live().challenger(CANDIDATE).challengerListener(comparisons::add).build();
    List<Assessment> live = engine.assessAll(declarations);
    for (int i = 0; i < declarations.size(); i++) {
      delivered.add(take(comparisons));
    }
    engine.close();  // the last comparison leaves the queue after the listener had it

    ChallengerDiff diff = engine.challengerDiff().orElseThrow();
    assertThat(diff.challenger()).isEqualTo(CANDIDATE.version());
    assertThat(diff.since()).isEqualTo(FIXED.instant());
    assertThat(diff.compared()).isEqualTo(5);
    assertThat(diff.challengerFailures()).isZero();
    assertThat(diff.dropped()).isZero();
    assertThat(diff.queued()).isZero();
    assertThat(diff.listenerFailures()).isZero();
    assertThat(diff.moved()).isEqualTo(2);
    assertThat(diff.declarations(Channel.GREEN, Channel.GREEN)).isEqualTo(1);
    assertThat(diff.declarations(Channel.YELLOW, Channel.RED)).isEqualTo(1);
    assertThat(diff.declarations(Channel.YELLOW, Channel.GREEN)).isEqualTo(1);
    assertThat(diff.declarations(Channel.YELLOW, Channel.YELLOW)).isEqualTo(1);
    assertThat(diff.declarations(Channel.RED, Channel.RED)).isEqualTo(1);
    assertThat(diff.moves()).hasSize(9).extracting(ChallengerDiff.Move::declarations)
        .containsExactly(1L, 0L, 0L, 1L, 1L, 1L, 0L, 0L, 1L);
    assertThat(diff.criteria()).containsExactly(
        new ChallengerDiff.CriterionShift("T-GATE", 1, 0, 1, 0),
        new ChallengerDiff.CriterionShift("T-PHONES", 0, 3, 0, 2));

    // The listener had each declaration once, in input order (one assessAll call is one task),
    // with the live assessment the caller got and the challenger's as the challenger alone gives it.
    assertThat(comparisons).isEmpty();
    RiskEngine candidateAlone = RiskEngine.builder().pack(CANDIDATE).clock(FIXED).build();
    List<Comparison> expected = new ArrayList<>();
    for (int i = 0; i < declarations.size(); i++) {
      expected.add(new Comparison(declarations.get(i), live.get(i), candidateAlone.assess(declarations.get(i))));
    }
    assertThat(delivered).isEqualTo(expected);
    assertThat(delivered.get(2).moved()).isTrue();
    assertThat(delivered.get(2).onlyLive()).containsExactly("T-GATE");
    assertThat(delivered.get(2).onlyChallenger()).containsExactly("T-PHONES");
  }

  @Test
  void challengerThatFailsOnEveryDeclaration_leavesLiveUntouched_andCountsItsFailures() throws Exception {
    List<Declaration> declarations = known();
    List<Assessment> expected = live().build().assessAll(declarations);
    BlockingQueue<Comparison> comparisons = new LinkedBlockingQueue<>();
    try (RiskEngine engine = live().challenger(THROWS).challengerListener(comparisons::add).build()) {
      for (int i = 0; i < declarations.size(); i++) {
        assertThat(engine.assess(declarations.get(i))).isEqualTo(expected.get(i));
      }
      assertThat(engine.assessAll(declarations)).isEqualTo(expected);
      for (int i = 0; i < 2 * declarations.size(); i++) {
        Comparison comparison = take(comparisons);
        assertThat(comparison.live().failedClosed()).isFalse();
        assertThat(comparison.challenger().failedClosed()).isTrue();
        assertThat(comparison.challenger().hits()).singleElement()
            .satisfies(hit -> assertThat(hit.reason()).contains("rule 'Divides by zero' threw ArithmeticException"));
      }

      ChallengerDiff diff = engine.challengerDiff().orElseThrow();
      assertThat(diff.challengerFailures()).isEqualTo(10);
      assertThat(diff.compared()).isZero();
      assertThat(diff.moves()).extracting(ChallengerDiff.Move::declarations).containsOnly(0L);
      assertThat(diff.criteria()).isEmpty();
    }
  }

  @Test
  void livePackThatFailsClosed_isCountedApart_andCreditsNoMoveToTheChallenger() throws Exception {
    List<Declaration> declarations = known();
    BlockingQueue<Comparison> comparisons = new LinkedBlockingQueue<>();
    try (RiskEngine engine = RiskEngine.builder().pack(THROWS).clock(FIXED).challenger(CANDIDATE)
        .challengerListener(comparisons::add).build()) {
      assertThat(engine.assessAll(declarations)).allMatch(Assessment::failedClosed);
      for (int i = 0; i < declarations.size(); i++) {
        Comparison comparison = take(comparisons);
        assertThat(comparison.live().failedClosed()).isTrue();
        assertThat(comparison.challenger().failedClosed()).isFalse();
      }

      ChallengerDiff diff = engine.challengerDiff().orElseThrow();
      // RED (the fail-closed channel) against the challenger's GREEN would otherwise count as moves
      // to GREEN caused by the challenger's criteria.
      assertThat(diff.liveFailures()).isEqualTo(5);
      assertThat(diff.compared()).isZero();
      assertThat(diff.challengerFailures()).isZero();
      assertThat(diff.moves()).extracting(ChallengerDiff.Move::declarations).containsOnly(0L);
      assertThat(diff.criteria()).isEmpty();
    }
  }

  @Test
  void challengerOutOfTime_isAFailure_andTheLiveResultIsTheSame() throws Exception {
    // 60 firings of the slow rule, milliseconds each, are far over 100 ms for the
    // challenger; the live pack has no such rule and fires twice.
    TestDeclarations slow = declaration("T-SLOW").invoice("20000");
    for (int i = 0; i < 59; i++) {
      slow.item("85171300");
    }
    Declaration declaration = slow.build();
    BlockingQueue<Comparison> comparisons = new LinkedBlockingQueue<>();
    try (RiskEngine engine = live().maxTimePerDeclaration(Duration.ofMillis(100))
        .challenger(RulePack.fromDirectory(TestDeclarations.pack("slow")))
        .challengerListener(comparisons::add).build()) {
      Assessment assessment = engine.assess(declaration);

      assertThat(assessment).isEqualTo(live().build().assess(declaration));
      assertThat(take(comparisons).challenger().hits()).singleElement()
          .satisfies(hit -> assertThat(hit.reason()).contains("limit maxTimePerDeclaration"));
      assertThat(engine.challengerDiff().orElseThrow().challengerFailures()).isEqualTo(1);
    }
  }

  @Test
  void fullQueue_dropsAndCountsWithoutBlockingTheCaller() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ChallengerListener blocked = comparison -> {
      entered.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
    List<Declaration> declarations = known();
    List<Assessment> expected = live().build().assessAll(declarations);
    RiskEngine engine = live().challenger(CANDIDATE).challengerQueueCapacity(1)
        .challengerListener(blocked).build();
    assertThat(engine.assess(declarations.get(0))).isEqualTo(expected.get(0));
    entered.await();  // the challenger thread holds the one place, in the listener, until released

    // Were any of these to wait for the challenger, they would wait for ever: the listener is
    // released only after them. The bound turns that hang into a failure.
    List<Assessment> assessed = assertTimeoutPreemptively(HANG, () -> {
      List<Assessment> results = new ArrayList<>();
      results.add(engine.assess(declarations.get(1)));
      results.add(engine.assess(declarations.get(2)));
      results.addAll(engine.assessAll(declarations.subList(3, 5)));
      return results;
    });
    assertThat(assessed).isEqualTo(expected.subList(1, 5));

    // The first is compared (counted before the listener is told), which frees its place: the
    // second waits in it, and the other three find the queue full.
    ChallengerDiff whileBlocked = engine.challengerDiff().orElseThrow();
    assertThat(whileBlocked.compared()).isEqualTo(1);
    assertThat(whileBlocked.queued()).isEqualTo(1);
    assertThat(whileBlocked.dropped()).isEqualTo(3);

    release.countDown();
    engine.close();
    ChallengerDiff closed = engine.challengerDiff().orElseThrow();
    assertThat(closed.compared()).isEqualTo(2);
    assertThat(closed.dropped()).isEqualTo(3);
    assertThat(closed.queued()).isZero();
  }

  @Test
  void singleDeclarationsQueuedWhileTheChallengerIsBusy_areComparedInOneBatch() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    BlockingQueue<Comparison> comparisons = new LinkedBlockingQueue<>();
    ChallengerListener firstBlocks = comparison -> {
      comparisons.add(comparison);
      entered.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
    // The slow pack burns milliseconds on each line of these: a session of four is long
    // enough to be seen in running().
    List<Declaration> declarations = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      declarations.add(declaration("Q" + i + "-SLOW").build());
    }
    try (RiskEngine engine = live().challenger(RulePack.fromDirectory(TestDeclarations.pack("slow")))
        .challengerListener(firstBlocks).build()) {
      engine.assess(declarations.get(0));
      entered.await();  // the one challenger thread is held in the listener
      for (Declaration declaration : declarations.subList(1, declarations.size())) {
        engine.assess(declaration);
      }
      release.countDown();

      int largestSession = 0;
      long deadline = System.nanoTime() + HANG.toNanos();
      while (comparisons.size() < declarations.size() && System.nanoTime() < deadline) {
        for (RunningAssessment running : engine.running()) {
          if (running.thread().getName().startsWith("riskgate-challenger")) {
            largestSession = Math.max(largestSession, running.declarations().size());
          }
        }
        Thread.sleep(1);
      }
      assertThat(comparisons).extracting(Comparison::declaration).containsExactlyElementsOf(declarations);
      assertThat(largestSession).as("declarations in the challenger's largest session").isEqualTo(4);
      ChallengerDiff diff = engine.challengerDiff().orElseThrow();
      assertThat(diff.compared() + diff.challengerFailures()).isEqualTo(5);
    }
  }

  @Test
  void assessAllLargerThanTheQueue_comparesWhatFits_andDropsTheRest() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    List<Declaration> declarations = ReloadConcurrencyTest.declarations().subList(0, 50);
    RiskEngine engine = live().challenger(CANDIDATE).challengerQueueCapacity(20)
        .challengerListener(comparison -> {
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }).build();
    engine.assessAll(declarations);
    assertThat(engine.challengerDiff().orElseThrow().dropped()).isEqualTo(30);
    release.countDown();
    engine.close();
    ChallengerDiff diff = engine.challengerDiff().orElseThrow();
    assertThat(diff.compared()).isEqualTo(20);
    assertThat(diff.dropped()).isEqualTo(30);
  }

  @Test
  void listsTheCallerChangesAfterAssessAll_doNotChangeWhatTheChallengerCompares() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    BlockingQueue<Comparison> comparisons = new LinkedBlockingQueue<>();
    List<Declaration> declarations = new ArrayList<>(known());
    List<Declaration> original = List.copyOf(declarations);
    RiskEngine engine = live().challenger(CANDIDATE).challengerListener(comparison -> {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      comparisons.add(comparison);
    }).build();
    List<Assessment> live = engine.assessAll(declarations);
    List<Assessment> returned = List.copyOf(live);
    declarations.clear();
    live.clear();
    release.countDown();

    for (int i = 0; i < original.size(); i++) {
      Comparison comparison = take(comparisons);
      assertThat(comparison.declaration()).isEqualTo(original.get(i));
      assertThat(comparison.live()).isEqualTo(returned.get(i));
    }
    engine.close();
    assertThat(engine.challengerDiff().orElseThrow().compared()).isEqualTo(original.size());
  }

  @Test
  void diffWithMovesOutOfOrder_isRefused() {
    List<ChallengerDiff.Move> moves = new ArrayList<>();
    for (Channel live : Channel.values()) {
      for (Channel challenger : Channel.values()) {
        moves.add(new ChallengerDiff.Move(challenger, live, 0));
      }
    }
    assertThatThrownBy(() -> new ChallengerDiff(LIVE.version(), FIXED.instant(), 0, 0, 0, 0, 0, 0, moves, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("moves must list every pair of channels once, by live channel then challenger channel; at 1");
    assertThatThrownBy(() -> new ChallengerDiff(LIVE.version(), FIXED.instant(), 0, 0, 0, 0, 0, 0, List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("moves must list all 9 pairs of channels, was 0");
  }

  @Test
  void listenerThatThrows_isIsolatedAndCounted() throws Exception {
    List<Declaration> declarations = known();
    List<Assessment> expected = live().build().assessAll(declarations);
    CountDownLatch calls = new CountDownLatch(declarations.size());
    RiskEngine engine = live().challenger(CANDIDATE).challengerListener(comparison -> {
      calls.countDown();
      throw new IllegalStateException("listener bug");
    }).build();
    for (int i = 0; i < declarations.size(); i++) {
      assertThat(engine.assess(declarations.get(i))).isEqualTo(expected.get(i));
    }
    engine.close();

    assertThat(calls.getCount()).isZero();
    ChallengerDiff diff = engine.challengerDiff().orElseThrow();
    assertThat(diff.listenerFailures()).isEqualTo(5);
    assertThat(diff.compared()).isEqualTo(5);
    assertThat(diff.moved()).isEqualTo(2);
  }

  @Test
  void close_comparesWhatIsQueued_thenEndsTheDaemonThreads() throws Exception {
    Set<Thread> threads = ConcurrentHashMap.newKeySet();
    List<Comparison> comparisons = new ArrayList<>();
    List<Declaration> declarations = ReloadConcurrencyTest.declarations().subList(0, 60);
    RiskEngine engine = live().challenger(CANDIDATE).challengerThreads(3).challengerListener(comparison -> {
      threads.add(Thread.currentThread());
      synchronized (comparisons) {
        comparisons.add(comparison);
      }
    }).build();
    engine.assessAll(declarations);
    for (Declaration declaration : declarations.subList(0, 10)) {
      engine.assess(declaration);
    }

    engine.close();

    assertThat(comparisons).hasSize(declarations.size() + 10);
    assertThat(((DroolsRiskEngine) engine).challenger().terminated()).isTrue();
    assertThat(threads).isNotEmpty().allSatisfy(thread -> {
      assertThat(thread.getName()).startsWith("riskgate-challenger-");
      assertThat(thread.isDaemon()).isTrue();
      thread.join(HANG.toMillis());
      assertThat(thread.isAlive()).isFalse();
    });
    ChallengerDiff diff = engine.challengerDiff().orElseThrow();
    assertThat(diff.compared()).isEqualTo(declarations.size() + 10);

    // A closed engine still assesses with the live pack; the challenger no longer compares.
    assertThat(engine.assess(declarations.get(0))).isEqualTo(live().build().assess(declarations.get(0)));
    assertThat(engine.challengerDiff().orElseThrow().dropped()).isEqualTo(1);
    assertThatThrownBy(() -> engine.reloadChallenger(CANDIDATE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the engine is closed");
    engine.close();  // idempotent
  }

  @Test
  void close_thatCannotWaitForTheQueue_countsWhatIsLeftAsDropped() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    List<Declaration> declarations = known();
    RiskEngine engine = live().challenger(CANDIDATE).challengerListener(comparison -> {
      entered.countDown();
      try {
        never.await();  // until close gives up and interrupts the challenger thread
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }).build();
    engine.assess(declarations.get(0));
    entered.await();
    engine.assess(declarations.get(1));
    engine.assessAll(declarations.subList(2, 5));

    ((DroolsRiskEngine) engine).close(Duration.ofMillis(1));

    ChallengerDiff diff = engine.challengerDiff().orElseThrow();
    assertThat(diff.dropped()).isEqualTo(4);
    assertThat(diff.compared()).isEqualTo(1);
  }

  @Test
  void reloadingTheLivePack_keepsTheChallenger_andReloadingTheChallenger_startsANewDiff() throws Exception {
    RulePack liveV2 = RulePack.fromDirectory(TestDeclarations.pack("basic-v2"));
    Declaration declaration = declaration("R-VALUE").invoice("20000").build();
    BlockingQueue<Comparison> comparisons = new LinkedBlockingQueue<>();
    try (RiskEngine engine = live().challenger(CANDIDATE).challengerListener(comparisons::add).build()) {
      engine.assess(declaration);
      assertThat(take(comparisons).live().pack()).isEqualTo(LIVE.version());
      engine.reload(liveV2);
      engine.assess(declaration);
      Comparison afterReload = take(comparisons);
      assertThat(afterReload.live().pack()).isEqualTo(liveV2.version());
      assertThat(afterReload.challenger().pack()).isEqualTo(CANDIDATE.version());
      assertThat(engine.challengerDiff().orElseThrow().compared()).isEqualTo(2);

      assertThat(engine.reloadChallenger(THROWS)).isEqualTo(THROWS.version());
      ChallengerDiff fresh = engine.challengerDiff().orElseThrow();
      assertThat(fresh.challenger()).isEqualTo(THROWS.version());
      assertThat(fresh.compared() + fresh.challengerFailures()).isZero();
      engine.assess(declaration);
      assertThat(take(comparisons).challenger().pack()).isEqualTo(THROWS.version());
      assertThat(engine.challengerDiff().orElseThrow().challengerFailures()).isEqualTo(1);

      // A challenger that does not compile leaves the one in place running.
      assertThatThrownBy(() -> engine.reloadChallenger(DOES_NOT_COMPILE))
          .isInstanceOf(RulePackException.class)
          .hasMessageContaining("rules/broken.drl:");
      assertThat(engine.challengerDiff().orElseThrow().challenger()).isEqualTo(THROWS.version());

      ChallengerDiff last = engine.removeChallenger().orElseThrow();
      assertThat(last.challenger()).isEqualTo(THROWS.version());
      assertThat(last.challengerFailures()).isEqualTo(1);
      assertThat(engine.challengerDiff()).isEmpty();
      assertThat(((DroolsRiskEngine) engine).challenger()).isNull();
      assertThat(engine.removeChallenger()).isEmpty();

      // And one can be set again on an engine that has none.
      engine.reloadChallenger(CANDIDATE);
      engine.assess(declaration);
      assertThat(take(comparisons).challenger().pack()).isEqualTo(CANDIDATE.version());
    }
  }

  @Test
  void challengersReplacedAndRemovedWhileFourThreadsAssess_neverChangeALiveResult() throws Exception {
    List<Declaration> declarations = ReloadConcurrencyTest.declarations();
    List<Assessment> expected = live().build().assessAll(declarations);
    RiskEngine engine = live().challenger(CANDIDATE).challengerThreads(2).challengerQueueCapacity(50).build();
    ExecutorService callers = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> wrong = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int offset = t;
      wrong.add(callers.submit(() -> {
        start.await();
        int mismatches = 0;
        for (int round = 0; round < 3; round++) {
          for (int i = 0; i < declarations.size(); i++) {
            int at = (i + offset * 60) % declarations.size();
            mismatches += engine.assess(declarations.get(at)).equals(expected.get(at)) ? 0 : 1;
          }
          mismatches += engine.assessAll(declarations).equals(expected) ? 0 : 1;
        }
        return mismatches;
      }));
    }
    start.countDown();
    for (int i = 0; i < 6; i++) {
      engine.reloadChallenger(i % 2 == 0 ? THROWS : CANDIDATE);
      if (i % 3 == 2) {
        engine.removeChallenger();
      }
    }
    engine.reloadChallenger(CANDIDATE);
    for (Future<Integer> mismatches : wrong) {
      assertThat(mismatches.get(HANG.toSeconds(), TimeUnit.SECONDS)).isZero();
    }
    callers.shutdown();
    engine.close();
    ChallengerDiff last = engine.challengerDiff().orElseThrow();
    assertThat(last.challenger()).isEqualTo(CANDIDATE.version());
    assertThat(last.queued()).isZero();
  }

  @Test
  void engineWithoutAChallenger_hasNoDiff_noThreads_andClosesQuietly() {
    RiskEngine engine = live().build();
    assertThat(((DroolsRiskEngine) engine).challenger()).isNull();
    assertThat(engine.challengerDiff()).isEmpty();
    assertThat(engine.removeChallenger()).isEmpty();
    engine.close();
    assertThat(engine.assess(declaration("N-1").build()).channel()).isEqualTo(Channel.GREEN);
  }

  @Test
  void challengerSettings_outOfRange_areRefusedNamingTheSetting() {
    assertThatThrownBy(() -> RiskEngine.builder().challengerThreads(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("challengerThreads must be between 1 and 64, was 0");
    assertThatThrownBy(() -> RiskEngine.builder().challengerThreads(65))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("challengerThreads must be between 1 and 64, was 65");
    assertThatThrownBy(() -> RiskEngine.builder().challengerQueueCapacity(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("challengerQueueCapacity must be between 1 and 10,000,000, was 0");
    assertThatThrownBy(() -> RiskEngine.builder().challenger(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("challenger");
  }

  @Test
  void challengerThatDoesNotCompile_failsTheBuild_namingThePack() {
    assertThatThrownBy(() -> live().challenger(DOES_NOT_COMPILE).build())
        .isInstanceOf(RulePackException.class)
        .hasMessageContaining("does-not-compile")
        .hasMessageContaining("rules/broken.drl:");
  }
}
