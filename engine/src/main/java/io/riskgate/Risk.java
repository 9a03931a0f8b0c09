package io.riskgate;

import io.riskgate.declaration.Declaration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.kie.api.definition.rule.Rule;

/**
 * How a rule reports a hit: the global {@code risk} that every pack declares.
 *
 * <pre>{@code
 * global io.riskgate.Risk risk;
 *
 * rule "Unit value far below the reference price"
 *   @code("VAL-01")   // the criterion's stable code, unique in the pack
 * when
 *   $l : Line( $d : declaration, unitValue < 2.50 )
 * then
 *   risk.hit($d, 30, "declared unit value {declared:0.00} {currency}/{unit} is below reference 2.50",
 *       "declared", $l.unitValue(), "currency", $l.customsValue().currencyCode(), "unit", $l.unit());
 * end
 * }</pre>
 *
 * <p>The criterion code comes from the rule's {@code @code} attribute, so codes are checked for
 * uniqueness when the pack compiles, and the rule's name is recorded with the hit. Reasons should
 * carry the actual values an officer needs to act ("62% below reference 8.20"), since the reason is
 * all the officer sees.
 *
 * <p>A reason is either plain text or a template whose placeholders ({@code {declared}}, or
 * {@code {declared:0.00}} with a number format) name the values given after it, name then value:
 * the hit's {@link Evidence}. The engine fills the template only when the reason is read (an
 * officer's screen, the assessment JSON), so a rule builds no text when it fires; the values also
 * go to the JSON as fields. A placeholder without a value fails the declaration closed (and, when
 * the template and the names are written in the rule, the pack's build); see {@link Hit}.
 *
 * <p>A criterion may hit a declaration more than once (once per item, say); every hit is kept, and
 * the score counts the criterion once, with the points of its hit of largest magnitude.
 *
 * <p>One instance serves one Drools session on one thread; rules never share it across threads.
 */
public final class Risk {
  /**
   * By declaration (or the guard's key for firings tied to none): its firings and hits. One map for
   * both, and the firing declaration's tally kept at hand, because a rule's hit is nearly always
   * for the declaration it fired on: the hit then needs no second lookup, and a firing no second
   * map probe.
   */
  private final Map<Object, Tally> tallies;
  /** The codes of the criteria on trial; empty for most packs. */
  private final Set<String> trial;
  private Rule firing;
  private String firingCode;
  private boolean firingTrial;
  private Object firingKey;
  private Tally firingTally;

  /** What one declaration has run up in the batch. */
  private static final class Tally {
    int firings;
    List<Hit> hits;
  }

  /**
   * Sized for a batch of {@code declarations}, so that the map does not grow hit by hit; {@code
   * trial} are the codes of the criteria on trial, whose hits are marked so.
   */
  Risk(int declarations, Set<String> trial) {
    tallies = new IdentityHashMap<>(declarations + 1);
    this.trial = trial;
  }

  /**
   * Reports that the firing rule's criterion hit {@code declaration}.
   *
   * @param points what the hit adds to the score; negative for facilitation
   * @param reason plain words with the actual values
   */
  public void hit(Declaration declaration, int points, String reason) {
    add(declaration, plain(points, null, reason));
  }

  /**
   * Reports a hit whose reason is a template filled from the values that follow it, name then value:
   * {@code risk.hit($d, 30, "{percent}% below reference {reference}", "percent", 62, "reference", p.unitValue())}.
   *
   * @throws IllegalArgumentException if a placeholder has no value, a name is given twice or is not
   *     a word, or a value cannot be printed; the declaration then fails closed
   */
  public void hit(Declaration declaration, int points, String template, Object... evidence) {
    add(declaration, Hit.withEvidence(code(), points, null, template, Evidence.of(evidence), firing.getName(),
        firingTrial));
  }

  /**
   * Reports a hit that also demands at least {@code minimum} channel, whatever the score. Negative
   * points never lower that demand.
   */
  public void hit(Declaration declaration, int points, Channel minimum, String reason) {
    add(declaration, plain(points, Objects.requireNonNull(minimum, "minimum"), reason));
  }

  /**
   * A reason with no values: a template without placeholders, so that its braces read as in any
   * template (a doubled brace prints one) and a placeholder left in it fails the declaration closed,
   * as the pack's build refuses it when the reason is written in the rule.
   */
  private Hit plain(int points, Channel minimum, String reason) {
    if (reason != null && (reason.indexOf('{') >= 0 || reason.indexOf('}') >= 0)) {
      return Hit.withEvidence(code(), points, minimum, reason, Evidence.none(), firing.getName(), firingTrial);
    }
    return new Hit(code(), points, minimum, reason, firing.getName(), firingTrial);
  }

  /** {@link #hit(Declaration, int, Channel, String)} with a reason template and its values. */
  public void hit(Declaration declaration, int points, Channel minimum, String template, Object... evidence) {
    add(declaration, Hit.withEvidence(code(), points, Objects.requireNonNull(minimum, "minimum"), template,
        Evidence.of(evidence), firing.getName(), firingTrial));
  }

  /** Reports a hit that demands at least {@code minimum} channel and adds no points. */
  public void require(Declaration declaration, Channel minimum, String reason) {
    hit(declaration, 0, minimum, reason);
  }

  /** {@link #require(Declaration, Channel, String)} with a reason template and its values. */
  public void require(Declaration declaration, Channel minimum, String template, Object... evidence) {
    hit(declaration, 0, minimum, template, evidence);
  }

  /** The firing rule's code; a rule with none cannot report a hit. */
  private String code() {
    if (firingCode == null) {
      throw new IllegalStateException("rule '" + (firing == null ? "?" : firing.getName())
          + "' reports a hit but has no @code(\"...\") attribute");
    }
    return firingCode;
  }

  private void add(Declaration declaration, Hit hit) {
    Objects.requireNonNull(declaration, "declaration");
    Tally tally = declaration == firingKey ? firingTally : tallyOf(declaration);
    if (tally.hits == null) {
      tally.hits = new ArrayList<>(4);
    }
    tally.hits.add(hit);
  }

  /**
   * Called before each rule fires, so hits name their rule and criterion; {@code key} is the
   * declaration the firing belongs to. Returns how many times rules have fired for it, this one
   * included.
   */
  int firing(Rule rule, Object key) {
    if (rule != firing) {
      firing = rule;
      Object code = rule.getMetaData().get(CompiledPack.CODE_ATTRIBUTE);
      firingCode = code == null ? null : code.toString();
      // Once per change of rule, not per hit; and no lookup at all for a pack with no trial.
      firingTrial = firingCode != null && !trial.isEmpty() && trial.contains(firingCode);
    }
    if (key != firingKey) {
      firingKey = key;
      firingTally = tallyOf(key);
    }
    return ++firingTally.firings;
  }

  private Tally tallyOf(Object key) {
    return tallies.computeIfAbsent(key, k -> new Tally());
  }

  Rule firingRule() {
    return firing;
  }

  /** The declaration the last firing was for, or null if it was for none (or nothing fired). */
  Declaration firingDeclaration() {
    return firingKey instanceof Declaration declaration ? declaration : null;
  }

  List<Hit> hitsOf(Declaration declaration) {
    Tally tally = tallies.get(declaration);
    return tally == null || tally.hits == null ? List.of() : tally.hits;
  }
}
