package io.riskgate;

import java.util.ArrayList;
import java.util.List;

/**
 * One DRL file's text, and the problems found in it, located by line and column from 1. Drools'
 * descriptors give a snippet's line but not always its column, and some (consequences, function
 * bodies) only its text: {@link #find} locates a snippet's text in the file from the line where its
 * descriptor starts, so every problem inside it can be placed exactly.
 */
final class DrlSource {
  final String path;
  final String text;
  private final int[] lineStarts;
  /** What a pack may not do: refused before Drools compiles anything. */
  final List<RulePackException.Problem> refusals;
  /** Mistakes that compiling cannot make worse: reported with Drools' own errors. */
  final List<RulePackException.Problem> mistakes;

  DrlSource(String path, String text, List<RulePackException.Problem> refusals,
      List<RulePackException.Problem> mistakes) {
    this.path = path;
    this.text = text;
    this.refusals = refusals;
    this.mistakes = mistakes;
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        starts.add(i + 1);
      }
    }
    lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The offset of a line's first character (line from 1), clamped to the file. */
  int offsetOfLine(int line) {
    return lineStarts[Math.max(0, Math.min(lineStarts.length - 1, line - 1))];
  }

  /** The offset of a descriptor's position: line from 1, column from 0 as Drools gives them. */
  int offsetOf(int line, int column) {
    if (line < 1) {
      return 0;
    }
    return Math.min(text.length(), offsetOfLine(line) + Math.max(0, column));
  }

  /**
   * Where {@code snippet} starts in the file, searching from the start of {@code line} (from 1), or
   * -1 if the text is not there verbatim.
   */
  int find(String snippet, int line) {
    if (snippet == null || snippet.isBlank()) {
      return -1;
    }
    String trimmed = snippet.strip();
    int at = text.indexOf(trimmed, line < 1 ? 0 : offsetOfLine(line));
    return at < 0 ? -1 : at;
  }

  /** Refuses what the code at a file offset does. */
  void refuse(int offset, String message) {
    refusals.add(at(offset, message));
  }

  /** Refuses what the code at a descriptor's position does (line from 1, column from 0). */
  void refuse(int line, int column, String message) {
    refusals.add(at(line, column, message));
  }

  /** Reports a mistake at a file offset. */
  void mistake(int offset, String message) {
    mistakes.add(at(offset, message));
  }

  /** Reports a mistake at a descriptor's position (line from 1, column from 0). */
  void mistake(int line, int column, String message) {
    mistakes.add(at(line, column, message));
  }

  private RulePackException.Problem at(int offset, String message) {
    int index = java.util.Arrays.binarySearch(lineStarts, Math.max(0, offset));
    int line = index >= 0 ? index : -index - 2;
    return new RulePackException.Problem(path, line + 1, offset - lineStarts[line] + 1, message);
  }

  private RulePackException.Problem at(int line, int column, String message) {
    return new RulePackException.Problem(path, Math.max(0, line), line < 1 ? 0 : Math.max(0, column) + 1,
        message);
  }
}
