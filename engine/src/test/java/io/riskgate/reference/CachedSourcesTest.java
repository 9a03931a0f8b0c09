package io.riskgate.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CachedSourcesTest {

  /** An integrator's registry that counts how often it is asked. */
  private static final class CountingRegistry implements TraderRegistry {
    final List<String> asked = new ArrayList<>();

    @Override
    public Trader find(String taxId) {
      asked.add(taxId);
      return taxId.startsWith("01")
          ? new Trader(taxId, 3, false, LocalDate.parse("2020-01-01"), List.of(), BigDecimal.ZERO, 0)
          : null;
    }
  }

  /** A ticker the test moves by hand. */
  private static final class FakeTicker implements Ticker {
    final AtomicLong nanos = new AtomicLong();

    @Override
    public long read() {
      return nanos.get();
    }

    void advance(Duration duration) {
      nanos.addAndGet(duration.toNanos());
    }
  }

  @Test
  void cached_secondLookup_doesNotAskTheSource() {
    CountingRegistry source = new CountingRegistry();
    TraderRegistry cached = ReferenceSources.cached(source, CacheSettings.defaults());
    Trader first = cached.find("0101");
    Trader second = cached.find("0101");
    assertThat(second).isSameAs(first);
    assertThat(source.asked).containsExactly("0101");
  }

  @Test
  void cached_unknownTrader_isCachedToo() {
    CountingRegistry source = new CountingRegistry();
    TraderRegistry cached = ReferenceSources.cached(source, CacheSettings.defaults());
    assertThat(cached.find("9999")).isNull();
    assertThat(cached.find("9999")).isNull();
    assertThat(cached.find(null)).isNull();
    assertThat(source.asked).containsExactly("9999");
  }

  @Test
  void cached_afterExpiry_asksTheSourceAgain() {
    CountingRegistry source = new CountingRegistry();
    FakeTicker ticker = new FakeTicker();
    TraderRegistry cached = ReferenceSources.cached(source,
        CacheSettings.defaults().withExpireAfterWrite(Duration.ofMinutes(5)), ticker);
    cached.find("0101");
    ticker.advance(Duration.ofMinutes(4));
    cached.find("0101");
    assertThat(source.asked).hasSize(1);
    ticker.advance(Duration.ofMinutes(2));
    cached.find("0101");
    assertThat(source.asked).containsExactly("0101", "0101");
  }

  @Test
  void cachedPrices_keyByCodeAndOrigin() {
    List<String> asked = new ArrayList<>();
    PriceTable source = (hs, origin) -> {
      asked.add(hs + "/" + origin);
      return new ReferencePrice(hs, origin, "KGM", "USD", BigDecimal.ONE, BigDecimal.TEN, null);
    };
    PriceTable cached = ReferenceSources.cached(source, CacheSettings.defaults());
    cached.find("72085100", "CN");
    cached.find("72085100", "CN");
    cached.find("72085100", "JP");
    assertThat(asked).containsExactly("72085100/CN", "72085100/JP");
  }

  @Test
  void cacheSettings_outOfRange_areRejectedNamingTheSetting() {
    assertThatThrownBy(() -> CacheSettings.defaults().withMaximumSize(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maximumSize must be between 1 and 100,000,000, was 0");
    assertThatThrownBy(() -> CacheSettings.defaults().withExpireAfterWrite(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expireAfterWrite must be between 1 ms and 30 days");
  }
}
