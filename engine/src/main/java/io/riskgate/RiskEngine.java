package io.riskgate;

import io.riskgate.declaration.Declaration;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Assesses customs declarations against a compiled rule pack and routes each to a channel.
 *
 * <pre>{@code
 * RiskEngine engine = RiskEngine.builder()
 *     .pack(RulePack.fromDirectory(Path.of("packs/vn-baseline")))
 *     .build();
 * Assessment assessment = engine.assess(declaration);
 * assessment.channel();   // GREEN, YELLOW or RED
 * assessment.hits();      // which criteria hit, and why
 * }</pre>
 *
 * <p><b>Thread safety:</b> an engine is safe for concurrent use by any number of threads; build one
 * per process and share it. {@link #reload} swaps packs atomically: an assessment runs entirely on
 * the pack that was current when it started, and every assessment records that pack's version.
 *
 * <p><b>Failing closed:</b> a declaration the engine cannot assess (a rule that throws, a rule that
 * fires more than {@link Builder#maxFiringsPerDeclaration} times, rules that run longer than
 * {@link Builder#maxTimePerDeclaration}, more items than {@link Builder#maxItemsPerDeclaration}) gets the {@link Builder#failureChannel} (RED by default)
 * with an {@code ENGINE_ERROR} hit naming the rule and the cause; it is never released GREEN by
 * accident. Other declarations in the same batch are assessed as if it were not there.
 *
 * <p><b>Packs see one declaration at a time:</b> batches run many declarations in one Drools
 * session for speed, so a rule must only relate facts of the same declaration (one
 * {@code Declaration}, or one {@link io.riskgate.declaration.Line} and its declaration). The engine
 * inserts each declaration and one {@code Line} per item. The result for a declaration never
 * depends on which other declarations share its batch.
 *
 * <p><b>Sessions are reused:</b> after a call that succeeded, the engine resets its Drools session
 * (working memory, agenda, globals, listeners: as new) and keeps it for a later call on the same
 * pack, up to twice the processors' count of idle sessions. A pack cannot tell a reset session from
 * a new one; a reload disposes of the old pack's idle sessions.
 *
 * <p><b>Champion and challenger:</b> with {@link Builder#challenger} the engine also assesses every
 * declaration with a candidate pack, on threads of its own, and keeps a running diff
 * ({@link #challengerDiff()}); what {@code assess} returns is the live pack's assessment, as
 * without a challenger. {@link #close()} stops those threads; an engine without a challenger owns
 * no thread, and closing it is optional.
 */
public interface RiskEngine extends AutoCloseable {

  /** Assesses one declaration. */
  Assessment assess(Declaration declaration);

  /**
   * Assesses many declarations, in batches of {@link Builder#batchSize} per Drools session, and
   * returns their assessments in the same order. Runs on the calling thread; call it from several
   * threads to use several cores.
   */
  List<Assessment> assessAll(List<Declaration> declarations);

  /**
   * Compiles {@code pack} and, only if it compiles, makes it the pack that new assessments use. On
   * failure the current pack keeps serving. Compiling happens on the calling thread, off the
   * assessment path; an unchanged pack is taken from the cache of compiled packs.
   *
   * @return the version now serving
   * @throws RulePackException with every compile error, located, if the pack does not compile
   */
  PackVersion reload(RulePack pack);

  /** The version of the pack serving now. */
  PackVersion pack();

  /**
   * Compiles {@code candidate} and, only if it compiles, makes it the challenger: from now on
   * every declaration assessed is also handed to it, as with {@link Builder#challenger}, with the
   * threads, queue and listener of the builder. A challenger it replaces stops at once (its queued
   * declarations are not compared) and the running diff starts again from zero, so that a diff
   * only ever counts one challenger version. Reloading the live pack keeps the challenger.
   *
   * @return the challenger's version
   * @throws RulePackException with every compile error, located, if the pack does not compile; the
   *     challenger in place, if any, keeps running
   * @throws IllegalStateException if the engine is closed
   */
  PackVersion reloadChallenger(RulePack candidate);

  /**
   * Stops comparing with the challenger, at once: its queued declarations are not compared, and
   * its threads end. Assessing costs then what it costs without a challenger.
   *
   * @return the challenger's final diff, or empty if there was no challenger
   */
  Optional<ChallengerDiff> removeChallenger();

  /**
   * The running diff between the live pack and the challenger since the challenger was set, as a
   * snapshot; empty if there is no challenger. Cheap enough to call on every metrics scrape; safe
   * from any thread. After {@link #close()}, the final counts.
   */
  Optional<ChallengerDiff> challengerDiff();

  /**
   * Stops the challenger's threads, once they have compared what is queued (waiting at most 10
   * seconds; what is left then is counted as dropped). The live pack keeps assessing: closing an
   * engine ends the work it does beside its callers, not theirs. Idempotent; a challenger cannot
   * be set on a closed engine.
   */
  @Override
  void close();

  /**
   * The criteria of the pack serving now, sorted by code: every rule with a {@code @code}
   * attribute, its name and theme, and where it is declared (to list and label them in reports, or
   * check that each has its scenarios).
   */
  List<Criterion> criteria();

  /**
   * The assessments in progress now, one per Drools session at work, for a watchdog: a rule or
   * condition that never returns (a loop the time budget cannot interrupt, since it is checked
   * between firings) holds its thread for ever, and this names the thread, the declaration and the
   * rule. What to do about it is the caller's choice: a Java thread cannot be stopped, so a command
   * line tool reports it and ends the process.
   *
   * <p>Cheap for the assessments: a session registers when it starts and leaves when it ends, and
   * a snapshot reads what the assessing thread writes anyway. Safe to call from any thread, at any
   * time; calling it every second or so is what {@link RunningAssessment#stalled()} expects. The
   * challenger's sessions are listed too, on their {@code riskgate-challenger} threads.
   */
  List<RunningAssessment> running();

  /** A builder with the defaults listed on its setters. */
  static Builder builder() {
    return new Builder();
  }

  /**
   * Configures and builds a {@link RiskEngine}. Setters validate their argument at once and name
   * the rule it broke; {@link #build()} compiles the pack.
   */
  final class Builder {
    RulePack pack;
    Channel failureChannel = Channel.RED;
    int maxFiringsPerDeclaration = 1_000;
    int maxItemsPerDeclaration = 1_000;
    Duration maxTimePerDeclaration = Duration.ofSeconds(1);
    int batchSize = 250;
    Clock clock = Clock.systemUTC();
    final Map<String, Object> globals = new HashMap<>();
    final Set<String> allowedInPacks = new TreeSet<>();
    ConditionCompilation conditionCompilation;
    PackCache packCache = PackCache.shared();
    RulePack challenger;
    ChallengerListener challengerListener;
    int challengerThreads = 1;
    int challengerQueueCapacity = 10_000;

    Builder() {}

    /** The rule pack to assess with (required). */
    public Builder pack(RulePack pack) {
      this.pack = Objects.requireNonNull(pack, "pack");
      return this;
    }

    /**
     * The channel of a declaration the engine could not assess (default RED). GREEN is refused:
     * an unassessed declaration is never released.
     */
    public Builder failureChannel(Channel channel) {
      Objects.requireNonNull(channel, "failureChannel");
      if (channel == Channel.GREEN) {
        throw new IllegalArgumentException(
            "failureChannel must be YELLOW or RED: a declaration that could not be assessed is never released GREEN");
      }
      this.failureChannel = channel;
      return this;
    }

    /**
     * The most rule firings for each item of a declaration before the engine takes a rule for a
     * runaway and fails that declaration closed (default 1,000): a declaration of n items may fire
     * n times this, as every line criterion may fire once per item; one of no items, this.
     */
    public Builder maxFiringsPerDeclaration(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxFiringsPerDeclaration must be at least 1, was " + max);
      }
      this.maxFiringsPerDeclaration = max;
      return this;
    }

    /**
     * How long the rules may run for one declaration before the engine fails it closed, naming the
     * rule that was firing (default 1 s; 1 ms to 1 hour). This catches a rule whose consequence is
     * slow over many firings. A warm engine takes tens of microseconds for a typical declaration,
     * but the budget is wall time and the first assessments in a JVM (or after a reload) run
     * interpreted code: a rule firing 50 times took 150 ms on a cold JVM where it takes 2 ms warm.
     * A budget below that would fail legitimate declarations closed at start-up, or during a long
     * garbage collection pause.
     *
     * <p>The clock is read between firings, every 16 firings of a session
     * (every firing once half the budget is gone), so a declaration with fewer firings is never cut
     * short, and a single firing or condition that never returns is not stopped: see
     * {@link RiskEngine#running()} for watching those. A batch of {@code n} declarations in one
     * session has {@code n} times this budget; a batch that exceeds it is re-run one declaration at a
     * time, each with its own budget, so only the slow declaration fails closed (and its time is
     * spent twice).
     */
    public Builder maxTimePerDeclaration(Duration max) {
      Objects.requireNonNull(max, "maxTimePerDeclaration");
      if (max.compareTo(Duration.ofMillis(1)) < 0 || max.compareTo(Duration.ofHours(1)) > 0) {
        throw new IllegalArgumentException("maxTimePerDeclaration must be between 1 ms and 1 hour, was " + describe(max));
      }
      this.maxTimePerDeclaration = max;
      return this;
    }

    /** A duration as messages print it: {@code 50 ms}, or ISO-8601 when not whole milliseconds. */
    static String describe(Duration duration) {
      return duration.getNano() % 1_000_000 == 0 ? String.format("%,d ms", duration.toMillis()) : duration.toString();
    }

    /** The most items a declaration may have; beyond it fails closed (default 1,000). */
    public Builder maxItemsPerDeclaration(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxItemsPerDeclaration must be at least 1, was " + max);
      }
      this.maxItemsPerDeclaration = max;
      return this;
    }

    /**
     * How many declarations {@link RiskEngine#assessAll} runs in one Drools session (default 250;
     * 1 to 100,000). Larger batches amortise the session's cost, up to a point: a session's rules
     * fire one rule at a time across the whole batch, so a large batch walks its facts again for
     * every rule, out of the CPU's cache (on vn-baseline's realistic mix, batches of 1,000 cost
     * 9-16% more per declaration than batches of 250; see benchmarks/README.md). A failing
     * declaration costs its batch a re-run one declaration at a time. A session also ends early
     * once it holds 2,500 items, since a session of many large declarations costs more per
     * declaration, not less.
     */
    public Builder batchSize(int size) {
      if (size < 1 || size > 100_000) {
        throw new IllegalArgumentException("batchSize must be between 1 and 100,000, was " + size);
      }
      this.batchSize = size;
      return this;
    }

    /** The clock that stamps assessments (default the system clock in UTC). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Binds a DRL {@code global} to a value, e.g. an integrator's own trader registry. A value
     * given here overrides one the pack provides from its data files. Values are shared by every
     * thread, so they must be thread-safe.
     */
    public Builder global(String name, Object value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      if (name.equals(CompiledPack.RISK_GLOBAL)) {
        throw new IllegalArgumentException("global 'risk' is the engine's own and cannot be bound");
      }
      globals.put(name, value);
      return this;
    }

    /**
     * Whether a pack's conditions are compiled to Java (default {@link ConditionCompilation#AUTO}:
     * where Drools 10.1 compiles them correctly, otherwise interpreted, with the same results).
     * {@link ConditionCompilation#REQUIRED} refuses a pack whose compilation fails, with a
     * {@link RulePackException}; {@link ConditionCompilation#OFF} never compiles them.
     */
    public Builder conditionCompilation(ConditionCompilation compilation) {
      this.conditionCompilation = Objects.requireNonNull(compilation, "conditionCompilation");
      return this;
    }

    /**
     * Where compiled packs are kept for reuse (default {@link PackCache#shared()}, eight packs per
     * JVM shared by every engine that does not choose another).
     */
    public Builder packCache(PackCache cache) {
      this.packCache = Objects.requireNonNull(cache, "packCache");
      return this;
    }

    /**
     * Lets packs use classes beyond what a criterion may use by default (the declaration,
     * reference and reporting types, {@code java.lang} values, {@code String},
     * {@code StringBuilder}, {@code Math}, {@code java.math}, {@code java.time}'s values,
     * {@code java.util} collections and {@code java.util.function}; docs/rule-authoring.md, "What
     * a pack may do"). Every DRL file is checked against that list when a pack is built or
     * reloaded, and a pack that uses anything else is refused at the place it does.
     *
     * <p>A pack is code that runs with the engine's permissions: allow only what your own risk
     * officers need, such as your own reference types ({@code "com.example.risk.FxRates"}) or a
     * package of them ({@code "com.example.risk.*"}). The names are recorded with the compiled
     * pack, so the same pack under another list is checked again.
     *
     * @param classesOrPackages fully qualified class names, or package names ending in {@code .*}
     */
    public Builder allowInPacks(String... classesOrPackages) {
      for (String name : classesOrPackages) {
        allowedInPacks.add(PackPolicy.checkName(Objects.requireNonNull(name, "allowInPacks")));
      }
      return this;
    }

    /**
     * A candidate pack to run beside the live one (default none): every declaration that
     * {@code assess} or {@code assessAll} assesses is also assessed by {@code candidate}, off the
     * caller's thread, and the two assessments go to the {@link #challengerListener} and into the
     * running diff, {@link RiskEngine#challengerDiff()}. The candidate is compiled with the same
     * settings, globals and allowed classes as the live pack.
     *
     * <p>The caller gets the live pack's assessment, the same as without a challenger; its thread
     * only puts the declaration on the challenger's queue, without waiting: when the queue is full
     * the declaration is not compared, and counted as dropped. Whatever the challenger does (throw,
     * fail closed, run out of time) never reaches the live result; it is counted as a challenger
     * failure. Without a challenger, assessing costs one null check more than it did before.
     *
     * <p>An engine with a challenger owns threads: {@link RiskEngine#close() close} it when done.
     */
    public Builder challenger(RulePack candidate) {
      this.challenger = Objects.requireNonNull(candidate, "challenger");
      return this;
    }

    /**
     * Receives each declaration's live and challenger assessments (default none: the running diff
     * only). Called on the challenger's threads; see {@link ChallengerListener} for what a slow or
     * throwing listener does.
     */
    public Builder challengerListener(ChallengerListener listener) {
      this.challengerListener = Objects.requireNonNull(listener, "challengerListener");
      return this;
    }

    /**
     * How many threads assess with the challenger (default 1; 1 to 64). They are daemon threads
     * named {@code riskgate-challenger-<k>-<n>} (the JVM's k-th challenger), started with the
     * challenger and ended when it is replaced or removed, or by {@link RiskEngine#close()}. The
     * challenger assesses what each call handed over the way that call did (one {@code assess},
     * or {@code assessAll}'s batches), so one thread keeps up with one busy caller at the
     * challenger's cost per declaration; more threads keep up with more traffic, and take cores
     * from the live path.
     */
    public Builder challengerThreads(int threads) {
      if (threads < 1 || threads > 64) {
        throw new IllegalArgumentException("challengerThreads must be between 1 and 64, was " + threads);
      }
      this.challengerThreads = threads;
      return this;
    }

    /**
     * How many declarations may wait for the challenger at once (default 10,000;
     * 1 to 10,000,000). Past it, a declaration is not compared but counted as dropped, so that a
     * slow challenger never slows or blocks the live path; a queued declaration and its live
     * assessment stay in memory until compared.
     */
    public Builder challengerQueueCapacity(int capacity) {
      if (capacity < 1 || capacity > 10_000_000) {
        throw new IllegalArgumentException("challengerQueueCapacity must be between 1 and 10,000,000, was " + capacity);
      }
      this.challengerQueueCapacity = capacity;
      return this;
    }

    /**
     * Compiles the pack (and the challenger, if any) and builds the engine.
     *
     * @throws RulePackException if a pack does not compile or a global it declares is unbound
     * @throws IllegalStateException if no pack was given
     */
    public RiskEngine build() {
      if (pack == null) {
        throw new IllegalStateException("a pack is required: call pack(RulePack) before build()");
      }
      return new DroolsRiskEngine(this);
    }
  }
}
