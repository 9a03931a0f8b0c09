package io.riskgate;

import io.riskgate.internal.Spelling;
import io.riskgate.internal.drools.AlphaNetwork;
import io.riskgate.internal.drools.Rules;
import io.riskgate.reference.ReferenceData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Global;
import org.kie.api.definition.rule.Rule;

/**
 * A rule pack compiled to a Drools {@link KieBase}, with what the engine needs to know of it: the
 * globals it declares and its rules' criterion codes. Immutable; the KieBase is shared by every
 * session the engine opens on it, which Drools allows across threads.
 */
final class CompiledPack {
  /** The rule attribute that names a rule's criterion: {@code @code("VAL-01")}. */
  static final String CODE_ATTRIBUTE = "code";
  /** The rule attribute that puts its criterion on trial: {@code @trial}. */
  static final String TRIAL_ATTRIBUTE = "trial";
  /** The global every pack uses to report hits. */
  static final String RISK_GLOBAL = "risk";

  private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_.-]*");
  private static final Pattern PARSER_POSITION = Pattern.compile("\\s*\\[ERR \\d+] Line (\\d+):(\\d+)\\s*");
  private static final AtomicLong BUILDS = new AtomicLong();

  final RulePack pack;
  /** The pack's DRL files and converted decision tables, to locate its rules. */
  final RuleSources sources;
  final KieBase kieBase;
  /** Declared globals, name to type name, in declaration order. */
  final Map<String, String> globals;
  /**
   * The codes of the criteria on trial, from pack.json's {@code trial} and the rules' {@code @trial}
   * attributes: their hits count for nothing (see {@link Decider}).
   */
  final Set<String> trial;
  private final Map<String, Object> dataGlobals;

  private CompiledPack(RulePack pack, RuleSources sources, KieBase kieBase, Checked checked,
      Map<String, Object> dataGlobals) {
    this.pack = pack;
    this.sources = sources;
    this.kieBase = kieBase;
    this.globals = checked.globals();
    this.trial = checked.trial();
    this.dataGlobals = dataGlobals;
  }

  /** What {@link #check} finds: the declared globals and the codes on trial. */
  private record Checked(Map<String, String> globals, Set<String> trial) {}

  /**
   * System property, a test override of the default condition compilation: {@code false} is OFF,
   * {@code required} REQUIRED. The project's own tests require it, so that no test passes on the
   * interpreted network by accident.
   */
  static final String COMPILATION_PROPERTY = "riskgate.alphaNetworkCompiler";

  /** The compilation an engine runs with: its own choice, else the property's, else AUTO. */
  static ConditionCompilation compilation(ConditionCompilation chosen) {
    if (chosen != null) {
      return chosen;
    }
    String value = System.getProperty(COMPILATION_PROPERTY, "true");
    return value.equalsIgnoreCase("false") ? ConditionCompilation.OFF
        : value.equalsIgnoreCase("required") ? ConditionCompilation.REQUIRED : ConditionCompilation.AUTO;
  }

  /** The compiled form of {@code pack} with the defaults, for tests. */
  static CompiledPack of(RulePack pack) {
    return of(pack, PackPolicy.defaults(), compilation(null), PackCache.shared());
  }

  /**
   * The compiled form of {@code pack}, from {@code cache} when an identical pack compiled before
   * with the same policy and compilation.
   *
   * @throws RulePackException if the pack breaks the policy or does not compile
   */
  static CompiledPack of(RulePack pack, PackPolicy policy, ConditionCompilation compilation, PackCache cache) {
    // The compilation and the policy are part of the key: a pack compiled one way is not the
    // other, and a pack refused under one policy may be allowed under another.
    return cache.get(pack.version().contentHash() + "/" + compilation + "/" + policy.key(),
        key -> compile(pack, policy, compilation));
  }

  /**
   * Globals the pack provides from its own data files, by name: its reference data, loaded once
   * when the pack compiles (and so once per content hash). Only the sources the pack ships or
   * declares empty are here; a global of another kind must be bound through the builder.
   */
  Map<String, Object> dataGlobals() {
    return dataGlobals;
  }

  PackVersion version() {
    return pack.version();
  }

  PackManifest manifest() {
    return pack.manifest();
  }

  private static CompiledPack compile(RulePack pack, PackPolicy policy, ConditionCompilation compilation) {
    // Checked before Drools compiles anything: what a pack may not do is never compiled, let
    // alone run. Its other mistakes are reported with Drools' errors, all in one pass.
    RuleSources sources = RuleSources.of(pack);
    PackChecker.Findings findings = PackChecker.check(pack, sources, policy);
    if (!findings.refusals().isEmpty()) {
      List<RulePackException.Problem> all = new ArrayList<>(findings.refusals());
      all.addAll(findings.mistakes());
      throw new RulePackException(pack.location(), sorted(all));
    }
    KieServices services = KieServices.get();
    KieFileSystem files = services.newKieFileSystem();
    // A release id per build: Drools keys its repository by it, and two builds must never collide.
    ReleaseId releaseId = services.newReleaseId("io.riskgate.packs", pack.manifest().id(),
        "0.0." + BUILDS.incrementAndGet());
    files.generateAndWritePomXML(releaseId);
    // Drools advises (with a warning per file) that a file's folder match its package; packs keep
    // rules/ by theme, so each file goes into its package's folder here and its errors are mapped
    // back to the pack's own path.
    Map<String, String> packPaths = new HashMap<>();
    for (String path : sources.keys()) {
      String pkg = findings.packages().getOrDefault(path, "");
      // A decision table's sheet becomes a .drl of its own, named after the table and the sheet.
      String file = sources.generated(path) ? path.replaceAll("[^A-Za-z0-9_.-]", "_") + ".drl" : path;
      String internal = pkg.isEmpty() ? file : pkg.replace('.', '/') + "/" + file.replace('/', '.');
      packPaths.put(internal, path);
      files.write("src/main/resources/" + internal, sources.bytes(path));
    }
    try {
      KieBuilder builder = services.newKieBuilder(files).buildAll();
      List<RulePackException.Problem> problems = new ArrayList<>(
          sources.relocate(problems(builder.getResults().getMessages(), packPaths)));
      problems.addAll(findings.mistakes());
      if (!problems.isEmpty()) {
        throw new RulePackException(pack.location(), sorted(problems));
      }
      KieBase kieBase = services.newKieContainer(releaseId).getKieBase();
      if (compilation != ConditionCompilation.OFF) {
        try {
          AlphaNetwork.compile(kieBase, pack.location(), compilation == ConditionCompilation.REQUIRED);
        } catch (IllegalStateException e) {
          throw new RulePackException(pack.location(), List.of(new RulePackException.Problem("(pack)", 0, 0,
              e.getMessage() + "; conditionCompilation is REQUIRED")), e);
        }
      }
      Checked checked = check(pack, sources, kieBase);
      // Loaded even without a data/ folder: the manifest may declare sources empty.
      Map<String, Object> dataGlobals = pack.referenceData().globals();
      return new CompiledPack(pack, sources, kieBase, checked, dataGlobals);
    } finally {
      // Every build registers its module in the process-wide KieRepository; without this, every
      // reload would keep the previous pack's compiled classes alive for the life of the JVM.
      services.getRepository().removeKieModule(releaseId);
    }
  }

  private static List<RulePackException.Problem> problems(List<Message> messages, Map<String, String> packPaths) {
    List<RulePackException.Problem> problems = new ArrayList<>();
    Map<String, Integer> perFile = new HashMap<>();
    for (Message message : messages) {
      if (message.getLevel() != Message.Level.ERROR) {
        continue;
      }
      String path = message.getPath() == null ? "(pack)" : packPaths.getOrDefault(message.getPath(), message.getPath());
      int line = Math.max(0, message.getLine());
      int column = Math.max(0, message.getColumn());
      String text = message.getText() == null ? "error" : message.getText();
      Matcher position = PARSER_POSITION.matcher(text);
      if (position.lookingAt()) {
        // The DRL parser puts "Line 3:36" into the text and leaves the column out; ANTLR counts
        // columns from 0.
        line = line == 0 ? Integer.parseInt(position.group(1)) : line;
        column = Integer.parseInt(position.group(2)) + 1;
        text = text.substring(position.end());
      }
      text = text.replaceAll("\\s+", " ").trim();
      if (text.equals("Parser returned a null Package")) {
        // Drools adds this after every parse error; it says nothing the parse error did not.
        perFile.merge(path, 0, Integer::sum);
        continue;
      }
      perFile.merge(path, 1, Integer::sum);
      problems.add(new RulePackException.Problem(path, line, column, text));
    }
    perFile.forEach((path, count) -> {
      if (count == 0) {
        problems.add(new RulePackException.Problem(path, 0, 0, "the file does not parse"));
      }
    });
    return sorted(problems);
  }

  /** Problems in file, line and column order, each once: Drools reports some twice (once per pass). */
  private static List<RulePackException.Problem> sorted(List<RulePackException.Problem> problems) {
    List<RulePackException.Problem> copy = new ArrayList<>(problems);
    copy.sort(Comparator.comparing(RulePackException.Problem::path)
        .thenComparingInt(RulePackException.Problem::line)
        .thenComparingInt(RulePackException.Problem::column));
    Set<String> seen = new HashSet<>();
    copy.removeIf(problem -> !seen.add(problem.toString()));
    return List.copyOf(copy);
  }

  /**
   * Checks what Drools does not: unique rule names and criterion codes across the whole pack, and
   * that what is on trial is a criterion.
   */
  private static Checked check(RulePack pack, RuleSources sources, KieBase kieBase) {
    List<RulePackException.Problem> problems = new ArrayList<>();
    Map<String, String> codes = new HashMap<>();
    Set<String> trial = new HashSet<>();
    Map<String, String> names = new HashMap<>();
    Map<String, String> globals = new LinkedHashMap<>();
    List<KiePackage> packages = new ArrayList<>(kieBase.getKiePackages());
    packages.sort(Comparator.comparing(KiePackage::getName));
    for (KiePackage kiePackage : packages) {
      for (Global global : kiePackage.getGlobalVariables()) {
        globals.putIfAbsent(global.getName(), global.getType());
      }
      List<Rule> rules = new ArrayList<>(kiePackage.getRules());
      rules.sort(Comparator.comparing(Rule::getName));
      for (Rule rule : rules) {
        String name = rule.getName();
        if (names.putIfAbsent(name, kiePackage.getName()) != null) {
          problems.add(sources.locate(name, "rule name '" + name + "' is used twice; rule names must be unique in a pack"));
        }
        String group = Rules.activationGroup(rule);
        if (group != null) {
          // One group per session, and a session holds many declarations: one declaration's hit
          // would cancel another declaration's match.
          problems.add(sources.locate(name, "rule '" + name + "' is in activation-group '" + group
              + "', which the engine does not support: a batch shares one group across declarations, so one"
              + " declaration's hit would cancel another's; give the rules 'salience' and a 'not' condition instead"));
        }
        Object code = rule.getMetaData().get(CODE_ATTRIBUTE);
        if (rule.getMetaData().containsKey(TRIAL_ATTRIBUTE)) {
          Object value = rule.getMetaData().get(TRIAL_ATTRIBUTE);
          if (value != null && !value.toString().isBlank() && !value.toString().strip().equals("true")) {
            problems.add(sources.locate(name, "rule '" + name + "' has @trial(" + value
                + "); write @trial to put its criterion on trial, or leave the attribute out"));
          } else if (code != null) {  // a rule without a code is refused by PackChecker
            trial.add(code.toString());
          }
        }
        if (code == null) {
          continue;
        }
        String text = code.toString();
        if (!CODE.matcher(text).matches() || text.equals(Hit.ENGINE_ERROR)) {
          problems.add(sources.locate(name, "criterion code '" + text + "' of rule '" + name
              + "' must be upper-case letters, digits, '.', '_' or '-' (and not ENGINE_ERROR)"));
        } else {
          String other = codes.putIfAbsent(text, name);
          if (other != null) {
            problems.add(sources.locate(name, "criterion code " + text + " is used by rules '" + other
                + "' and '" + name + "'; codes must be unique in a pack"));
          }
        }
      }
    }
    List<String> listed = pack.manifest().trial();
    for (int i = 0; i < listed.size(); i++) {
      String code = listed.get(i);
      if (codes.containsKey(code)) {
        trial.add(code);
      } else {
        problems.add(ManifestReader.problemAt(pack.bytes(RulePack.MANIFEST), "/trial/" + i,
            "trial lists '" + code + "', which is not a criterion of the pack (no rule has @code(\"" + code
                + "\"))" + Spelling.closest(code, codes.keySet()).map(c -> "; did you mean '" + c + "'?").orElse("")));
      }
    }
    if (!problems.isEmpty()) {
      problems.sort(Comparator.comparing(RulePackException.Problem::path)
          .thenComparingInt(RulePackException.Problem::line));
      throw new RulePackException(pack.location(), problems);
    }
    return new Checked(Map.copyOf(globals), Set.copyOf(trial));
  }
}
