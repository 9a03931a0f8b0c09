package io.riskgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The bundled sample is what the README says made it. If the generator changes, regenerate it:
 * {@code java -jar examples/target/riskgate.jar generate --count 3000 --seed 20261123
 * --with-outcomes --out examples/src/main/resources/riskgate/samples/vn-sample.jsonl.gz}.
 */
class BundledSampleTest {
  @TempDir
  Path dir;

  private static String gunzip(InputStream in) throws IOException {
    try (InputStream gz = new GZIPInputStream(in)) {
      return new String(gz.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void bundledSample_isTheOutputOfTheDocumentedGenerateCommand() throws IOException {
    Path generated = dir.resolve("sample.jsonl.gz");
    CommandLine cli = Riskgate.commandLine();
    cli.setOut(new PrintWriter(new StringWriter()));

    int status = cli.execute("generate", "--count", "3000", "--seed", "20261123", "--with-outcomes",
        "--out", generated.toString());

    assertThat(status).isZero();
    String bundled;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(RescoreCommand.BUNDLED_SAMPLE)) {
      assertThat(in).as(RescoreCommand.BUNDLED_SAMPLE).isNotNull();
      bundled = gunzip(in);
    }
    // Compared uncompressed: gzip bytes may differ between zlib versions.
    assertThat(bundled).as("regenerate the sample with the command in this test's javadoc")
        .isEqualTo(gunzip(Files.newInputStream(generated)));
    assertThat(bundled.lines()).hasSize(3000).allMatch(line -> line.contains("\"outcome\":{\"inspected\":"));
  }
}
