package io.riskgate.cli;

import io.riskgate.Assessment;
import io.riskgate.Channel;
import io.riskgate.Hit;
import io.riskgate.PackManifest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code calibrate} keeps of a history assessed once: per declaration, its score, the channel
 * it gets whatever the thresholds (its floor: the strongest minimum channel among its hits and its
 * random draw), its customs office and its registration day; and the threshold searches over them.
 *
 * <p>Why this is enough: the engine's channel is the strongest of the thresholds' channel for the
 * score, the hits' minimum channels and the random draw (see {@code Decider}), and only the first
 * depends on the thresholds. {@link #add} checks that this holds for every declaration at the pack's
 * own thresholds, so a change in how the engine decides cannot make the proposal silently wrong.
 *
 * <p>Memory: a few bytes per declaration, not the declarations. Not thread-safe.
 */
final class Calibration {

  /** Why a channel's share cannot go below some level whatever the thresholds. */
  record Floor(long count, Map<String, Long> criteria, long random) {}

  /** A threshold found, with the count it gives and the count one step lower would give. */
  record Found(int threshold, long count, long countOneLower) {}

  private final PackManifest manifest;
  private int size;
  private int[] scores = new int[1 << 12];
  private byte[] floors = new byte[1 << 12];
  private int[] offices = new int[1 << 12];
  private int[] days = new int[1 << 12];
  private final Map<String, Integer> officeIndex = new LinkedHashMap<>();
  /** Per criterion code, the declarations its minimum channel puts in YELLOW or RED. */
  private final Map<String, long[]> criterionFloors = new TreeMap<>();
  private final long[] randomFloors = new long[Channel.values().length];
  private long failedClosed;

  Calibration(PackManifest manifest) {
    this.manifest = manifest;
  }

  /** Keeps what the searches need of one assessed declaration. */
  void add(Assessment assessment, String customsOffice, java.time.Instant registeredAt) {
    Channel minimum = Channel.GREEN;
    String previous = null;
    for (Hit hit : assessment.hits()) {
      if (hit.trial()) {
        continue;  // on trial: its minimum channel does not count, whatever the thresholds
      }
      // A hit without a minimum channel (null) demands none.
      Channel demanded = Channel.GREEN.max(hit.minimumChannel());
      minimum = minimum.max(demanded);
      if (demanded != Channel.GREEN && !hit.code().equals(previous)) {
        criterionFloors.computeIfAbsent(hit.code(), code -> new long[Channel.values().length])[demanded.ordinal()]++;
      }
      previous = hit.code();
    }
    Channel random = manifest.randomChannel(assessment.declarationNumber());
    randomFloors[random.ordinal()]++;
    Channel floor = minimum.max(random);
    Channel expected = floor.max(manifest.thresholds().channelFor(assessment.score()));
    if (expected != assessment.channel()) {
      throw new IllegalStateException("declaration " + assessment.declarationNumber() + " is "
          + assessment.channel() + ", but its score, hits and random draw give " + expected
          + ": the engine decides differently from what calibrate assumes");
    }
    if (assessment.failedClosed()) {
      failedClosed++;
    }
    if (size == scores.length) {
      int grown = size * 2;
      scores = Arrays.copyOf(scores, grown);
      floors = Arrays.copyOf(floors, grown);
      offices = Arrays.copyOf(offices, grown);
      days = Arrays.copyOf(days, grown);
    }
    scores[size] = assessment.score();
    floors[size] = (byte) floor.ordinal();
    offices[size] = officeIndex.computeIfAbsent(customsOffice, office -> officeIndex.size());
    days[size] = (int) registeredAt.atOffset(ZoneOffset.UTC).toLocalDate().toEpochDay();
    size++;
  }

  int size() {
    return size;
  }

  long failedClosed() {
    return failedClosed;
  }

  PackManifest manifest() {
    return manifest;
  }

  /** The most declarations a share of {@code percent} of them allows: rounded down. */
  long allowed(BigDecimal percent) {
    return percent.multiply(BigDecimal.valueOf(size)).divide(BigDecimal.valueOf(100), 0, RoundingMode.FLOOR)
        .longValueExact();
  }

  /** The declarations RED whatever the thresholds, and why. */
  Floor redFloor() {
    return floor(Channel.RED, all());
  }

  /** The declarations YELLOW whatever the yellow threshold, with {@code red} as the red threshold. */
  Floor yellowFloor(int red) {
    List<Integer> below = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      if (floors[i] != Channel.RED.ordinal() && scores[i] < red) {
        below.add(i);
      }
    }
    return floor(Channel.YELLOW, below);
  }

  private Floor floor(Channel channel, List<Integer> among) {
    long count = 0;
    for (int i : among) {
      if (floors[i] == channel.ordinal()) {
        count++;
      }
    }
    Map<String, Long> criteria = new LinkedHashMap<>();
    criterionFloors.forEach((code, counts) -> {
      if (counts[channel.ordinal()] > 0) {
        criteria.put(code, counts[channel.ordinal()]);
      }
    });
    return new Floor(count, criteria, randomFloors[channel.ordinal()]);
  }

  /** The lowest red threshold with at most {@code allowed} RED declarations, or null if none has. */
  Found red(long allowed) {
    return red(all(), allowed);
  }

  /**
   * The lowest yellow threshold, 1 to {@code red}, with at most {@code allowed} YELLOW declarations
   * under the red threshold {@code red}, or null if none has.
   */
  Found yellow(int red, long allowed) {
    return yellow(all(), red, allowed);
  }

  /** How many declarations go RED and YELLOW under these thresholds: {green, yellow, red}. */
  long[] channels(int yellow, int red) {
    long[] counts = new long[Channel.values().length];
    for (int i = 0; i < size; i++) {
      counts[channel(i, yellow, red)]++;
    }
    return counts;
  }

  private int channel(int i, int yellow, int red) {
    int byScore = scores[i] >= red ? 2 : scores[i] >= yellow ? 1 : 0;
    return Math.max(byScore, floors[i]);
  }

  private Found red(List<Integer> among, long allowed) {
    int[] candidates = among.stream().filter(i -> floors[i] != Channel.RED.ordinal())
        .mapToInt(i -> scores[i]).toArray();
    long fixed = among.size() - candidates.length;
    return lowest(candidates, fixed, allowed, Integer.MAX_VALUE);
  }

  private Found yellow(List<Integer> among, int red, long allowed) {
    List<Integer> notRed = among.stream().filter(i -> floors[i] != Channel.RED.ordinal() && scores[i] < red).toList();
    int[] candidates = notRed.stream().filter(i -> floors[i] == Channel.GREEN.ordinal())
        .mapToInt(i -> scores[i]).toArray();
    long fixed = notRed.size() - candidates.length;
    return lowest(candidates, fixed, allowed, red);
  }

  /**
   * The lowest threshold t, 1 to {@code max}, for which {@code fixed} plus the candidates scoring at
   * least t make at most {@code allowed}; null if {@code fixed} alone is more. Counts go down as t
   * goes up, so it is the score just above the (allowed - fixed + 1)-th highest candidate.
   */
  static Found lowest(int[] candidates, long fixed, long allowed, int max) {
    if (fixed > allowed) {
      return null;
    }
    int[] sorted = candidates.clone();
    Arrays.sort(sorted);
    long keep = allowed - fixed;
    int threshold = keep >= sorted.length ? 1 : Math.max(1, sorted[sorted.length - 1 - (int) keep] + 1);
    threshold = Math.min(threshold, max);
    return new Found(threshold, fixed + atLeast(sorted, threshold),
        threshold > 1 ? fixed + atLeast(sorted, threshold - 1) : -1);
  }

  /** How many of the sorted scores are at least {@code t}. */
  private static long atLeast(int[] sorted, int t) {
    int low = 0;
    int high = sorted.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (sorted[mid] < t) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return sorted.length - low;
  }

  private List<Integer> all() {
    List<Integer> all = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      all.add(i);
    }
    return all;
  }

  /** An office's daily capacity: physical inspections (RED) and documentary checks (YELLOW). */
  record Capacity(String office, long physicalPerDay, long documentaryPerDay) {}

  /** One office at some thresholds: its days, and those over capacity. */
  record OfficeLoad(String office, Capacity capacity, int days, int daysOver, long redOver, long yellowOver) {}

  /**
   * The thresholds that keep every office with a capacity within it on every day: red first, the
   * lowest that keeps physical inspections within capacity, then yellow under it; when no
   * threshold can (floors alone exceed a day's capacity), {@code impossible} names that office and
   * day, and the thresholds not found are 0.
   */
  record CapacityThresholds(int red, int yellow, String impossible) {}

  /** Each office's declarations by registration day. */
  private Map<Integer, Map<Integer, List<Integer>>> officeDays() {
    Map<Integer, Map<Integer, List<Integer>>> byOffice = new TreeMap<>();
    for (int i = 0; i < size; i++) {
      byOffice.computeIfAbsent(offices[i], o -> new TreeMap<>()).computeIfAbsent(days[i], d -> new ArrayList<>()).add(i);
    }
    return byOffice;
  }

  private List<String> officeNames() {
    return new ArrayList<>(officeIndex.keySet());
  }

  /** Per office of the history, its load under these thresholds; capacity null when none is given. */
  List<OfficeLoad> loads(int yellow, int red, Map<String, Capacity> capacities) {
    List<String> names = officeNames();
    List<OfficeLoad> loads = new ArrayList<>();
    officeDays().forEach((office, days) -> {
      Capacity capacity = capacities.get(names.get(office));
      int over = 0;
      long redOver = 0;
      long yellowOver = 0;
      if (capacity != null) {
        for (List<Integer> day : days.values()) {
          long[] counts = new long[Channel.values().length];
          for (int i : day) {
            counts[channel(i, yellow, red)]++;
          }
          long r = Math.max(0, counts[2] - capacity.physicalPerDay());
          long y = Math.max(0, counts[1] - capacity.documentaryPerDay());
          if (r + y > 0) {
            over++;
          }
          redOver += r;
          yellowOver += y;
        }
      }
      loads.add(new OfficeLoad(names.get(office), capacity, days.size(), over, redOver, yellowOver));
    });
    loads.sort(java.util.Comparator.comparing(OfficeLoad::office));
    return loads;
  }

  /** The lowest thresholds that keep every office with a capacity within it on every day. */
  CapacityThresholds withinCapacity(Map<String, Capacity> capacities) {
    List<String> names = officeNames();
    Map<String, List<Integer>> groups = new HashMap<>();
    Map<String, Capacity> groupCapacity = new HashMap<>();
    officeDays().forEach((office, days) -> {
      Capacity capacity = capacities.get(names.get(office));
      if (capacity != null) {
        days.forEach((day, list) -> {
          String key = names.get(office) + " on " + java.time.LocalDate.ofEpochDay(day);
          groups.put(key, list);
          groupCapacity.put(key, capacity);
        });
      }
    });
    int red = 1;
    for (Map.Entry<String, List<Integer>> group : new TreeMap<>(groups).entrySet()) {
      Found found = red(group.getValue(), groupCapacity.get(group.getKey()).physicalPerDay());
      if (found == null) {
        return new CapacityThresholds(0, 0, group.getKey() + ": more declarations are RED whatever"
            + " the thresholds than its " + groupCapacity.get(group.getKey()).physicalPerDay()
            + " physical inspections a day");
      }
      red = Math.max(red, found.threshold());
    }
    int yellow = 1;
    for (Map.Entry<String, List<Integer>> group : new TreeMap<>(groups).entrySet()) {
      Found found = yellow(group.getValue(), red, groupCapacity.get(group.getKey()).documentaryPerDay());
      if (found == null) {
        return new CapacityThresholds(red, 0, group.getKey() + ": more declarations"
            + " are YELLOW whatever the yellow threshold than its "
            + groupCapacity.get(group.getKey()).documentaryPerDay() + " documentary checks a day");
      }
      yellow = Math.max(yellow, found.threshold());
    }
    return new CapacityThresholds(red, yellow, null);
  }
}
