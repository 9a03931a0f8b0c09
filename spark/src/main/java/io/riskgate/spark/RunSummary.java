package io.riskgate.spark;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.riskgate.Channel;
import io.riskgate.Criterion;
import io.riskgate.PackVersion;
import io.riskgate.Selection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The counts of a run, as {@code rescore}'s summary gives them: lines assessed and rejected,
 * failed closed, per channel, per kind of selection, and per criterion its hits by channel (each
 * criterion counted once per declaration). Computed by Spark over the run's rows, so only the
 * counts come back to the driver.
 */
record RunSummary(PackVersion pack, List<String> inputs, long assessed, long rejected, long failedClosed,
    Map<Channel, Long> channels, Map<Selection, Long> selections, List<CriterionHits> criteria,
    double seconds, int partitions) {

  /** One criterion's hits, and how many of them ended in each channel. */
  record CriterionHits(String code, String theme, String name, long hits, long green, long yellow, long red) {}

  static RunSummary of(Dataset<Row> rows, PackVersion pack, List<String> inputs, List<Criterion> criteria,
      double seconds, int partitions) {
    Dataset<Row> assessed = rows.where(col(PartitionRescorer.REASON).isNull());
    Map<Channel, Long> channels = new EnumMap<>(Channel.class);
    Map<Selection, Long> selections = new EnumMap<>(Selection.class);
    for (Channel channel : Channel.values()) {
      channels.put(channel, 0L);
    }
    for (Selection selection : Selection.values()) {
      selections.put(selection, 0L);
    }
    long total = 0;
    for (Row row : assessed.groupBy("channel", "selection").count().collectAsList()) {
      long count = row.getLong(2);
      channels.merge(Channel.valueOf(row.getString(0)), count, Long::sum);
      selections.merge(Selection.valueOf(row.getString(1)), count, Long::sum);
      total += count;
    }
    long rejected = rows.where(col(PartitionRescorer.REASON).isNotNull()).count();
    Map<String, long[]> hits = new HashMap<>();
    for (Row row : assessed.select(col("channel"), explode(array_distinct(col("hits.code"))).as("code"))
        .groupBy("code", "channel").count().collectAsList()) {
      hits.computeIfAbsent(row.getString(0), code -> new long[3])[Channel.valueOf(row.getString(1)).ordinal()]
          += row.getLong(2);
    }
    Map<String, Criterion> known = new HashMap<>();
    criteria.forEach(criterion -> known.put(criterion.code(), criterion));
    List<CriterionHits> list = new ArrayList<>();
    hits.forEach((code, byChannel) -> {
      Criterion criterion = known.get(code);
      list.add(new CriterionHits(code, criterion == null ? "" : criterion.theme(),
          criterion == null ? "" : criterion.rule(), byChannel[0] + byChannel[1] + byChannel[2],
          byChannel[0], byChannel[1], byChannel[2]));
    });
    list.sort(Comparator.comparingLong((CriterionHits c) -> -c.hits()).thenComparing(CriterionHits::code));
    return new RunSummary(pack, inputs, total, rejected, selections.get(Selection.FAIL_CLOSED), channels,
        selections, list, seconds, partitions);
  }

  long lines() {
    return assessed + rejected;
  }

  /** The summary as text, laid out as {@code rescore}'s (every criterion listed). */
  String text() {
    StringBuilder out = new StringBuilder();
    line(out, "pack      %s", pack);
    line(out, "input     %s", String.join(", ", inputs));
    line(out, "lines     %,d = %,d assessed + %,d rejected%s", lines(), assessed, rejected,
        failedClosed == 0 ? "" : String.format(Locale.ROOT, "  (%,d of the assessed failed closed)", failedClosed));
    out.append('\n');
    line(out, "channel        count   share");
    for (Channel channel : Channel.values()) {
      long count = channels.get(channel);
      line(out, "%-7s %12s  %5.1f%%", channel, String.format(Locale.ROOT, "%,d", count), percent(count, assessed));
    }
    line(out, "selection: targeted %,d, random %,d, none %,d, failed closed %,d",
        selections.get(Selection.TARGETED), selections.get(Selection.RANDOM), selections.get(Selection.NONE),
        selections.get(Selection.FAIL_CLOSED));
    out.append('\n');
    if (criteria.isEmpty()) {
      line(out, "no criterion hit");
    } else {
      line(out, "criteria by hits");
      line(out, "%-12s %10s %7s %9s %9s %9s  %-22s %s", "criterion", "hits", "share", "GREEN", "YELLOW", "RED",
          "theme", "name");
      for (CriterionHits c : criteria) {
        line(out, "%-12s %,10d %6.1f%% %,9d %,9d %,9d  %-22s %s", c.code(), c.hits(), percent(c.hits(), assessed),
            c.green(), c.yellow(), c.red(), c.theme(), c.name());
      }
    }
    out.append('\n');
    line(out, "throughput %,.0f declarations/s: %,d lines in %.2f s on %d partitions (reading, assessing,"
        + " writing, counting)", lines() / Math.max(seconds, 1e-9), lines(), seconds, partitions);
    return out.toString();
  }

  /** The same counts as JSON, for the next step of a pipeline. */
  String json() {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("pack", pack);
    tree.put("inputs", inputs);
    tree.put("lines", lines());
    tree.put("assessed", assessed);
    tree.put("rejected", rejected);
    tree.put("failedClosed", failedClosed);
    tree.put("channels", channels);
    tree.put("selections", selections);
    tree.put("criteria", criteria);
    tree.put("seconds", seconds);
    tree.put("partitions", partitions);
    try {
      return JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(tree) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the summary as JSON", e);
    }
  }

  private static double percent(long count, long of) {
    return of == 0 ? 0 : 100.0 * count / of;
  }

  private static void line(StringBuilder out, String format, Object... args) {
    out.append(String.format(Locale.ROOT, format, args)).append('\n');
  }
}
