package io.riskgate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Turns a declaration's hits into its channel: thresholds, minimum channels, random selection. */
final class Decider {
  static final String ENGINE_VERSION = engineVersion();

  private Decider() {}

  static Assessment decide(String number, List<Hit> reported, PackManifest manifest,
      PackVersion pack, Instant now) {
    List<Hit> hits = new ArrayList<>(reported);
    hits.sort(Hit.ORDER);
    int score = score(hits);
    Channel targeted = manifest.thresholds().channelFor(score);
    for (Hit hit : hits) {
      // A demanded channel holds whatever the points add up to: negative points lower the score,
      // never a hit's minimum channel.
      targeted = targeted.max(hit.minimumChannel());
    }
    Channel random = randomChannel(manifest, number);
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

  /** Each criterion counts once, with the points of its hit of largest magnitude. */
  private static int score(List<Hit> sorted) {
    Map<String, Integer> byCode = new HashMap<>();
    for (Hit hit : sorted) {
      byCode.merge(hit.code(), hit.points(), (a, b) -> Math.abs(b) > Math.abs(a) ? b : a);
    }
    int score = 0;
    for (int points : byCode.values()) {
      score += points;
    }
    return score;
  }

  static Channel randomChannel(PackManifest manifest, String number) {
    double draw = draw(manifest.seed(), number);
    PackManifest.RandomRates rates = manifest.randomRates();
    if (draw < rates.red()) {
      return Channel.RED;
    }
    return draw < rates.red() + rates.yellow() ? Channel.YELLOW : Channel.GREEN;
  }

  /**
   * A uniform number in [0, 1) that depends only on the seed and the declaration number: FNV-1a
   * over the number's UTF-8 bytes, then the SplitMix64 finaliser to spread the bits. Written out
   * rather than taken from a JDK random generator so that the draw can never change with the JDK.
   */
  static double draw(long seed, String number) {
    long hash = 0xcbf29ce484222325L ^ seed;
    for (byte b : number.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
    }
    hash += 0x9e3779b97f4a7c15L;
    hash = (hash ^ (hash >>> 30)) * 0xbf58476d1ce4e5b9L;
    hash = (hash ^ (hash >>> 27)) * 0x94d049bb133111ebL;
    hash ^= hash >>> 31;
    return (hash >>> 11) * 0x1.0p-53;
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
