package io.riskgate.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskgate.RulePack;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PackBuildBenchmark's copies must differ from the pack, or its reloads would hit the cache. */
class PackCopiesTest {

  @Test
  void copy_addsOneCommentLine(@TempDir Path directory) {
    RulePack pack = Workload.vnBaseline();
    RulePack copy = PackCopies.copy(pack, directory, "7");

    String first = pack.drlPaths().get(0);
    assertThat(copy.text(first).orElseThrow()).isEqualTo(pack.text(first).orElseThrow() + "\n// copy 7\n");
    assertThat(copy.version()).isNotEqualTo(pack.version());
  }
}
