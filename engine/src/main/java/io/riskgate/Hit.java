package io.riskgate;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Comparator;
import java.util.Objects;

/**
 * One criterion that hit a declaration: the unit of explanation an officer sees.
 *
 * <p>A hit's reason may be a template whose placeholders name its {@link #evidence() evidence}
 * ("declared unit value {declared:0.00} {currency}/{unit} is {percentBelow}% below reference
 * {reference}"); it is filled when it is first read, by {@link #reason()} or when the assessment
 * is written as JSON, never when the rule fires, so that a reason nobody reads costs nothing.
 *
 * <p><b>Equality</b> is what the officer reads: code, points, minimum channel, rule, trial and the
 * reason's text. Evidence takes part only through the reason: two hits whose reasons read the same
 * are equal even if one carries more evidence, so a hit written before evidence existed equals the
 * same hit scored again (an assessment's hits may be in another order: those of one template are
 * now ordered by value, item 2 before item 10, where older ones were ordered by text). Hits of one template with equal evidence are equal
 * without their reasons being filled.
 *
 * <p>Immutable and thread-safe (the reason is filled at most once per thread that races to it,
 * always to the same text).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"code", "points", "minimumChannel", "reason", "rule", "trial", "evidence"})
public final class Hit {

  /** Code of the hit the engine adds when it fails closed on a declaration. */
  public static final String ENGINE_ERROR = "ENGINE_ERROR";

  /**
   * The stable order of hits in an assessment: by code, then rule, then reason, then points. Hits
   * of one reason template are ordered by their values, placeholder by placeholder (item 2 before
   * item 10), without filling their reasons.
   */
  static final Comparator<Hit> ORDER = Hit::order;

  private final String code;
  private final int points;
  private final Channel minimumChannel;
  private final String rule;
  private final boolean trial;
  /** The parsed template, or null when the reason was given as text. */
  private final ReasonTemplate template;
  private final Evidence evidence;
  /** The reason as given, or null for a template: final, so that any thread sees it. */
  private final String text;
  /** A template's reason, filled on first read; a race fills it twice, to the same text. */
  private String filled;

  /**
   * A hit whose reason is plain text.
   *
   * @param code the criterion's stable code, e.g. {@code VAL-01}
   * @param points what the hit adds to the score; negative for facilitation (e.g. AEO status)
   * @param minimumChannel the channel the hit demands whatever the score, or {@code null} for none
   * @param reason plain words with the actual values
   * @param rule the name of the DRL rule that reported it
   * @param trial whether its criterion is on trial (pack.json's {@code trial} list, or the rule's
   *     {@code @trial} attribute): the hit is recorded and reported, but its points and minimum
   *     channel do not count towards the assessment's score and channel
   */
  public Hit(String code, int points, Channel minimumChannel, String reason, String rule, boolean trial) {
    this(code, points, minimumChannel, Objects.requireNonNull(reason, "reason"), null, Evidence.none(), rule, trial);
  }

  /** A hit that counts (its criterion is not on trial), with a plain reason. */
  public Hit(String code, int points, Channel minimumChannel, String reason, String rule) {
    this(code, points, minimumChannel, reason, rule, false);
  }

  /** As read from JSON: the reason as written, and the evidence beside it. */
  @JsonCreator
  Hit(@JsonProperty("code") String code, @JsonProperty("points") int points,
      @JsonProperty("minimumChannel") Channel minimumChannel, @JsonProperty("reason") String reason,
      @JsonProperty("rule") String rule,
      // Absent in the JSON means false: assessments written before trials existed read as before.
      @JsonProperty("trial") Boolean trial,
      @JsonProperty("evidence") @JsonDeserialize(using = EvidenceJson.Reader.class) Evidence evidence) {
    this(code, points, minimumChannel, Objects.requireNonNull(reason, "reason"), null,
        evidence == null ? Evidence.none() : evidence, rule, trial != null && trial);
  }

  private Hit(String code, int points, Channel minimumChannel, String reason, ReasonTemplate template,
      Evidence evidence, String rule, boolean trial) {
    this.code = Objects.requireNonNull(code, "code");
    this.points = points;
    this.minimumChannel = minimumChannel;
    this.text = reason;
    this.template = template;
    this.evidence = evidence;
    this.rule = Objects.requireNonNull(rule, "rule");
    this.trial = trial;
  }

  /**
   * A hit whose reason is a template filled from {@code evidence} when it is read; what
   * {@code risk.hit($d, points, template, name, value, ...)} reports.
   *
   * @throws IllegalArgumentException if the template is malformed, or a placeholder has no value
   *     in {@code evidence} or a number format and a value that is not a number
   */
  public static Hit withEvidence(String code, int points, Channel minimumChannel, String template,
      Evidence evidence, String rule, boolean trial) {
    ReasonTemplate parsed = ReasonTemplate.of(Objects.requireNonNull(template, "template"));
    parsed.check(Objects.requireNonNull(evidence, "evidence"));
    return new Hit(code, points, minimumChannel, null, parsed, evidence, rule, trial);
  }

  /** The criterion's stable code, e.g. {@code VAL-01}. */
  @JsonProperty("code")
  public String code() {
    return code;
  }

  /** What the hit adds to the score; negative for facilitation. */
  @JsonProperty("points")
  public int points() {
    return points;
  }

  /** The channel the hit demands whatever the score, or {@code null} for none. */
  @JsonProperty("minimumChannel")
  public Channel minimumChannel() {
    return minimumChannel;
  }

  /**
   * Plain words with the actual values, e.g. "declared unit value 3.10 USD/kg is 62% below
   * reference 8.20": the template filled from the evidence, on first read.
   */
  @JsonProperty("reason")
  public String reason() {
    if (text != null) {
      return text;
    }
    String reason = filled;
    if (reason == null) {
      reason = template.fill(evidence);
      filled = reason;
    }
    return reason;
  }

  /** The name of the DRL rule that reported it. */
  @JsonProperty("rule")
  public String rule() {
    return rule;
  }

  /** Whether its criterion is on trial; written to JSON only when true. */
  @JsonProperty("trial")
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  public boolean trial() {
    return trial;
  }

  /** The named values behind the reason; empty for a plain reason. */
  public Evidence evidence() {
    return evidence;
  }

  /** Written only when there is some. */
  @JsonProperty("evidence")
  @JsonSerialize(using = EvidenceJson.Writer.class)
  private Evidence jsonEvidence() {
    return evidence.isEmpty() ? null : evidence;
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof Hit hit) || points != hit.points || trial != hit.trial
        || minimumChannel != hit.minimumChannel || !code.equals(hit.code) || !rule.equals(hit.rule)) {
      return false;
    }
    if (sameTemplate(this, hit) && evidence.equals(hit.evidence)) {
      return true;  // the same template filled from the same values: the same text
    }
    return reason().equals(hit.reason());
  }

  /** Leaves out the reason, so that hashing never fills one; equal hits still hash alike. */
  @Override
  public int hashCode() {
    return Objects.hash(code, points, minimumChannel, rule, trial);
  }

  @Override
  public String toString() {
    return "Hit[code=" + code + ", points=" + points + ", minimumChannel=" + minimumChannel + ", reason="
        + reason() + ", rule=" + rule + ", trial=" + trial + (evidence.isEmpty() ? "" : ", evidence=" + evidence) + "]";
  }

  /**
   * {@link #ORDER}, written out rather than chained from {@code Comparator.comparing}: the hits of
   * one criterion share their code and rule strings (the same objects), which an identity check
   * settles without comparing characters, and every assessment sorts its hits.
   */
  private static int order(Hit a, Hit b) {
    int order = compare(a.code, b.code);
    if (order == 0) {
      order = compare(a.rule, b.rule);
      if (order == 0) {
        order = reasons(a, b);
        if (order == 0) {
          order = Integer.compare(a.points, b.points);
        }
      }
    }
    return order;
  }

  /** By reason; hits of one template by their values, so that no reason is filled to sort. */
  private static int reasons(Hit a, Hit b) {
    if (sameTemplate(a, b)) {
      return a.template.compare(a.evidence, b.evidence);
    }
    return compare(a.template != null ? a.template.text : a.text, b.template != null ? b.template.text : b.text);
  }

  private static boolean sameTemplate(Hit a, Hit b) {
    return a.template != null && b.template != null
        && (a.template == b.template || a.template.text.equals(b.template.text));
  }

  private static int compare(String a, String b) {
    return a == b ? 0 : a.compareTo(b);
  }
}
