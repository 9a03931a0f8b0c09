package io.riskgate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compressed inputs are read to their true end: nothing after the compressed data is dropped. */
class SourceTest {
  @TempDir
  Path dir;

  static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  private String read(byte[] stored) throws IOException {
    Path file = Files.write(dir.resolve("in.jsonl.gz"), stored);
    try (InputStream in = Source.file(file).open()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  @Test
  void open_oneMember_readsItAll() throws IOException {
    String text = "line\n".repeat(100_000);  // several buffers, compressed and not

    assertThat(read(gzip(text))).isEqualTo(text);
  }

  @Test
  void open_concatenatedMembers_readsEveryOne() throws IOException {
    assertThat(read(concat(gzip("a\nb\n"), gzip("c\n"), gzip(""), gzip("d\n")))).isEqualTo("a\nb\nc\nd\n");
  }

  @Test
  void open_secondMemberFromAPipeThatSaysNothingIsAvailable_isRead() throws IOException {
    byte[] both = concat(gzip("a\n"), gzip("b\n"));
    InputStream pipe = TestData.oneByteAtATime(both);
    try (InputStream in = new GzipMembers(pipe)) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("a\nb\n");
    }
  }

  @Test
  void open_plainLinesAfterTheCompressedData_areRefusedNotDropped() throws IOException {
    byte[] compressed = gzip("a\n".repeat(50));
    byte[] stored = concat(compressed, "{\"header\": 1}\n".repeat(50).getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> read(stored)).isInstanceOf(ZipException.class)
        .hasMessage("the gzip data ends after byte " + compressed.length + ", and bytes that are not gzip"
            + " follow (such as plain lines appended to the compressed file): refused rather than ignored;"
            + " decompress the file and append its lines instead");
  }

  @Test
  void open_oneStrayByteAfterTheCompressedData_isRefused() throws IOException {
    assertThatThrownBy(() -> read(concat(gzip("a\n"), new byte[] {0x1f})))
        .isInstanceOf(ZipException.class).hasMessageContaining("bytes that are not gzip follow");
  }

  @Test
  void open_truncatedOrDamagedData_isRefused() throws IOException {
    byte[] whole = gzip("line\n".repeat(1_000));
    assertThatThrownBy(() -> read(Arrays.copyOf(whole, whole.length - 3)))
        .isInstanceOf(IOException.class).hasMessageContaining("the gzip data ends early");
    byte[] damaged = whole.clone();
    damaged[damaged.length - 6] ^= 0x55;  // in the CRC
    assertThatThrownBy(() -> read(damaged))
        .isInstanceOf(ZipException.class).hasMessageContaining("fails its check");
  }
}
