package io.riskgate.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Lists and tables from an integrator's own systems behind a Caffeine cache, and the in-memory ones
 * a pack's files build.
 */
class OwnSourcesTest {
  private static final CacheSettings MINUTE = CacheSettings.defaults().withExpireAfterWrite(Duration.ofMinutes(1));

  private static final class FakeTicker implements Ticker {
    final AtomicLong nanos = new AtomicLong();

    @Override
    public long read() {
      return nanos.get();
    }
  }

  @Test
  void cachedLists_askTheSourceOncePerListAndValue_untilTheAnswerExpires() {
    List<String> asked = new ArrayList<>();
    Lists source = (list, value) -> {
      asked.add(list + ":" + value);
      return value.startsWith("01");
    };
    FakeTicker ticker = new FakeTicker();
    Lists cached = ReferenceSources.cachedLists(source, MINUTE, ticker);
    assertThat(cached.has("watched-traders", "0101")).isTrue();
    assertThat(cached.has("watched-traders", "0101")).isTrue();
    assertThat(cached.has("watched-traders", "9999")).isFalse();
    assertThat(cached.has("watched-traders", "9999")).isFalse();
    assertThat(cached.has("watched-traders", null)).isFalse();
    assertThat(asked).containsExactly("watched-traders:0101", "watched-traders:9999");
    ticker.nanos.addAndGet(Duration.ofMinutes(2).toNanos());
    assertThat(cached.has("watched-traders", "0101")).isTrue();
    assertThat(asked).hasSize(3);
  }

  @Test
  void cachedTables_cacheRowsAndAbsentRows_byTableAndKeys() {
    List<String> asked = new ArrayList<>();
    Tables source = (table, key, second) -> {
      asked.add(table + ":" + key + ":" + second);
      if (!key.equals("8711")) {
        return null;  // an integrator's "no row": read as absent
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("points", 25);
      row.put("factor", new BigDecimal("1.5"));
      row.put("reason", null);
      return TableRow.of(table, row);
    };
    Tables cached = ReferenceSources.cachedTables(source, MINUTE, new FakeTicker());
    assertThat(cached.row("points", "8711", "CN").integer("points")).isEqualTo(25);
    assertThat(cached.row("points", "8711", "CN").text("reason")).isNull();
    assertThat(cached.has("points", "8711", "TH")).isTrue();
    assertThat(cached.row("points", "0101", "CN").found()).isFalse();
    assertThat(cached.row("points", "0101", "CN").integer("points")).isNull();
    assertThat(cached.row("points", null, "CN").found()).isFalse();
    assertThat(asked).containsExactly("points:8711:CN", "points:8711:TH", "points:0101:CN");
  }

  @Test
  void tableRowOf_refusesAValueOfAnotherClass_andReadsByType() {
    assertThatThrownBy(() -> TableRow.of("t", Map.of("points", 2.5)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column 'points' holds a Double");
    TableRow row = TableRow.of("t", Map.of("points", 2));
    assertThatThrownBy(() -> row.bool("points"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("read it with integer(\"points\")");
    assertThatThrownBy(() -> row.text("other"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("table 't' has no column 'other'");
  }

  @Test
  void inMemoryTable_keyedByText_prefersTheExactSecondKey_overTheRowForAny() {
    Map<String, ColumnType> columns = new LinkedHashMap<>();
    columns.put("office", ColumnType.TEXT);
    columns.put("procedure", ColumnType.TEXT);
    columns.put("points", ColumnType.INTEGER);
    Tables tables = ReferenceSources.tables(List.of(new NamedTable("office-procedure", columns,
        List.of("office", "procedure"), List.of(row("20BC", null, 5), row("20BC", "G11", 20)))));
    assertThat(tables.row("office-procedure", "20BC", "G11").integer("points")).isEqualTo(20);
    assertThat(tables.row("office-procedure", "20BC", "A11").integer("points")).isEqualTo(5);
    assertThat(tables.row("office-procedure", "01AB", "G11").found()).isFalse();
    assertThatThrownBy(() -> ReferenceSources.tables(List.of(new NamedTable("t", columns,
        List.of("office", "procedure"), List.of(row("20BC", "G11", 1), row("20BC", "G11", 2))))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key 20BC and G11 appears twice");
  }

  @Test
  void namedList_refusesAValueItsKindCannotHold() {
    assertThatThrownBy(() -> new NamedList("heads", ListKind.HS_PREFIX, List.of("7208", "720")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("an hs-prefix value must be 2, 4, 6, 8 or 10 digits");
    Lists lists = ReferenceSources.lists(List.of(new NamedList("heads", ListKind.HS_PREFIX, List.of("7208", "87"))));
    assertThat(lists.has("heads", "72085100")).isTrue();
    assertThat(lists.has("heads", "87032363")).isTrue();
    assertThat(lists.has("heads", "72095100")).isFalse();
  }

  private static List<Object> row(Object... values) {
    return new ArrayList<>(java.util.Arrays.asList(values));
  }
}
