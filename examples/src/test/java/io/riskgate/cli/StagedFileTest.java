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

  @Test
  void commit_throughASymbolicLink_replacesTheFileItPointsToAndKeepsTheLink() throws IOException {
    Path real = Files.writeString(Files.createDirectory(dir.resolve("data")).resolve("a.jsonl"), "old\n");
    Path link = Files.createSymbolicLink(dir.resolve("a.jsonl"), Path.of("data/a.jsonl"));
    try (StagedFile file = StagedFile.create(link)) {
      file.line("new");
      file.commit();
    }

    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(real).hasContent("new");
    assertThat(filesIn(real.getParent())).isEqualTo(1);
  }

  @Test
  void commit_throughADanglingLink_createsTheFileItNames() throws IOException {
    Path link = Files.createSymbolicLink(dir.resolve("a.jsonl"), dir.resolve("later/b.jsonl"));
    try (StagedFile file = StagedFile.create(link)) {
      file.line("new");
      file.commit();
    }

    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(dir.resolve("later/b.jsonl")).hasContent("new");
  }

  @Test
  void standardOutput_isWrittenDirectlyAndNeverClosed() throws IOException {
    boolean[] closed = {false};
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream() {
      @Override
      public void close() {
        closed[0] = true;
      }
    };
    try (StagedFile file = StagedFile.standardOutput(bytes)) {
      file.line("één");
      assertThat(file.direct()).isTrue();
      file.commit();
    }

    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("één\n");
    assertThat(closed[0]).isFalse();
  }
}
