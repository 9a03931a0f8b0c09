package io.riskgate;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Turns a declaration's hits into its channel: thresholds, minimum channels, random selection. */
final class Decider {
  static final String ENGINE_VERSION = engineVersion();

  private Decider() {}

  /**
   * {@code hits} are sorted in place when there are several: the engine passes the batch's own
   * list, which nothing else reads, and the assessment copies it anyway.
   *
   * <p>Hits of criteria on trial count for nothing here; for each such criterion, the score and
   * channel it would have given are computed alongside, from the same score and thresholds, so a
   * report never has to re-implement the decision. A pack with no criterion on trial pays one
   * boolean test per criterion that hit.
   */
  static Assessment decide(String number, List<Hit> hits, PackManifest manifest,
      PackVersion pack, Instant now) {
    if (hits.size() > 1) {
      hits.sort(Hit.ORDER);
    }
    // Each criterion counts once, with the points of its hit of largest magnitude (the first such
    // hit on a tie), and demands the strongest minimum channel of its hits. The hits are sorted by
    // code, so one pass over each run of a code does it, with no map per declaration.
    int score = 0;
    Channel demanded = Channel.GREEN;
    List<Run> onTrial = null;
    int i = 0;
    while (i < hits.size()) {
      Hit first = hits.get(i);
      int best = first.points();
      Channel minimum = Channel.GREEN.max(first.minimumChannel());
      for (i++; i < hits.size() && hits.get(i).code().equals(first.code()); i++) {
        Hit hit = hits.get(i);
        if (Math.abs(hit.points()) > Math.abs(best)) {
          best = hit.points();
        }
        minimum = minimum.max(hit.minimumChannel());
      }
      if (first.trial()) {
        if (onTrial == null) {
          onTrial = new ArrayList<>(2);
        }
        onTrial.add(new Run(first.code(), best, minimum));
      } else {
        score += best;
        // A demanded channel holds whatever the points add up to: negative points lower the
        // score, never a hit's minimum channel.
        demanded = demanded.max(minimum);
      }
    }
    Channel targeted = manifest.thresholds().channelFor(score).max(demanded);
    Channel random = manifest.randomChannel(number);
    Channel channel = targeted.max(random);
    Selection selection = channel == Channel.GREEN ? Selection.NONE
        : random.ordinal() > targeted.ordinal() ? Selection.RANDOM : Selection.TARGETED;
    List<Assessment.Trial> trials = List.of();
    if (onTrial != null) {
      trials = new ArrayList<>(onTrial.size());
      for (Run run : onTrial) {
        int counted = score + run.points;
        trials.add(new Assessment.Trial(run.code, counted,
            manifest.thresholds().channelFor(counted).max(demanded).max(run.minimum).max(random)));
      }
    }
    return new Assessment(number, channel, score, hits, trials, selection, pack, ENGINE_VERSION, now);
  }

  /** One criterion's effect on a declaration: its points and the channel it demands. */
  private record Run(String code, int points, Channel minimum) {}

  static Assessment failClosed(String number, Channel channel, String rule, String reason,
      PackVersion pack, Instant now) {
    Hit error = new Hit(Hit.ENGINE_ERROR, 0, channel, reason, rule);
    return new Assessment(number, channel, 0, List.of(error), Selection.FAIL_CLOSED, pack,
        ENGINE_VERSION, now);
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
