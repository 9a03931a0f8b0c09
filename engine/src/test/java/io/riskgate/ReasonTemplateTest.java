package io.riskgate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** How a reason template prints its values: once, and the same in every locale. */
class ReasonTemplateTest {

  private static String fill(String template, Object... evidence) {
    return ReasonTemplate.parse(template).fill(Evidence.of(evidence));
  }

  @Test
  void values_printExactlyWithoutAFormat() {
    assertThat(fill("{a} {b} {c} {d} {e}", "a", new BigDecimal("8.20"), "b", 62L, "c", Channel.RED,
        "d", java.time.LocalDate.of(2026, 3, 1), "e", 0.1))
        .isEqualTo("8.20 62 RED 2026-03-01 0.1");
    assertThat(fill("{{literal}} {a}}}", "a", "x")).isEqualTo("{literal} x}");
    assertThat(fill("none: {a}", "a", null)).isEqualTo("none: null");
  }

  @Test
  void numberFormats_roundHalfUp_andGroupWithCommas_inAnyLocale() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);  // a decimal comma, were the JVM's locale used
      assertThat(fill("{a:0.00} {a:0} {a:#,##0.0} {b:#,##0}", "a", new BigDecimal("1234.565"), "b", 12_500_000))
          .isEqualTo("1234.57 1235 1,234.6 12,500,000");
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void groupedFormats_printWhatStringFormatPrintsInEnglish_butNeverMinusZero() {
    List<BigDecimal> values = new ArrayList<>();
    for (String edge : List.of("0", "0.4", "-0.4", "-0.5", "0.05", "999.5", "-1234.5", "999999.96")) {
      values.add(new BigDecimal(edge));
    }
    Random random = new Random(5);
    for (int n = 0; n < 5_000; n++) {
      values.add(BigDecimal.valueOf(random.nextLong() % 10_000_000_000L, random.nextInt(4)).movePointLeft(random.nextInt(11)));
    }
    for (BigDecimal value : values) {
      for (int decimals = 0; decimals <= 2; decimals++) {
        String pattern = decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals);
        String expected = String.format(Locale.ENGLISH, "%,." + decimals + "f", value).replaceFirst("^-(0[.0]*)$", "$1");
        assertThat(fill("{v:" + pattern + "}", "v", value)).as("%s to %d decimals", value, decimals).isEqualTo(expected);
      }
    }
  }

  @Test
  void malformedTemplates_sayWhatIsWrongAndWhere() {
    assertThatThrownBy(() -> ReasonTemplate.parse("value {declared"))
        .isInstanceOf(ReasonTemplate.Mistake.class).hasMessageContaining("'{' with no '}'")
        .satisfies(e -> assertThat(((ReasonTemplate.Mistake) e).at).isEqualTo(6));
    assertThatThrownBy(() -> ReasonTemplate.parse("value {declared value}"))
        .isInstanceOf(ReasonTemplate.Mistake.class).hasMessageContaining("must be a name of letters and digits");
    assertThatThrownBy(() -> ReasonTemplate.parse("value {declared:%.2f}"))
        .isInstanceOf(ReasonTemplate.Mistake.class).hasMessageContaining("unknown number format '%.2f'");
    assertThatThrownBy(() -> ReasonTemplate.parse("a } b"))
        .isInstanceOf(ReasonTemplate.Mistake.class).hasMessageContaining("'}' that closes no placeholder");
  }

  @Test
  void check_namesThePlaceholderWithoutAValue_andTheValuesGiven() {
    ReasonTemplate template = ReasonTemplate.parse("{declared} below {reference}");
    assertThatThrownBy(() -> template.check(Evidence.of("declared", 1, "refrence", 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("reason template placeholder {reference} has no value: give it as \"reference\", value after the"
            + " template; the values given are declared, refrence");
  }
}
