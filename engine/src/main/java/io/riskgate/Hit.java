package io.riskgate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.Comparator;
import java.util.Objects;

/**
 * One criterion that hit a declaration: the unit of explanation an officer sees.
 *
 * @param code the criterion's stable code, e.g. {@code VAL-01}
 * @param points what the hit adds to the score; negative for facilitation (e.g. AEO status)
 * @param minimumChannel the channel the hit demands whatever the score, or {@code null} for none
 * @param reason plain words with the actual values, e.g. "declared unit value 3.10 USD/kg is 62%
 *     below reference 8.20"
 * @param rule the name of the DRL rule that reported it
 * @param trial whether its criterion is on trial (pack.json's {@code trial} list, or the rule's
 *     {@code @trial} attribute): the hit is recorded and reported, but its points and minimum
 *     channel do not count towards the assessment's score and channel; written to JSON only when
 *     true
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Hit(String code, int points, Channel minimumChannel, String reason, String rule,
    // Absent in the JSON means false: assessments written before trials existed read as before.
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) @JsonSetter(nulls = Nulls.AS_EMPTY) boolean trial) {

  /** Code of the hit the engine adds when it fails closed on a declaration. */
  public static final String ENGINE_ERROR = "ENGINE_ERROR";

  /** The stable order of hits in an assessment: by code, then rule, reason and points. */
  static final Comparator<Hit> ORDER = Hit::order;

  public Hit {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(rule, "rule");
  }

  /** A hit that counts: its criterion is not on trial. */
  public Hit(String code, int points, Channel minimumChannel, String reason, String rule) {
    this(code, points, minimumChannel, reason, rule, false);
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
        order = compare(a.reason, b.reason);
        if (order == 0) {
          order = Integer.compare(a.points, b.points);
        }
      }
    }
    return order;
  }

  private static int compare(String a, String b) {
    return a == b ? 0 : a.compareTo(b);
  }
}
