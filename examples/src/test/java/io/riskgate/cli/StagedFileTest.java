package io.riskgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagedFileTest {
  @TempDir
  Path dir;

  private long filesIn(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.count();
    }
  }

  @Test
  void commit_writtenLines_appearOnlyAtTheEnd() throws IOException {
    Path target = dir.resolve("out/assessments.jsonl");
    try (StagedFile file = StagedFile.create(target)) {
      file.line("one");
      assertThat(target).doesNotExist();
      file.commit();
    }

    assertThat(target).hasContent("one");
    assertThat(filesIn(target.getParent())).isEqualTo(1);
  }

  @Test
  void close_withoutCommit_leavesNeitherTargetNorTemporaryFile() throws IOException {
    Path target = dir.resolve("assessments.jsonl");
    try (StagedFile file = StagedFile.create(target)) {
      file.line("half a run");
    }

    assertThat(target).doesNotExist();
    assertThat(filesIn(dir)).isZero();
  }

  @Test
  void close_withoutCommit_keepsAnOlderCompleteFileAsItWas() throws IOException {
    Path target = Files.writeString(dir.resolve("assessments.jsonl"), "previous run\n");
    try (StagedFile file = StagedFile.create(target)) {
      file.line("half a run");
    }

    assertThat(target).hasContent("previous run");
  }

  @Test
  void commit_gzTarget_isCompressed() throws IOException {
    Path target = dir.resolve("assessments.jsonl.gz");
    try (StagedFile file = StagedFile.create(target)) {
      file.line("compressed");
      file.commit();
    }

    try (InputStream in = new GZIPInputStream(Files.newInputStream(target))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("compressed\n");
    }
  }
}
