package io.riskgate;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

/** Turns a declaration's hits into its channel: thresholds, minimum channels, random selection. */
final class Decider {
  static final String ENGINE_VERSION = engineVersion();

  private Decider() {}

  /**
   * {@code hits} are sorted in place when there are several: the engine passes the batch's own
   * list, which nothing else reads, and the assessment copies it anyway.
   */
  static Assessment decide(String number, List<Hit> hits, PackManifest manifest,
      PackVersion pack, Instant now) {
    if (hits.size() > 1) {
      hits.sort(Hit.ORDER);
    }
    int score = score(hits);
    Channel targeted = manifest.thresholds().channelFor(score);
    for (Hit hit : hits) {
      // A demanded channel holds whatever the points add up to: negative points lower the score,
      // never a hit's minimum channel.
      targeted = targeted.max(hit.minimumChannel());
    }
    Channel random = manifest.randomChannel(number);
    Channel channel = targeted.max(random);
    Selection selection = channel == Channel.GREEN ? Selection.NONE
        : random.ordinal() > targeted.ordinal() ? Selection.RANDOM : Selection.TARGETED;
    return new Assessment(number, channel, score, hits, selection, pack, ENGINE_VERSION, now);
  }

  static Assessment failClosed(String number, Channel channel, String rule, String reason,
      PackVersion pack, Instant now) {
    Hit error = new Hit(Hit.ENGINE_ERROR, 0, channel, reason, rule);
    return new Assessment(number, channel, 0, List.of(error), Selection.FAIL_CLOSED, pack,
        ENGINE_VERSION, now);
  }

  /**
   * Each criterion counts once, with the points of its hit of largest magnitude (the first such
   * hit on a tie). The hits are sorted by code, so one pass over each run of a code does it, with
   * no map per declaration.
   */
  private static int score(List<Hit> sorted) {
    int score = 0;
    int i = 0;
    while (i < sorted.size()) {
      String code = sorted.get(i).code();
      int best = sorted.get(i).points();
      for (i++; i < sorted.size() && sorted.get(i).code().equals(code); i++) {
        int points = sorted.get(i).points();
        if (Math.abs(points) > Math.abs(best)) {
          best = points;
        }
      }
      score += best;
    }
    return score;
  }

  private static String engineVersion() {
    try (InputStream in = Decider.class.getResourceAsStream("riskgate.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
