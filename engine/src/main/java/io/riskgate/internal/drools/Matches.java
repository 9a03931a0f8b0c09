package io.riskgate.internal.drools;

import io.riskgate.declaration.Declaration;
import io.riskgate.declaration.Line;
import java.util.List;
import org.drools.core.common.InternalFactHandle;
import org.drools.core.reteoo.TupleImpl;
import org.drools.core.rule.consequence.InternalMatch;
import org.kie.api.runtime.rule.Match;

/** Finding the declaration a match belongs to, at every firing, without building lists. */
public final class Matches {
  private Matches() {}

  /**
   * The declaration of the match's first {@code Declaration} or {@code Line} fact, or
   * {@code otherwise} if it has none. Walks Drools' tuple (last pattern first) rather than calling
   * {@code Match.getObjects()}, which builds two lists per firing only to be read once.
   */
  public static Object declarationOf(Match match, Object otherwise) {
    if (!(match instanceof InternalMatch internal)) {
      return declarationOf(match.getObjects(), otherwise);
    }
    Object key = otherwise;
    for (TupleImpl tuple = internal.getTuple(); tuple != null; tuple = tuple.getParent()) {
      InternalFactHandle handle = tuple.getFactHandle();
      Object declaration = handle == null ? null : declarationOf(handle.getObject());
      if (declaration != null) {
        key = declaration;  // keep walking: the first pattern's fact comes last
      }
    }
    return key;
  }

  /** Whether {@link #declarationOf} can walk this match's tuple: the fast path. */
  public static boolean walksTuple(Match match) {
    return match instanceof InternalMatch internal && internal.getTuple() != null;
  }

  private static Object declarationOf(List<?> facts, Object otherwise) {
    for (Object fact : facts) {
      Object declaration = declarationOf(fact);
      if (declaration != null) {
        return declaration;
      }
    }
    return otherwise;
  }

  private static Declaration declarationOf(Object fact) {
    return fact instanceof Declaration declaration ? declaration
        : fact instanceof Line line ? line.declaration() : null;
  }
}
