package io.riskgate.cli;

import java.util.List;

/**
 * Tells from its first lines an input that is not JSON Lines at all (a pretty-printed JSON
 * document, a JSON array, CSV, XML, UTF-16, binary), so that {@code rescore} says so once, in
 * words, instead of rejecting every line with a parser's complaint about it. Only the shapes that
 * cannot be a JSON Lines file with a damaged first line are told; anything else goes on, line by
 * line.
 */
final class InputShape {
  private InputShape() {}

  /**
   * Why the input is not JSON Lines, such as "expected JSON Lines, one declaration per line; line 1
   * looks like the start of a pretty-printed JSON document", or null if its first lines could be.
   *
   * @param first the first lines read (any number; lines too long to keep have no bytes)
   */
  static String problem(List<LineReader.Line> first) {
    if (first.isEmpty() || first.get(0).tooLong()) {
      return null;
    }
    byte[] line = first.get(0).bytes();
    String what = shape(line, first.size() > 1 && !first.get(1).tooLong() ? first.get(1).bytes() : null);
    return what == null ? null : "expected JSON Lines, one declaration per line (a JSON object on each);"
        + " line 1 " + what;
  }

  private static String shape(byte[] line, byte[] next) {
    if (line.length >= 2 && ((line[0] & 0xFF) == 0xFF && (line[1] & 0xFF) == 0xFE
        || (line[0] & 0xFF) == 0xFE && (line[1] & 0xFF) == 0xFF)) {
      return "is UTF-16 text; convert the input to UTF-8";
    }
    int start = line.length >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB
        && (line[2] & 0xFF) == 0xBF ? 3 : 0;
    int from = skipSpaces(line, start);
    if (from < line.length && line[from] != '{') {
      // In a line that starts as a declaration, a control character is one damaged line.
      for (int i = start; i < line.length; i++) {
        int b = line[i] & 0xFF;
        if (b < 0x20 && b != '\t' || b == 0x7F) {
          return "holds control characters (code " + b + "): it looks like binary data, not text";
        }
      }
    }
    int to = line.length;
    while (to > from && (line[to - 1] == ' ' || line[to - 1] == '\t')) {
      to--;
    }
    if (from == to) {
      return null;
    }
    byte head = line[from];
    byte tail = line[to - 1];
    if (head == '[') {
      return "starts a JSON array; put each declaration on a line of its own (jq -c '.[]' does)";
    }
    if (head == '{') {
      boolean open = tail != '}';
      boolean nextIsInside = next != null && skipSpaces(next, 0) < next.length && next[skipSpaces(next, 0)] != '{';
      if (to - from == 1 || open && nextIsInside) {
        return "looks like the start of a pretty-printed JSON document; put each declaration on a"
            + " line of its own (jq -c . does)";
      }
      return null;
    }
    if (head == '<') {
      return "looks like XML or HTML, not JSON";
    }
    for (int i = from; i < to; i++) {
      if (line[i] == ',' || line[i] == ';' || line[i] == '\t') {
        return "looks like CSV or other delimited text, not JSON";
      }
    }
    return null;
  }

  private static int skipSpaces(byte[] line, int from) {
    int i = from;
    while (i < line.length && (line[i] == ' ' || line[i] == '\t')) {
      i++;
    }
    return i;
  }
}
