package io.riskgate.cli;

import io.riskgate.Assessment;
import io.riskgate.DeclarationException;
import io.riskgate.RiskgateJson;
import io.riskgate.declaration.Declaration;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The command line's reading of an input line, for the Spark job: the same line splitting (LF,
 * CRLF, CR; a cap on the length held in memory), the same {@code outcome} field handling and the
 * same reasons for a rejected line as {@code riskgate rescore}, so that the two set aside the same
 * lines with the same words.
 *
 * <p>Why a class of the CLI's package in this module: {@link LineReader} and {@link JsonlRecord}
 * are package-private helpers of the command line, and this module reuses them rather than copy
 * them or widen the command line's API for one caller. It lives in the Spark jar only; the
 * command line does not know it.
 *
 * <p>Not thread-safe: a reader belongs to one task.
 */
public final class LinesForSpark implements Closeable {
  private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final LineReader reader;

  /** A line of an input file: its bytes, or null when it was longer than the cap (then its length). */
  public record Line(long number, byte[] bytes, long length) {}

  /** What one line became: a declaration to assess, or the reason it was set aside. */
  public record Read(Declaration declaration, String rejectedDeclaration, String reason) {
    static Read rejected(String declaration, String reason) {
      return new Read(null, declaration, reason);
    }
  }

  private long number;

  public LinesForSpark(InputStream in, int maxLineChars) {
    this.reader = new LineReader(in, maxLineChars);
  }

  /** The next line, numbered from 1, or null at the end. */
  public Line next() throws IOException {
    LineReader.Line line = reader.next();
    if (line == null) {
      return null;
    }
    number++;
    return new Line(number, line.bytes(), line.length());
  }

  /**
   * Binds a line as {@code rescore} does, or says why not, in {@code rescore}'s words.
   *
   * @param maxLineChars the cap the line was read with, named in the reason of a line over it
   */
  public static Read read(RiskgateJson json, Line line, int maxLineChars) {
    long number = line.number();
    if (line.bytes() == null) {
      return Read.rejected(null, String.format(java.util.Locale.ROOT,
          "line %d: the line is %,d characters long, more than the maximum %,d (--max-line-chars)",
          number, line.length(), maxLineChars));
    }
    if (new String(line.bytes(), StandardCharsets.UTF_8).isBlank()) {
      return Read.rejected(null, "line " + number + ": empty line, expected a declaration");
    }
    byte[] bytes = line.bytes();
    if (number == 1 && bytes.length >= 3 && Arrays.equals(bytes, 0, 3, BYTE_ORDER_MARK, 0, 3)) {
      // Editors on Windows may start a UTF-8 file with a byte order mark; it is not JSON.
      bytes = Arrays.copyOfRange(bytes, 3, bytes.length);
    }
    try {
      JsonlRecord record = JsonlRecord.parse(bytes, number);
      return new Read(json.readDeclaration(record.declarationJson(), record.offset(), record.length(), number),
          null, null);
    } catch (DeclarationException e) {
      return Read.rejected(e.declarationNumber(), e.getMessage());
    } catch (JsonlRecord.OutcomeException e) {
      return Read.rejected(null, e.getMessage());
    }
  }

  /** An assessment as {@code rescore} writes its line (no {@code assessedAt}), by rescore's own code. */
  public static String assessmentLine(RiskgateJson json, Assessment assessment) {
    return Rescorer.lineOf(json, assessment);
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
