package io.riskgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShortRunTest {
  @Test
  void command_keepsTheUsersJvmOptionsAndAddsTheShortRunFlag() {
    List<String> command = ShortRun.command(new String[] {"validate", "packs/p"}, "/usr/bin/java",
        Path.of("/x/riskgate.jar"), List.of("-Xmx256m")).orElseThrow();
    assertThat(command).containsExactly("/usr/bin/java", "-Xmx256m", "-XX:TieredStopAtLevel=1",
        "-Driskgate.shortRunJvm=relaunched", "-cp", "/x/riskgate.jar", "io.riskgate.cli.Riskgate",
        "validate", "packs/p");
  }

  @Test
  void command_isNotMadeWhenTheUserChoseAJitSetting() {
    assertThat(ShortRun.command(new String[] {"validate", "p"}, "java", Path.of("r.jar"),
        List.of("-XX:TieredStopAtLevel=4"))).isEmpty();
    assertThat(ShortRun.command(new String[] {"validate", "p"}, "java", Path.of("r.jar"),
        List.of("-XX:-TieredCompilation"))).isEmpty();
  }

  @Test
  void relaunch_isOnlyForValidate() {
    assertThat(ShortRun.relaunchIfWorthIt(new String[] {"rescore"})).isEmpty();
    assertThat(ShortRun.relaunchIfWorthIt(new String[0])).isEmpty();
  }
}
