package io.riskgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void update_notATerminal_printsPlainLinesWithShareRateAndEta() {
    Progress progress = Progress.of(err, false, () -> 1_000, 0);

    progress.update(5_000, 500);

    assertThat(printed()).startsWith("progress: 5,000 lines (50%), ").contains("lines/s, ETA ").endsWith("\n");
  }

  @Test
  void update_onATerminal_redrawsOneBarInPlaceAndFinishClearsIt() {
    Progress progress = Progress.of(err, true, () -> 1_000, 0);

    progress.update(100, 250);
    progress.update(200, 500);
    progress.finish(400);

    String text = printed();
    assertThat(text).startsWith("\r[########").contains(" 25% 100 lines").contains(" 50% 200 lines")
        .endsWith("100% 400 lines in 0s\n");
    assertThat(text.chars().filter(c -> c == '\n').count()).as("one finished line").isEqualTo(1);
  }

  @Test
  void update_unknownSize_showsNoShareAndNoEta() {
    Progress progress = Progress.of(err, false, () -> -1, 0);

    progress.update(10, 5);

    assertThat(printed()).startsWith("progress: 10 lines, ").contains("ETA ?");
  }

  @Test
  void duration_formatsSecondsMinutesAndHours() {
    assertThat(Progress.duration(42)).isEqualTo("42s");
    assertThat(Progress.duration(125)).isEqualTo("2m05s");
    assertThat(Progress.duration(7_380)).isEqualTo("2h03m");
  }
}
