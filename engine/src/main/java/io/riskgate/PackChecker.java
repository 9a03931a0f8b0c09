package io.riskgate;

import io.riskgate.internal.drools.Rules;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.FunctionImportDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.PatternSourceDescr;
import org.drools.drl.ast.descr.QueryDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.ast.descr.TypeFieldDescr;

/**
 * Checks a pack's DRL files before Drools compiles them, so that nothing a pack must not do is ever
 * compiled, let alone run: what its code may use ({@link PackPolicy}: imports, globals, declared
 * types, functions, conditions, consequences, attributes, in Java and MVEL), no recursion among its
 * functions, a {@code @code} on every rule, and one declaration per match (a rule never joins the
 * facts of two declarations, since a batch puts many declarations in one session). Also what a rule
 * author would otherwise find out at run time: a file that is not UTF-8, a file in {@code rules/}
 * that is not loaded, a pack with no rules.
 *
 * <p>Structure comes from Drools' own DRL parser; Java bodies are read by JavaParser
 * ({@link JavaCheck}); conditions and MVEL by a conservative token check ({@link TokenCheck}).
 */
final class PackChecker {
  /** Rule attributes that make a rule depend on the wall clock: a re-score would decide otherwise. */
  private static final Set<String> CLOCK_ATTRIBUTES = Set.of("timer", "calendars", "date-effective",
      "date-expires", "duration");
  private static final String DECLARATION = "io.riskgate.declaration.Declaration";
  private static final String LINE = "io.riskgate.declaration.Line";

  private final PackPolicy policy;
  private final List<RulePackException.Problem> refusals = new ArrayList<>();
  private final List<RulePackException.Problem> mistakes = new ArrayList<>();
  /** Each parsed file's DRL package, by path. */
  private final Map<String, String> packages = new HashMap<>();
  private final Set<String> packTypes = new HashSet<>();
  private final Set<String> functions = new HashSet<>();
  /** Function name to the pack's functions its body calls, and where it is declared. */
  private final Map<String, Set<String>> calls = new LinkedHashMap<>();
  private final Map<String, DrlSource> functionSources = new HashMap<>();
  private final Map<String, Integer> functionOffsets = new HashMap<>();
  /** The types of the current file's globals and the current rule's pattern bindings, by name. */
  private final Map<String, Class<?>> variables = new HashMap<>();
  private final Map<String, Class<?>> globalTypes = new HashMap<>();

  private PackChecker(PackPolicy policy) {
    this.policy = policy;
  }

  /**
   * What the check found: {@code refusals}, what the pack may not do, which must stop the build
   * before Drools compiles anything; {@code mistakes}, which are reported with Drools' own errors
   * so that an author sees them all at once. Each in file and line order.
   */
  record Findings(List<RulePackException.Problem> refusals, List<RulePackException.Problem> mistakes,
      Map<String, String> packages) {}

  /**
   * Checks every DRL file of {@code pack} and the DRL its decision tables convert to ({@code
   * sources}); problems in a table's DRL are reported at its cells.
   */
  static Findings check(RulePack pack, RuleSources sources, PackPolicy policy) {
    Findings findings = new PackChecker(policy).run(pack, sources);
    return new Findings(sorted(sources.relocate(findings.refusals())), sorted(sources.relocate(findings.mistakes())),
        findings.packages());
  }

