package io.riskgate.scenario;

import io.riskgate.RiskgateException;

/**
 * A scenario file that cannot be used: malformed JSON, an unknown or missing field, a base
 * declaration that is not in the pack, a declaration that does not bind. The message names the
 * file, the line and column, and the JSON path, in the form editors and CI logs link to:
 *
 * <pre>
 * packs/vn-baseline/scenarios/val-01-fires.json:14:21: at $.expect.channel: expected one of GREEN, YELLOW, RED
 * </pre>
 *
 * <p>When the problem lies in a base declaration the scenario refers to, the file is that
 * declaration's. A line and column of 0 mean the position is not known.
 */
public final class ScenarioException extends RiskgateException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final int column;
  private final String jsonPath;

  ScenarioException(String file, int line, int column, String jsonPath, String message) {
    super(message, null);
    this.file = file;
    this.line = Math.max(0, line);
    this.column = Math.max(0, column);
    this.jsonPath = jsonPath;
  }

  /** The file at fault, as the pack's location plus its path in the pack. */
  public String file() {
    return file;
  }

  /** The line (from 1), or 0 if unknown. */
  public int line() {
    return line;
  }

  /** The column (from 1), or 0 if unknown. */
  public int column() {
    return column;
  }

  /** The JSON path of the offending value, e.g. {@code $.expect.codes[1]}; {@code $} for the whole. */
  public String jsonPath() {
    return jsonPath;
  }

  @Override
  public String getMessage() {
    return file + ":" + line + ":" + column + ": at " + jsonPath + ": " + getOriginalMessage();
  }
}
