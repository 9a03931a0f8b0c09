package io.riskgate;

import java.util.Objects;

/**
 * The manifest of a rule pack, the {@code pack.json} file at its root:
 *
 * <pre>{@code
 * {
 *   "id": "vn-baseline",
 *   "version": "2026.11.0",
 *   "description": "Baseline selectivity criteria modelled on VNACCS/VCIS",
 *   "thresholds": { "yellow": 30, "red": 60 },
 *   "randomRates": { "yellow": 0.02, "red": 0.01 },
 *   "seed": 20261123
 * }
 * }</pre>
 *
 * @param id the pack's id, letters, digits, '.', '_' and '-'
 * @param version the pack's version, recorded in every assessment
 * @param description what the pack is for
 * @param thresholds the scores from which a declaration goes YELLOW and RED
 * @param randomRates the share of declarations selected at random into YELLOW and RED
 * @param seed the seed of the random selection: same seed and declaration number, same draw
 */
public record PackManifest(
    String id,
    String version,
    String description,
    Thresholds thresholds,
    RandomRates randomRates,
    long seed) {

  public PackManifest {
    require(id, "id");
    if (!id.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException("id must hold only letters, digits, '.', '_' and '-'");
    }
    require(version, "version");
    description = description == null ? "" : description;
    Objects.requireNonNull(thresholds, "thresholds is required");
    randomRates = randomRates == null ? new RandomRates(0, 0) : randomRates;
  }

  private static void require(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
  }

  /**
   * Score thresholds: a score of at least {@code yellow} gives YELLOW, at least {@code red} RED.
   */
  public record Thresholds(int yellow, int red) {
    public Thresholds {
      if (yellow < 1 || red < yellow) {
        throw new IllegalArgumentException(
            "thresholds must satisfy 1 <= yellow <= red, were yellow " + yellow + ", red " + red);
      }
    }

    /** The channel a score reaches on its own. */
    public Channel channelFor(int score) {
      return score >= red ? Channel.RED : score >= yellow ? Channel.YELLOW : Channel.GREEN;
    }
  }

  /**
   * Random selection rates, as fractions of all declarations (0.01 = 1%). ASYCUDA and VNACCS keep
   * a small random selection so the system stays unpredictable and criteria can be measured.
   */
  public record RandomRates(double yellow, double red) {
    public RandomRates {
      if (!(yellow >= 0 && red >= 0 && yellow + red <= 1)) {
        throw new IllegalArgumentException(
            "randomRates must be between 0 and 1 and add up to at most 1, were yellow " + yellow
                + ", red " + red);
      }
    }
  }
}
