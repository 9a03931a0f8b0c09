package io.riskgate;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the Java and MVEL code of a pack may use: the allowlist every DRL file is checked against
 * when a pack is built, before Drools compiles it (see {@link PackChecker}).
 *
 * <p>A pack is code written by risk officers and loaded into the system that releases goods, so by
 * default it may use only what a criterion needs: the engine's declaration, reference and
 * reporting types; {@code java.lang} value types, {@code String}, {@code StringBuilder} and
 * {@code Math}; {@code java.math}; the values of {@code java.time}; {@code java.util} collections
 * and {@code java.util.function}. An integrator who needs more names it on the builder
 * ({@link RiskEngine.Builder#allowInPacks}); the names are part of the compiled pack's cache key.
 * Immutable.
 */
final class PackPolicy {
  /** Packages whose every class a pack may use. */
  private static final Set<String> PACKAGES = Set.of(
      "io.riskgate.declaration", "java.math", "java.util.function", "java.time.format",
      "java.time.temporal");

  /** Single classes a pack may use, beyond {@link #PACKAGES}. */
  private static final Set<String> CLASSES = Set.of(
      "io.riskgate.Risk", "io.riskgate.Channel",
      // Reference data a rule consults; the loaders and caches an integrator configures are not.
      "io.riskgate.reference.HsList", "io.riskgate.reference.HsListEntry",
      "io.riskgate.reference.HsLists", "io.riskgate.reference.HsPrefixes",
      "io.riskgate.reference.PriceTable", "io.riskgate.reference.ReferencePrice",
      "io.riskgate.reference.Severity", "io.riskgate.reference.Trader",
      "io.riskgate.reference.TraderRegistry", "io.riskgate.reference.Violation",
      "io.riskgate.reference.Watchlist", "io.riskgate.reference.WatchlistEntry",
      "io.riskgate.reference.Watchlists", "io.riskgate.reference.Lists", "io.riskgate.reference.Tables",
      "io.riskgate.reference.TableRow",
      "java.lang.Object", "java.lang.String", "java.lang.StringBuilder", "java.lang.CharSequence",
      "java.lang.Math", "java.lang.StrictMath", "java.lang.Number", "java.lang.Integer",
      "java.lang.Long", "java.lang.Short", "java.lang.Byte", "java.lang.Double", "java.lang.Float",
      "java.lang.Boolean", "java.lang.Character", "java.lang.Comparable", "java.lang.Iterable",
      "java.lang.Override", "java.lang.SuppressWarnings", "java.lang.Exception",
      "java.lang.RuntimeException", "java.lang.IllegalArgumentException",
      "java.lang.IllegalStateException", "java.lang.ArithmeticException",
      "java.lang.NullPointerException", "java.lang.NumberFormatException",
      "java.lang.IndexOutOfBoundsException", "java.lang.UnsupportedOperationException",
      "java.util.Collection", "java.util.List", "java.util.ArrayList", "java.util.LinkedList",
      "java.util.Set", "java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeSet",
      "java.util.SortedSet", "java.util.NavigableSet", "java.util.Map", "java.util.HashMap",
      "java.util.LinkedHashMap", "java.util.TreeMap", "java.util.SortedMap",
      "java.util.NavigableMap", "java.util.EnumMap", "java.util.EnumSet", "java.util.Queue",
      "java.util.Deque", "java.util.ArrayDeque", "java.util.Iterator", "java.util.ListIterator",
      "java.util.Comparator", "java.util.Collections", "java.util.Arrays", "java.util.Objects",
      "java.util.Optional", "java.util.OptionalInt", "java.util.OptionalLong",
      "java.util.OptionalDouble", "java.util.StringJoiner", "java.util.Locale",
      // java.time's values; not Clock or InstantSource, which read the wall clock.
      "java.time.Instant", "java.time.LocalDate", "java.time.LocalDateTime", "java.time.LocalTime",
      "java.time.OffsetDateTime", "java.time.ZonedDateTime", "java.time.ZoneId",
      "java.time.ZoneOffset", "java.time.Duration", "java.time.Period", "java.time.Year",
      "java.time.YearMonth", "java.time.MonthDay", "java.time.Month", "java.time.DayOfWeek",
      "java.time.DateTimeException");

  /** The variables Drools gives a consequence, by the type they would let a pack reach. */
  static final String DROOLS_HELPER = "org.drools.core.rule.consequence.KnowledgeHelper";
  static final String RULE_CONTEXT = "org.kie.api.runtime.rule.RuleContext";

  private static final PackPolicy DEFAULT = new PackPolicy(Set.of());

  private final Set<String> extra;

  private PackPolicy(Set<String> extra) {
    this.extra = extra;
  }

  /** The default policy: the allowlist alone. */
  static PackPolicy defaults() {
    return DEFAULT;
  }

  /**
   * The allowlist and {@code names}: fully qualified class names, or package names ending in
   * {@code .*} for every class of that package.
   */
  static PackPolicy allowing(Set<String> names) {
    return names.isEmpty() ? DEFAULT : new PackPolicy(Set.copyOf(names));
  }

  /** Checks a name for {@link RiskEngine.Builder#allowInPacks}, naming the rule it breaks. */
  static String checkName(String name) {
    String bare = name.endsWith(".*") ? name.substring(0, name.length() - 2) : name;
    if (!bare.matches("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)+")) {
      throw new IllegalArgumentException("allowInPacks takes fully qualified class names or"
          + " packages ending in '.*', was '" + name + "'");
    }
    return name;
  }

  /** Whether a pack may use the class {@code className} (a nested class counts as its outer class). */
  boolean allows(String className) {
    String name = className;
    int dollar = name.indexOf('$');
    if (dollar > 0) {
      name = name.substring(0, dollar);
    }
    String outer = CodeRules.qualified(name);  // Outer.Inner is allowed with Outer
    name = outer == null ? name : outer;
    int dot = name.lastIndexOf('.');
    String pkg = dot < 0 ? "" : name.substring(0, dot);
    return CLASSES.contains(name) || PACKAGES.contains(pkg)
        || extra.contains(name) || extra.contains(pkg + ".*");
  }

  /** Why a class is refused, in the words a rule author reads. */
  static String why(String className) {
    if (className.equals("java.lang.System") || className.equals("java.lang.Runtime")
        || className.startsWith("java.lang.Process")) {
      return "it can stop the engine, run programs or read the host";
    }
    if (className.startsWith("java.lang.Thread") || className.startsWith("java.util.concurrent")) {
      return "it starts or controls threads";
    }
    if (className.equals("java.lang.Class") || className.startsWith("java.lang.reflect")
        || className.startsWith("java.lang.invoke") || className.contains("ClassLoader")) {
      return "reflection and class loading can change the engine itself";
    }
    if (className.startsWith("java.io") || className.startsWith("java.nio")
        || className.startsWith("java.net")) {
      return "it reads or writes files or the network";
    }
    if (className.startsWith("sun.") || className.startsWith("jdk.")) {
      return "it reaches the JVM's internals";
    }
    if (className.equals("java.time.Clock") || className.equals("java.time.InstantSource")) {
      return "it reads the wall clock, and an assessment must be reproducible";
    }
    if (className.startsWith("org.drools") || className.startsWith("org.kie")) {
      return "it reaches the rule engine's internals";
    }
    return "it is not on the list of what a criterion may use";
  }

  /** A stable text of what this policy adds to the allowlist, for cache keys. */
  String key() {
    return extra.isEmpty() ? "" : String.join(",", new TreeSet<>(extra));
  }

  @Override
  public String toString() {
    return extra.isEmpty() ? "PackPolicy[defaults]" : "PackPolicy[defaults + " + List.copyOf(new TreeSet<>(extra)) + "]";
  }
}
