package io.riskgate.internal.drools;

import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.kie.api.definition.rule.Rule;
import org.kie.internal.builder.conf.LanguageLevelOption;

/** What the engine reads of a rule or a DRL file beyond the KIE API. */
public final class Rules {
  private Rules() {}

  /** The rule's activation group, or null if it has none (or if this is not Drools' rule class). */
  public static String activationGroup(Rule rule) {
    if (rule instanceof RuleImpl impl && impl.getActivationGroup() != null && !impl.getActivationGroup().isBlank()) {
      return impl.getActivationGroup();
    }
    return null;
  }

  /**
   * A DRL file's structure as Drools' own parser reads it, or null if it does not parse (Drools
   * then reports the syntax error, located, when it compiles the pack).
   */
  public static PackageDescr parse(String drl) {
    DrlParser parser = new DrlParser(LanguageLevelOption.DRL6);
    try {
      PackageDescr descr = parser.parse(null, drl);
      return parser.hasErrors() ? null : descr;
    } catch (DroolsParserException | RuntimeException e) {
      return null;
    }
  }
}
