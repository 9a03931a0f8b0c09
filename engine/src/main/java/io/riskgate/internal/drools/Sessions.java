package io.riskgate.internal.drools;

import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.rule.EntryPoint;

/**
 * Reusing a Drools session, and resolving its globals fast: what the engine needs of Drools' session
 * implementation ({@code StatefulKnowledgeSessionImpl}) beyond the KIE API.
 */
public final class Sessions {
  private static final String DEFAULT_ENTRY_POINT = "DEFAULT";

  private Sessions() {}

  /**
   * A new session on {@code kieBase} whose globals {@link SessionGlobals} resolves; on a session
   * implementation this does not know, a plain session (slower, same results).
   */
  public static KieSession open(KieBase kieBase, KieSessionConfiguration configuration) {
    KieSession session = kieBase.newKieSession(configuration, null);
    if (session instanceof StatefulKnowledgeSessionImpl impl) {
      impl.setGlobalResolver(new SessionGlobals());
    }
    return session;
  }

  /** Whether {@code session} resolves its globals through {@link SessionGlobals}: the fast path. */
  public static boolean resolvesGlobalsFast(KieSession session) {
    return session instanceof StatefulKnowledgeSessionImpl impl && impl.getGlobalResolver() instanceof SessionGlobals;
  }

  /**
   * Makes {@code session} as new for the next batch, as Drools' own session pool does: its reset
   * clears the working memory, every node memory, the agenda, the globals and the listeners, and
   * keeps the global resolver. False, and the session must be disposed, if it cannot be reset:
   * another session implementation, facts left in a named entry point (Drools' reset empties the
   * default one only), or a failure while resetting.
   */
  public static boolean reset(KieSession session) {
    if (!(session instanceof StatefulKnowledgeSessionImpl impl)) {
      return false;
    }
    try {
      for (EntryPoint entryPoint : session.getEntryPoints()) {
        if (entryPoint.getFactCount() > 0 && !entryPoint.getEntryPointId().equals(DEFAULT_ENTRY_POINT)) {
          return false;
        }
      }
      impl.reset();
      return true;
    } catch (RuntimeException e) {
      return false;  // whatever went wrong, this session is not reused
    }
  }
}
