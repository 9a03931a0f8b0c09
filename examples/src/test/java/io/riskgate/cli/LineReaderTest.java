package io.riskgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LineReaderTest {

  private static List<LineReader.Line> readAll(String text, int max) throws IOException {
    List<LineReader.Line> lines = new ArrayList<>();
    try (LineReader reader = new LineReader(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), max)) {
      LineReader.Line line;
      while ((line = reader.next()) != null) {
        lines.add(line);
      }
    }
    return lines;
  }

  @Test
  void next_unixAndWindowsEndingsAndNoFinalNewline_givesEveryLine() throws IOException {
    List<LineReader.Line> lines = readAll("a\r\nbb\n\nccc", 100);

    assertThat(lines).extracting(LineReader.Line::text).containsExactly("a", "bb", "", "ccc");
  }

  @Test
  void next_finalNewline_doesNotAddAnEmptyLine() throws IOException {
    assertThat(readAll("a\nb\n", 100)).hasSize(2);
  }

  @Test
  void next_lineLongerThanTheCap_isSkippedWithItsLengthAndTheNextLineIsIntact() throws IOException {
    String longLine = "x".repeat(200_000);

    List<LineReader.Line> lines = readAll("first\n" + longLine + "\nlast\n", 1_000);

    assertThat(lines).hasSize(3);
    assertThat(lines.get(1).tooLong()).isTrue();
    assertThat(lines.get(1).length()).isEqualTo(200_000);
    assertThat(lines.get(2).text()).isEqualTo("last");
  }

  @Test
  void next_lineOfExactlyTheCap_isKept() throws IOException {
    List<LineReader.Line> lines = readAll("y".repeat(1_000) + "\n", 1_000);

    assertThat(lines.get(0).tooLong()).isFalse();
    assertThat(lines.get(0).text()).hasSize(1_000);
  }

  @Test
  void next_capCountsCharactersNotBytes() throws IOException {
    // 600 Vietnamese letters of 2 or 3 bytes each: over the cap in bytes, under it in characters.
    String vietnamese = "ườ".repeat(300);
    String tooLong = "ườ".repeat(501);

    List<LineReader.Line> lines = readAll(vietnamese + "\n" + tooLong + "\nok\n", 1_000);

    assertThat(lines.get(0).tooLong()).isFalse();
    assertThat(lines.get(0).text()).isEqualTo(vietnamese);
    assertThat(lines.get(1).tooLong()).isTrue();
    assertThat(lines.get(1).length()).isEqualTo(1_002);
    assertThat(lines.get(2).text()).isEqualTo("ok");
  }

  @Test
  void next_malformedUtf8_isKeptAsBytesForTheDeclarationReaderToRefuse() throws IOException {
    byte[] input = {'a', (byte) 0xC3, 'b', '\n'};
    try (LineReader reader = new LineReader(new ByteArrayInputStream(input), 100)) {
      LineReader.Line line = reader.next();

      assertThat(line.bytes()).containsExactly('a', (byte) 0xC3, 'b');
      assertThat(reader.next()).isNull();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"LF", "CRLF", "CR"})
  void next_everyLineTerminator_givesTheSameLines(String name) throws IOException {
    String terminator = name.replace("CR", "\r").replace("LF", "\n");
    String text = String.join(terminator, "a", "bb", "", "ccc", "") + "d";

    assertThat(readAll(text, 100)).extracting(LineReader.Line::text).containsExactly("a", "bb", "", "ccc", "d");
    assertThat(readAll(text + terminator, 100)).hasSize(5);
  }

  @Test
  void next_carriageReturnAndLineFeedSplitAcrossReads_isOneTerminator() throws IOException {
    // A stream that hands over one byte per read: the \n of \r\n comes in a read of its own.
    byte[] bytes = "a\r\nb\r\rc".getBytes(StandardCharsets.UTF_8);
    java.io.InputStream trickle = TestData.oneByteAtATime(bytes);
    List<String> lines = new ArrayList<>();
    try (LineReader reader = new LineReader(trickle, 100)) {
      LineReader.Line line;
      while ((line = reader.next()) != null) {
        lines.add(line.text());
      }
    }
    assertThat(lines).containsExactly("a", "b", "", "c");
  }

  @Test
  void next_runawayLineOfStrayContinuationBytes_isTooLongNotKept() throws IOException {
    // Each stray 0x80 decodes to one U+FFFD: 5 million characters, not zero.
    byte[] input = new byte[5_000_001];
    java.util.Arrays.fill(input, (byte) 0x80);
    input[input.length - 1] = '\n';
    try (LineReader reader = new LineReader(new ByteArrayInputStream(input), 1_000)) {
      assertThat(reader.next().tooLong()).isTrue();
      assertThat(reader.next()).isNull();
    }
  }

  @Test
  void next_lineAcrossTheReadBuffer_isKeptWhole() throws IOException {
    String across = "ườ".repeat(20_000);  // 100,000 bytes: crosses the 64 KB read buffer

    List<LineReader.Line> lines = readAll("a\n" + across + "\r\nb", 100_000);

    assertThat(lines).extracting(LineReader.Line::text).containsExactly("a", across, "b");
  }

  @Test
  void nextInto_putsTheLinesNextGivesIntoOneBlock_acrossReadsAndTerminators() throws IOException {
    String across = "ườ".repeat(20_000);  // crosses the 64 KB read buffer
    String text = "a\r\nbb\n\n" + "x".repeat(2_000) + "\r" + across + "\rccc\r\n" + "ö".repeat(1_500) + "\nd";
    List<LineReader.Line> expected = List.of();
    for (int max : new int[] {100_000, 1_000}) {
      expected = readAll(text, max);
      LineBlock block = new LineBlock();
      try (LineReader reader = new LineReader(TestData.oneByteAtATime(text.getBytes(StandardCharsets.UTF_8)), max)) {
        while (reader.nextInto(block)) {
          // One block for every line.
        }
      }
      assertThat(block.lines()).isEqualTo(expected.size());
      for (int i = 0; i < expected.size(); i++) {
        LineReader.Line line = block.line(i);
        assertThat(line.tooLong()).isEqualTo(expected.get(i).tooLong());
        if (line.tooLong()) {
          assertThat(line.length()).isEqualTo(expected.get(i).length());
          assertThat(block.byteCount(i)).isZero();
        } else {
          assertThat(line.text()).isEqualTo(expected.get(i).text());
        }
      }
    }
    assertThat(expected).filteredOn(LineReader.Line::tooLong).hasSize(3);
  }

  @Test
  void moveLastTo_carriesALineIntoTheNextBlock() throws IOException {
    LineBlock block = new LineBlock();
    try (LineReader reader = new LineReader(new ByteArrayInputStream("one\ntwo\nthree".getBytes(StandardCharsets.UTF_8)), 100)) {
      while (reader.nextInto(block)) {
        // All three.
      }
    }
    LineBlock next = new LineBlock();
    block.moveLastTo(next);

    assertThat(block.lines()).isEqualTo(2);
    assertThat(block.line(1).text()).isEqualTo("two");
    assertThat(next.lines()).isEqualTo(1);
    assertThat(next.line(0).text()).isEqualTo("three");
    assertThat(block.clear()).isTrue();
    assertThat(block.lines()).isZero();
  }

  @Test
  void endOfLine_findsTheFirstTerminatorAtEveryAlignment_amongBytesNearIt() {
    // Bytes just above the terminators, tabs, zeros and UTF-8: the word test must not skip over
    // a terminator beside them, nor stop for good at them.
    byte[] filler = {'a', 0x0E, 0x0F, '\t', 0, (byte) 0xC3, (byte) 0xA1, 0x0B, 0x0C, (byte) 0xFF, '{'};
    java.util.Random random = new java.util.Random(21);
    for (int length = 0; length < 70; length++) {
      for (int at = -1; at < length; at++) {
        byte[] bytes = new byte[length + 3];
        for (int i = 0; i < bytes.length; i++) {
          bytes[i] = filler[random.nextInt(filler.length)];
        }
        if (at >= 0) {
          bytes[1 + at] = random.nextBoolean() ? (byte) '\n' : (byte) '\r';
        }
        bytes[bytes.length - 1] = '\n';  // past the range: never found
        assertThat(LineReader.endOfLine(bytes, 1, 1 + length)).as("length %d, at %d", length, at)
            .isEqualTo(at >= 0 ? 1 + at : 1 + length);
      }
    }
  }
}