  private Findings run(RulePack pack, RuleSources sources) {
    for (String path : pack.paths()) {
      if (path.startsWith("rules/") && !path.endsWith(".drl") && !DecisionTable.isTable(path)) {
        mistakes.add(new RulePackException.Problem(path, 0, 0, "not loaded: a rule file's name must end"
            + " in '.drl', or '.xlsx' or '.csv' for a decision table (lower case); move other files out of rules/"));
      }
    }
    mistakes.addAll(sources.problems());
    Map<DrlSource, PackageDescr> parsed = new LinkedHashMap<>();
    List<String> keys = sources.keys();
    for (String path : keys) {
      String text = decode(path, sources.bytes(path));
      if (text == null) {
        continue;
      }
      DrlSource source = new DrlSource(path, text, refusals, mistakes);
      PackageDescr descr = Rules.parse(text);
      if (descr == null) {
        continue;  // Drools reports the syntax error, located, when it compiles
      }
      parsed.put(source, descr);
      packages.put(path, descr.getNamespace() == null ? "" : descr.getNamespace());
      descr.getTypeDeclarations().forEach(type -> packTypes.add(type.getTypeName()));
      descr.getEnumDeclarations().forEach(type -> packTypes.add(type.getTypeName()));
      descr.getFunctions().forEach(function -> functions.add(function.getName()));
    }
    // Globals are shared by the files of a package: any file may use one another declares.
    Set<String> listGlobals = new HashSet<>();
    Set<String> tableGlobals = new HashSet<>();
    for (PackageDescr descr : parsed.values()) {
      for (GlobalDescr global : descr.getGlobals()) {
        String type = bare(global.getType());
        if (type.equals("Lists") || type.equals("io.riskgate.reference.Lists")) {
          listGlobals.add(global.getIdentifier());
        } else if (type.equals("Tables") || type.equals("io.riskgate.reference.Tables")) {
          tableGlobals.add(global.getIdentifier());
        }
      }
    }
    int rules = 0;
    for (Map.Entry<DrlSource, PackageDescr> file : parsed.entrySet()) {
      rules += checkFile(file.getKey(), file.getValue());
      OwnDataCheck.check(file.getKey(), pack.manifest(), listGlobals, tableGlobals);
    }
    recursion();
    if (rules == 0 && parsed.size() == keys.size() && !parsed.isEmpty() && sources.problems().isEmpty()) {
      mistakes.add(new RulePackException.Problem(keys.get(0), 0, 0,
          "the pack has no rules: a pack decides nothing without criteria"));
    }
    return new Findings(sorted(refusals), sorted(mistakes), Map.copyOf(packages));
  }

  private static List<RulePackException.Problem> sorted(List<RulePackException.Problem> problems) {
    List<RulePackException.Problem> copy = new ArrayList<>(new java.util.LinkedHashSet<>(problems));
    copy.sort(java.util.Comparator.comparing(RulePackException.Problem::path)
        .thenComparingInt(RulePackException.Problem::line)
        .thenComparingInt(RulePackException.Problem::column));
    return List.copyOf(copy);
  }

