package io.riskgate.benchmarks;

import io.riskgate.Channel;
import io.riskgate.PackManifest;
import io.riskgate.RulePack;
import io.riskgate.declaration.Declaration;
import io.riskgate.declaration.Item;
import io.riskgate.declaration.Line;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;

/**
 * What a first-time Drools user writes to score declarations with a pack: build a
 * {@link KieContainer} once (here from the pack's DRL through a {@link KieFileSystem}, as the pack
 * is not on the class path), then for every declaration a new {@link KieSession}: set the globals,
 * insert the declaration and its lines, fire, dispose. Hits are collected by {@link NaiveRisk}; the channel is decided the way
 * the engine does (score thresholds, minimum channels, seeded random selection), so the two give
 * the same answer and only the way of running Drools differs.
 *
 * <p>Thread-safe: the container is shared, sessions are not.
 */
public final class NaiveDrools {
  /** The outcome of one declaration: its channel and the codes of the criteria that hit. */
  public record Outcome(Channel channel, int score, TreeSet<String> codes) {}

  /** How the first-timer wrote the criteria on the goods. */
  public enum Rules {
    /** The pack as it ships: item criteria match {@code Line} facts, so each item is inserted too. */
    PACK,
    /**
     * vn-baseline's item criteria as Drools' documentation reaches a collection,
     * {@code $i : Item(...) from $d.items} (the pack's own form before it moved to {@code Line}),
     * from {@code naive-from/rules/} beside this class; only the declaration is inserted.
     */
    FROM_ITEMS
  }

  private static final String FROM_ITEMS_RULES = "naive-from/";

  private final KieContainer container;
  private final PackManifest manifest;
  private final Map<String, Object> globals;
  private final boolean insertLines;

  /**
   * Compiles {@code pack} with its {@code global io.riskgate.Risk risk} replaced by a
   * {@link NaiveRisk}, and keeps {@code globals} (reference data) to set on every session. With
   * {@link Rules#FROM_ITEMS}, the pack must be vn-baseline.
   */
  public NaiveDrools(RulePack pack, Map<String, Object> globals, Rules rules) {
    KieServices services = KieServices.get();
    KieFileSystem files = services.newKieFileSystem();
    ReleaseId releaseId = services.newReleaseId("naive", pack.manifest().id(), "1.0." + System.nanoTime());
    files.generateAndWritePomXML(releaseId);
    for (String path : pack.paths()) {
      boolean table = path.startsWith("rules/") && (path.endsWith(".xlsx") || path.endsWith(".csv"));
      if (!path.endsWith(".drl") && !table) {
        continue;
      }
      // A decision table as the first-timer compiles it: Drools' spreadsheet compiler, to DRL.
      String drlPath = table ? path.replaceFirst("\\.(xlsx|csv)$", ".drl") : path;
      String drl = (rules == Rules.FROM_ITEMS ? fromItems(drlPath) : Optional.<String>empty())
          .orElseGet(() -> table ? new SpreadsheetCompiler().compile(new ByteArrayInputStream(PackFiles.bytes(pack, path)),
              path.endsWith(".csv") ? InputType.CSV : InputType.XLS) : pack.text(path).orElseThrow())
          .replace("global io.riskgate.Risk risk;", "global " + NaiveRisk.class.getName() + " risk;");
      files.write("src/main/resources/" + drlPath, drl.getBytes(StandardCharsets.UTF_8));
    }
    KieBuilder builder = services.newKieBuilder(files).buildAll();
    List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
    if (!errors.isEmpty()) {
      throw new IllegalStateException("pack " + pack.location() + " does not compile: " + errors);
    }
    this.container = services.newKieContainer(releaseId);
    this.manifest = pack.manifest();
    this.globals = Map.copyOf(globals);
    this.insertLines = rules == Rules.PACK;
  }

  /** The from-style text of one of vn-baseline's DRL files, if it has item criteria. */
  private static Optional<String> fromItems(String path) {
    try (InputStream in = NaiveDrools.class.getResourceAsStream(FROM_ITEMS_RULES + path)) {
      return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Assesses one declaration in a session of its own. */
  public Outcome assess(Declaration declaration) {
    NaiveRisk risk = new NaiveRisk();
    KieSession session = container.newKieSession();
    // The criterion code lives in the rule's @code attribute; the consequence does not pass it.
    DefaultAgendaEventListener codes = new DefaultAgendaEventListener() {
      @Override
      public void beforeMatchFired(BeforeMatchFiredEvent event) {
        Object code = event.getMatch().getRule().getMetaData().get("code");
        risk.code = code == null ? null : code.toString();
      }
    };
    try {
      session.addEventListener(codes);
      session.setGlobal("risk", risk);
      globals.forEach(session::setGlobal);
      session.insert(declaration);
      if (insertLines) {
        // The pack's item-level criteria match Line facts, so the items go in too.
        for (Item item : declaration.items()) {
          session.insert(new Line(declaration, item));
        }
      }
      session.fireAllRules();
    } finally {
      session.dispose();
    }
    return decide(declaration.number(), risk.hits);
  }

  private Outcome decide(String number, List<NaiveRisk.NaiveHit> hits) {
    Map<String, Integer> byCode = new HashMap<>();
    Channel targeted = Channel.GREEN;
    for (NaiveRisk.NaiveHit hit : hits) {
      byCode.merge(hit.code(), hit.points(), (a, b) -> Math.abs(b) > Math.abs(a) ? b : a);
      if (hit.minimum() != null) {
        targeted = targeted.max(hit.minimum());
      }
    }
    int score = 0;
    for (int points : byCode.values()) {
      score += points;
    }
    Channel channel = targeted.max(manifest.thresholds().channelFor(score))
        .max(manifest.randomChannel(number));
    return new Outcome(channel, score, new TreeSet<>(byCode.keySet()));
  }
}
