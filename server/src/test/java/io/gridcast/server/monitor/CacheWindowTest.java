package io.gridcast.server.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CacheWindowTest {
  private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
  private final CacheWindow window = new CacheWindow(Duration.ofMinutes(10), 100);

  private static Instant min(int m) {
    return T0.plus(Duration.ofMinutes(m));
  }

  @Test
  void hitRate_isJudgedOnlyOverAFullWindow() {
    assertThat(window.add(min(0), new CacheFigures(0, 0, 0, 0, 0))).isEmpty();
    assertThat(window.add(min(5), new CacheFigures(100, 900, 0, 0, 0)))
        .as("5 of 10 minutes")
        .isEmpty();
    assertThat(window.add(min(10), new CacheFigures(400, 1600, 0, 0, 0))).contains(20.0);
  }

  @Test
  void hitRate_countsOnlyTheLookupsOfTheLastWindow() {
    window.add(min(0), new CacheFigures(0, 0, 0, 0, 0));
    window.add(min(5), new CacheFigures(0, 1000, 0, 0, 0)); // a cold start: all misses
    window.add(min(10), new CacheFigures(0, 1000, 0, 0, 0));
    assertThat(window.add(min(16), new CacheFigures(300, 1000, 0, 0, 0)))
        .as("base is the 5-minute point: 300 hits, 0 misses since")
        .contains(100.0);
  }

  @Test
  void fewerLookupsThanTheMinimum_areNotJudged() {
    window.add(min(0), new CacheFigures(0, 0, 0, 0, 0));
    assertThat(window.add(min(10), new CacheFigures(0, 99, 0, 0, 0))).isEmpty();
    assertThat(window.add(min(11), new CacheFigures(0, 100, 0, 0, 0))).contains(0.0);
  }

  @Test
  void countersThatGoBack_startANewWindow() {
    window.add(min(0), new CacheFigures(500, 500, 0, 0, 0));
    window.add(min(10), new CacheFigures(600, 600, 0, 0, 0));
    assertThat(window.add(min(11), new CacheFigures(0, 200, 0, 0, 0))).isEmpty();
    assertThat(window.add(min(21), new CacheFigures(150, 250, 0, 0, 0)))
        .contains(150.0 / 200 * 100);
  }
}