  /** The file's text, or null (and a problem at the first bad byte's line) if it is not UTF-8. */
  private String decode(String path, byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return decoder.decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      int bad = firstBadByte(bytes);
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < bad; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      mistakes.add(new RulePackException.Problem(path, line, bad - lineStart + 1,
          "the file is not UTF-8: byte 0x" + String.format("%02X", bytes[bad] & 0xff)
              + " at byte offset " + bad + "; save it as UTF-8"));
      return null;
    }
  }

  private static int firstBadByte(byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    int low = 0;
    int high = bytes.length;
    // The longest prefix that decodes ends where the bad byte starts (give or take a sequence).
    while (low < high) {
      int mid = (low + high + 1) >>> 1;
      try {
        decoder.reset().decode(ByteBuffer.wrap(bytes, 0, mid));
        low = mid;
      } catch (CharacterCodingException e) {
        high = mid - 1;
      }
    }
    int bad = Math.min(low, bytes.length - 1);
    while (bad > 0 && (bytes[bad] & 0xC0) == 0x80 && low - bad < 3 && (bytes[bad - 1] & 0x80) != 0) {
      bad--;  // back to the start of the sequence the prefix cut
    }
    return bad;
  }

  private int checkFile(DrlSource source, PackageDescr descr) {
    Map<String, String> imports = new HashMap<>();
    List<String> wildcards = new ArrayList<>();
    for (ImportDescr imported : descr.getImports()) {
      String target = imported.getTarget();
      if (target.endsWith(".*")) {
        wildcards.add(target.substring(0, target.length() - 2));
      } else {
        imports.put(target.substring(target.lastIndexOf('.') + 1), target);
        refuse(source, imported, refusalOfClass(target));
      }
    }
    for (FunctionImportDescr imported : descr.getFunctionImports()) {
      String target = imported.getTarget();
      int dot = target.lastIndexOf('.');
      refuse(source, imported, dot < 0 ? null : refusalOfClass(target.substring(0, dot)));
    }
    Set<String> globals = new HashSet<>();
    descr.getGlobals().forEach(global -> globals.add(global.getIdentifier()));
    CodeRules rules = new CodeRules(policy, imports, wildcards, packTypes, globals, functions);
    for (GlobalDescr global : descr.getGlobals()) {
      if (bare(global.getType()).equals("Risk") || bare(global.getType()).equals("io.riskgate.Risk")) {
        rules.riskGlobals.add(global.getIdentifier());
      }
    }

    globalTypes.clear();
    for (GlobalDescr global : descr.getGlobals()) {
      String refusal = rules.typeRefusal(bare(global.getType()));
      refuse(source, global, refusal);
      Class<?> type = refusal == null ? load(rules, global.getType()) : null;
      if (type != null) {
        globalTypes.put(global.getIdentifier(), type);
      }
    }
    for (TypeDeclarationDescr type : descr.getTypeDeclarations()) {
      for (String superType : type.getSuperTypes().stream().map(t -> t.getFullName()).toList()) {
        refuse(source, type, rules.typeRefusal(bare(superType)));
      }
      for (TypeFieldDescr field : type.getFields().values()) {
        refuse(source, field, rules.typeRefusal(bare(field.getPattern().getObjectType())));
      }
    }
    for (FunctionDescr function : descr.getFunctions()) {
      checkFunction(source, function, rules);
    }
    int count = 0;
    for (RuleDescr rule : descr.getRules()) {
      checkRule(source, rule, rules);
      if (!(rule instanceof QueryDescr)) {
        count++;
      }
    }
    return count;
  }

  private String refusalOfClass(String className) {
    return policy.allows(className) || packTypes.contains(className.substring(className.lastIndexOf('.') + 1))
        ? null : "'" + className + "' is not allowed in a pack: " + PackPolicy.why(className) + CodeRules.SEE;
  }

  private void checkFunction(DrlSource source, FunctionDescr function, CodeRules rules) {
    refuse(source, function, rules.typeRefusal(bare(function.getReturnType())));
    for (String type : function.getParameterTypes()) {
      refuse(source, function, rules.typeRefusal(bare(type)));
    }
    int at = source.find(function.getBody(), function.getLine());
    Set<String> called = calls.computeIfAbsent(function.getName(), name -> new HashSet<>());
    functionSources.put(function.getName(), source);
    functionOffsets.put(function.getName(), source.offsetOf(function.getLine(), function.getColumn()));
    JavaCheck.check(source, at < 0 ? source.offsetOf(function.getLine(), function.getColumn()) : at, at >= 0,
        function.getBody(), rules, new HashSet<>(function.getParameterNames()), called);
  }

  private void checkRule(DrlSource source, RuleDescr rule, CodeRules rules) {
    boolean mvel = "mvel".equals(rule.getDialect()) || rule.getAttributes().containsKey("dialect")
        && "mvel".equals(rule.getAttributes().get("dialect").getValue());
    if (!(rule instanceof QueryDescr) && rule.getAnnotation(CompiledPack.CODE_ATTRIBUTE) == null) {
      source.mistake(rule.getLine(), rule.getColumn(), "rule '" + rule.getName() + "' has no @code(\"...\"):"
          + " every criterion needs a code, unique in the pack, that its hits carry");
    }
    for (AttributeDescr attribute : rule.getAttributes().values()) {
      if (CLOCK_ATTRIBUTES.contains(attribute.getName())) {
        int line = source.offsetOfLine(attribute.getLine());
        int at = source.text.indexOf(attribute.getName(), line);
        source.mistake(at < 0 ? line : at, "attribute '" + attribute.getName()
            + "' is not allowed in a pack: it makes a rule depend on the wall clock, and an assessment"
            + " must be reproducible" + CodeRules.SEE);
      } else if (attribute.getName().equals("salience") || attribute.getName().equals("enabled")) {
        expression(source, attribute, attribute.getValue(), rules);
      }
    }
    variables.clear();
    variables.putAll(globalTypes);
    conditions(source, rule.getLhs(), rules);
    code(source, rule, String.valueOf(rule.getConsequence()), rule.getConsequenceLine(), mvel, rules);
    for (Object named : rule.getNamedConsequences().values()) {
      code(source, rule, String.valueOf(named), rule.getConsequenceLine(), mvel, rules);
    }
    if (!(rule instanceof QueryDescr)) {
      new DeclarationScope(source, rule, rules).check();
    }
  }

  private void code(DrlSource source, BaseDescr owner, String code, int line, boolean mvel, CodeRules rules) {
    if (code == null || code.isBlank() || code.equals("null")) {
      return;
    }
    int at = source.find(code, line > 0 ? line : owner.getLine());
    int base = at < 0 ? source.offsetOf(owner.getLine(), owner.getColumn()) : at;
    if (mvel) {
      TokenCheck.check(source, base, at >= 0, code.strip(), rules);
    } else {
      JavaCheck.check(source, base, at >= 0, code.strip(), rules, Set.of(), new HashSet<>());
    }
  }

  private void conditions(DrlSource source, BaseDescr descr, CodeRules rules) {
    if (descr instanceof PatternDescr pattern) {
      Class<?> type = null;
      if (pattern.getObjectType() != null && !pattern.getObjectType().isBlank()
          && !pattern.getObjectType().equals("Object")) {
        String refusal = rules.typeRefusal(bare(pattern.getObjectType()));
        refuse(source, pattern, refusal);
        type = refusal == null ? load(rules, pattern.getObjectType()) : null;
      }
      if (type != null && pattern.getIdentifier() != null) {
        variables.put(pattern.getIdentifier(), type);
      }
      for (BaseDescr constraint : pattern.getConstraint().getDescrs()) {
        conditions(source, constraint, rules);
        if (type != null && constraint instanceof ExprConstraintDescr expr) {
          String mismatch = LiteralTypes.mismatch(expr.getExpression(), type, variables);
          if (mismatch != null) {
            source.mistake(source.offsetOf(expr.getLine(), expr.getColumn()), mismatch);
          }
        }
      }
      PatternSourceDescr from = pattern.getSource();
      if (from != null) {
        conditions(source, from, rules);
      }
    } else if (descr instanceof ExprConstraintDescr constraint) {
      expression(source, constraint, constraint.getExpression(), rules);
    } else if (descr instanceof EvalDescr eval) {
      expression(source, eval, String.valueOf(eval.getContent()), rules);
    } else if (descr instanceof FromDescr from) {
      expression(source, from, from.getDataSource() == null ? from.getExpression() : from.getDataSource().getText(),
          rules);
    } else if (descr instanceof AccumulateDescr accumulate) {
      conditions(source, accumulate.getInput(), rules);
      for (AccumulateDescr.AccumulateFunctionCallDescr function : accumulate.getFunctions()) {
        for (String parameter : function.getParams()) {
          expression(source, accumulate, parameter, rules);
        }
      }
      for (String code : new String[] {accumulate.getInitCode(), accumulate.getActionCode(),
          accumulate.getReverseCode()}) {
        code(source, accumulate, code, accumulate.getLine(), false, rules);
      }
      if (accumulate.getResultCode() != null) {
        expression(source, accumulate, accumulate.getResultCode(), rules);
      }
    } else if (descr instanceof CollectDescr collect) {
      conditions(source, collect.getInputPattern(), rules);
    } else if (descr instanceof ConditionalElementDescr element) {
      for (BaseDescr child : element.getDescrs()) {
        conditions(source, child, rules);
      }
    }
  }

  private void expression(DrlSource source, BaseDescr owner, String expression, CodeRules rules) {
    if (expression == null || expression.isBlank()) {
      return;
    }
    int at = source.offsetOf(owner.getLine(), owner.getColumn());
    boolean located = source.text.startsWith(expression, at);
    if (!located) {
      int found = source.find(expression, owner.getLine());
      located = found >= 0;
      at = located ? found : at;
    }
    TokenCheck.check(source, at, located, expression, rules);
  }

  /** Refuses functions that call themselves, directly or through other functions. */
  private void recursion() {
    for (String function : calls.keySet()) {
      List<String> path = cycle(function, function, new ArrayList<>(), new HashSet<>());
      if (path != null) {
        functionSources.get(function).mistake(functionOffsets.get(function), "function '" + function
            + "' calls itself" + (path.size() > 1 ? " (through " + String.join(", ", path.subList(0, path.size() - 1))
                + ")" : "") + ": recursion is not allowed in a pack, since it can run without end" + CodeRules.SEE);
      }
    }
  }

  private List<String> cycle(String start, String at, List<String> path, Set<String> seen) {
    for (String next : calls.getOrDefault(at, Set.of())) {
      List<String> longer = new ArrayList<>(path);
      longer.add(next);
      if (next.equals(start)) {
        return longer;
      }
      if (seen.add(next)) {
        List<String> found = cycle(start, next, longer, seen);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /** The class a type name denotes in this file, or null (a pack's own type, or none). */
  private static Class<?> load(CodeRules rules, String written) {
    String name = bare(written);
    String resolved = name.indexOf('.') < 0 ? rules.resolve(name) : name;
    if (resolved == null || resolved.indexOf('.') < 0) {
      return null;
    }
    try {
      return Class.forName(resolved, false, PackChecker.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }

  private static void refuse(DrlSource source, BaseDescr descr, String refusal) {
    if (refusal != null) {
      source.refuse(descr.getLine(), descr.getColumn(), refusal);
    }
  }

  /** A type as written, without generics or array brackets. */
  private static String bare(String type) {
    if (type == null) {
      return "Object";
    }
    int generic = type.indexOf('<');
    String name = generic < 0 ? type : type.substring(0, generic);
    return name.replace("[]", "").replace("...", "").strip();
  }

  /**
   * One declaration per match: the engine puts a batch of declarations in one session, so a rule
   * whose conditions could match the facts of two declarations would decide one declaration by
   * another, and channels would depend on the batch. The rule's first {@code Declaration} or
   * {@code Line} pattern is its declaration; every other such pattern, in any condition, must be
   * tied to it: {@code Declaration(this == $d)}, {@code Line(declaration == $d)}.
   */
  private static final class DeclarationScope {
    private final DrlSource source;
    private final RuleDescr rule;
    private final CodeRules rules;

    DeclarationScope(DrlSource source, RuleDescr rule, CodeRules rules) {
      this.source = source;
      this.rule = rule;
      this.rules = rules;
    }

    /** Marks that the rule has its declaration, bound to a name or not. */
    private static final String ANCHORED = "#";

    private static java.util.Optional<String> named(Set<String> anchors) {
      return anchors.stream().filter(name -> !name.equals(ANCHORED)).sorted().findFirst();
    }

    void check() {
      walk(rule.getLhs(), new HashSet<>(), true);
    }

    /**
     * Walks conditions in order; {@code anchors} holds the expressions that denote the rule's
     * declaration once it has one ({@code $d}, {@code $l.declaration}).
     */
    private void walk(BaseDescr descr, Set<String> anchors, boolean positive) {
      if (descr instanceof PatternDescr pattern) {
        pattern(pattern, anchors, positive);
      } else if (descr instanceof OrDescr or) {
        for (BaseDescr branch : or.getDescrs()) {
          walk(branch, new HashSet<>(anchors), positive);  // each branch is a rule of its own
        }
      } else if (descr instanceof AccumulateDescr accumulate) {
        walk(accumulate.getInput(), anchors, false);
      } else if (descr instanceof CollectDescr collect) {
        walk(collect.getInputPattern(), anchors, false);
      } else if (descr instanceof ConditionalElementDescr element) {
        boolean nested = positive && element instanceof AndDescr;
        for (BaseDescr child : element.getDescrs()) {
          walk(child, anchors, nested);
        }
      }
    }

    private void pattern(PatternDescr pattern, Set<String> anchors, boolean positive) {
      PatternSourceDescr from = pattern.getSource();
      if (from instanceof AccumulateDescr || from instanceof CollectDescr) {
        walk(from, anchors, false);
      }
      String type = pattern.getObjectType() == null ? null : rules.resolve(bare(pattern.getObjectType()));
      boolean fromMemory = from == null || from.getClass().getSimpleName().equals("EntryPointDescr");
      if (!fromMemory || !(DECLARATION.equals(type) || LINE.equals(type))) {
        return;
      }
      boolean line = LINE.equals(type);
      List<String> constraints = new ArrayList<>();
      for (BaseDescr constraint : pattern.getConstraint().getDescrs()) {
        if (constraint instanceof ExprConstraintDescr expr) {
          constraints.add(expr.getExpression().replaceAll("\\s+", " ").strip());
        }
      }
      boolean tied = false;
      String self = line ? "declaration" : "this";
      for (String constraint : constraints) {
        String[] sides = constraint.split(" ?== ?");
        if (sides.length == 2 && (sides[0].equals(self) && anchors.contains(sides[1])
            || sides[1].equals(self) && anchors.contains(sides[0]))) {
          tied = true;
        }
      }
      if (!tied && (anchors.contains(ANCHORED) || !positive)) {
        String name = line ? "Line" : "Declaration";
        source.mistake(pattern.getLine(), pattern.getColumn(), "rule '" + rule.getName() + "': this " + name
            + " pattern is not tied to the rule's declaration, so it could match another declaration's"
            + " facts in the same batch and the channel would depend on the batch; "
            + (anchors.isEmpty() ? "start the rule with the declaration it decides ($d : Declaration()"
                + " or Line($d : declaration)) and tie this pattern to it"
                : named(anchors).map(anchor -> "add '" + self + " == " + anchor + "'")
                    .orElse("bind the rule's first pattern ($d : Declaration(...)) and add '" + self + " == $d'")));
        return;
      }
      anchors.add(ANCHORED);
      if (pattern.getIdentifier() != null) {
        String id = pattern.getIdentifier();
        if (line) {
          anchors.add(id + ".declaration");
          anchors.add(id + ".declaration()");
        } else {
          anchors.add(id);
        }
      }
      if (line) {
        for (String constraint : constraints) {
          String[] binding = constraint.split(" ?: ?");
          if (binding.length == 2 && binding[0].startsWith("$") && binding[1].equals("declaration")) {
            anchors.add(binding[0]);
          }
        }
      }
    }
  }
}
