package io.riskgate.benchmarks;

import io.riskgate.Channel;
import io.riskgate.PackManifest;
import java.nio.charset.StandardCharsets;

/**
 * The engine's seeded random selection written out for the baselines (the engine keeps its own
 * package-private). Kept identical to the
 * engine's so that the baselines and the engine can be compared declaration by declaration.
 */
final class RandomDraw {
  private RandomDraw() {}

  static Channel channel(PackManifest manifest, String number) {
    double draw = draw(manifest.seed(), number);
    PackManifest.RandomRates rates = manifest.randomRates();
    if (draw < rates.red()) {
      return Channel.RED;
    }
    return draw < rates.red() + rates.yellow() ? Channel.YELLOW : Channel.GREEN;
  }

  /** FNV-1a over the number's UTF-8 bytes, then the SplitMix64 finaliser: as the engine draws. */
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
}
