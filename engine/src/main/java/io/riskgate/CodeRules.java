package io.riskgate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one DRL file's code may name, and the checks shared by the Java and the MVEL checkers: how a
 * simple type name resolves (the file's imports, its wildcard imports, {@code java.lang}, the
 * pack's own declared types), whether a class is allowed, and which members and variables no
 * criterion may touch whatever their type.
 */
final class CodeRules {
  /**
   * Members refused on any receiver: the ways from an allowed value to reflection, the wall clock,
   * system properties or a monitor. Checked by name since the checkers do not resolve receivers.
   */
  static final Map<String, String> FORBIDDEN_MEMBERS = Map.ofEntries(
      Map.entry("getClass", "reflection can change the engine itself"),
      Map.entry("getDeclaringClass", "reflection can change the engine itself"),
      Map.entry("getClassLoader", "reflection can change the engine itself"),
      Map.entry("forName", "reflection can change the engine itself"),
      Map.entry("now", "it reads the wall clock, and an assessment must be reproducible"),
      Map.entry("getInteger", "it reads the JVM's system properties"),
      Map.entry("getLong", "it reads the JVM's system properties"),
      Map.entry("getBoolean", "it reads the JVM's system properties"),
      Map.entry("wait", "it blocks the thread"),
      Map.entry("notify", "it signals another thread"),
      Map.entry("notifyAll", "it signals another thread"));

  /** First words of a qualified name that start a package rather than name a variable. */
  static final Set<String> PACKAGE_ROOTS = Set.of("java", "javax", "jdk", "sun", "com", "org", "net",
      "io", "jakarta", "kotlin", "scala", "groovy");

  /** Where to read what a pack may use; every refusal ends with it. */
  static final String SEE = " (what a pack may use: docs/rule-authoring.md, 'What a pack may do')";

  private final PackPolicy policy;
  private final Map<String, String> imports = new HashMap<>();
  private final List<String> wildcards;
  private final Set<String> packTypes;
  final Set<String> globals;
  final Set<String> functions;
  /** Globals of type {@code Risk}, whose hits' reason templates are checked against their values. */
  final Set<String> riskGlobals = new java.util.HashSet<>(Set.of("risk"));

  CodeRules(PackPolicy policy, Map<String, String> imports, List<String> wildcards,
      Set<String> packTypes, Set<String> globals, Set<String> functions) {
    this.policy = policy;
    this.imports.putAll(imports);
    this.wildcards = wildcards;
    this.packTypes = packTypes;
    this.globals = globals;
    this.functions = functions;
  }

  /**
   * The class a simple name denotes in this file, or null when it names none: a pack's own
   * declared type resolves to itself with no package.
   */
  String resolve(String simpleName) {
    String imported = imports.get(simpleName);
    if (imported != null) {
      return imported;
    }
    if (packTypes.contains(simpleName)) {
      return simpleName;
    }
    String lang = "java.lang." + simpleName;
    if (exists(lang)) {
      return lang;
    }
    for (String pkg : wildcards) {
      if (exists(pkg + "." + simpleName)) {
        return pkg + "." + simpleName;
      }
    }
    return null;
  }

  /**
   * Why a pack may not use the class {@code className}, or null if it may. A pack's own declared
   * types hold only fields and are always allowed.
   */
  String refusal(String className) {
    if (packTypes.contains(className) || policy.allows(className)) {
      return null;
    }
    return "'" + className + "' is not allowed in a pack: " + PackPolicy.why(className) + SEE;
  }

  private static final Set<String> PRIMITIVES = Set.of("boolean", "byte", "char", "short", "int", "long",
      "float", "double", "void", "var");

  /** Why a type written in the code (simple or qualified) is refused, or null if it is allowed. */
  String typeRefusal(String written) {
    if (PRIMITIVES.contains(written)) {
      return null;
    }
    String resolved = written.indexOf('.') < 0 ? resolve(written) : qualified(written);
    if (resolved == null) {
      return "'" + written + "' is not a type this file imports, or not one a pack may use" + SEE;
    }
    return refusal(resolved);
  }

  /**
   * The class a qualified name denotes: its words up to the first that starts with a capital
   * (java.lang.System.out names java.lang.System), or null if none does.
   */
  static String qualified(String dotted) {
    String[] words = dotted.split("\\.");
    StringBuilder name = new StringBuilder();
    for (String word : words) {
      if (name.length() > 0) {
        name.append('.');
      }
      name.append(word);
      if (!word.isEmpty() && Character.isUpperCase(word.charAt(0))) {
        return name.toString();
      }
    }
    return null;
  }

  /** Why a member may not be called or read, or null. */
  static String memberRefusal(String member) {
    String why = FORBIDDEN_MEMBERS.get(member);
    return why == null ? null : "'" + member + "' is not allowed in a pack: " + why + SEE;
  }

  /** Why one of Drools' consequence variables is refused, or null if the name is another. */
  String droolsVariableRefusal(String name) {
    String type = name.equals("drools") ? PackPolicy.DROOLS_HELPER
        : name.equals("kcontext") ? PackPolicy.RULE_CONTEXT : null;
    if (type == null || policy.allows(type)) {
      return null;
    }
    return "'" + name + "' is not allowed in a pack: it reaches the rule engine's internals (insert,"
        + " halt, other facts); report through 'risk'" + SEE;
  }

  private static boolean exists(String className) {
    try {
      Class.forName(className, false, CodeRules.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
