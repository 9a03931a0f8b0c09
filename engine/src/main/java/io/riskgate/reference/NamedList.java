package io.riskgate.reference;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One list of a pack's own, as {@link ReferenceSources#lists} builds {@link Lists} from: a name, a
 * kind and its values.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the name rules give it, lower-case letters, digits and '-' ({@code watched-origins})
 * @param kind what its values are, which decides how they are checked and matched
 * @param values its values, each valid for the kind, none twice
 */
public record NamedList(String name, ListKind kind, List<String> values) {
  static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

  public NamedList {
    checkName(name, "list");
    Objects.requireNonNull(kind, "kind is required");
    values = List.copyOf(values);
    Set<String> seen = new HashSet<>();
    for (String value : values) {
      String problem = kind.problem(value);
      if (problem != null) {
        throw new IllegalArgumentException("values of list '" + name + "': " + problem);
      }
      if (!seen.add(value)) {
        throw new IllegalArgumentException("values of list '" + name + "': " + value + " appears twice");
      }
    }
  }

  static void checkName(String name, String what) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("name of a " + what + " must be lower-case letters, digits and '-',"
          + " starting with a letter or digit, was '" + name + "'");
    }
  }
}
