package io.riskgate.cli;

import io.riskgate.Criterion;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The name and theme of each criterion code, for every output to show beside the code: from the
 * pack's criteria ({@link io.riskgate.RiskEngine#criteria()}), and for a code the pack does not
 * list (one only a baseline run knew, or the engine's own ENGINE_ERROR) the rule its hits named.
 */
final class CriterionLabels {
  /** The theme of a code the pack does not list. */
  static final String NO_THEME = "(not in this pack)";
  /** What follows the name of a criterion on trial, in every output. */
  static final String ON_TRIAL = " (on trial)";

  private final Map<String, Criterion> criteria = new HashMap<>();
  private final Map<String, String> rules;

  /**
   * @param criteria the pack's criteria
   * @param rules for codes the pack may not list, the rule name their hits carried
   */
  CriterionLabels(List<Criterion> criteria, Map<String, String> rules) {
    for (Criterion criterion : criteria) {
      this.criteria.put(criterion.code(), criterion);
    }
    this.rules = Map.copyOf(rules);
  }

  /** Labels from the run's own hits and the pack's criteria, baseline causes included. */
  static CriterionLabels of(List<Criterion> criteria, RunStats stats, BaselineDiff diff) {
    Map<String, String> rules = new HashMap<>();
    if (diff != null) {
      rules.putAll(diff.rules());
    }
    for (RunStats.Criterion c : stats.criteriaByHits()) {
      if (c.rule != null) {
        rules.put(c.code, c.rule);
      }
    }
    return new CriterionLabels(criteria, rules);
  }

  /**
   * The criterion's name (its rule's name) as every output shows it: followed by {@link #ON_TRIAL}
   * when it is on trial, so that no table shows a trial criterion as one that decides; "" when
   * nothing names it.
   */
  String name(String code) {
    Criterion criterion = criteria.get(code);
    if (criterion == null) {
      return rules.getOrDefault(code, "");
    }
    return criterion.trial() ? criterion.rule() + ON_TRIAL : criterion.rule();
  }

  /** Whether the pack has the criterion on trial. */
  boolean onTrial(String code) {
    Criterion criterion = criteria.get(code);
    return criterion != null && criterion.trial();
  }

  /** The codes of the pack's criteria on trial, in code order. */
  List<String> trialCodes() {
    return criteria.values().stream().filter(Criterion::trial).map(Criterion::code).sorted().toList();
  }

  /** The criterion's theme, or {@link #NO_THEME}. */
  String theme(String code) {
    Criterion criterion = criteria.get(code);
    return criterion != null ? criterion.theme() : NO_THEME;
  }

  /** "VAL-01 Unit value below the reference price [valuation]", for a line of text. */
  String label(String code) {
    String name = name(code);
    return code + (name.isEmpty() ? "" : " " + name) + " [" + theme(code) + "]";
  }
}
