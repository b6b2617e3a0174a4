package io.gridcast.server.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.queue.JobCancelledException;
import io.gridcast.queue.JobHandler;
import io.gridcast.server.config.AlertThresholds;
import io.gridcast.server.config.MonitorConfig;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.Assertions;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MonitoringTickTest {
  private static final long SECOND = 1_000_000_000L;

  /** CPU can never exceed 100 % and memory never 1 TiB: only the rules under test can fire. */
  private final Monitoring monitoring =
      Monitoring.create(
          MonitorConfig.DEFAULTS
              .withSampleInterval(Duration.ZERO)
              .withThresholds(new AlertThresholds(100, 1L << 40, Duration.ofSeconds(1), 5, 50)),
          InstantSource.system());

  @AfterEach
  void close() {
    monitoring.close();
  }

  private List<String> activeRules() {
    return monitoring.alerts().active().stream().map(Alert::rule).toList();
  }

  @Test
  void slowApiCall_raisesOperationDuration_butALongEventStreamDoesNot() {
    monitoring.http().record("GET", "/api/events", 200, 600 * SECOND);
    monitoring.http().record("GET", "/api/jobs/{id}", 200, SECOND / 100);
    monitoring.tick();
    assertThat(activeRules()).isEmpty();

    monitoring.http().record("GET", "/api/jobs/status", 200, 2 * SECOND);
    monitoring.tick();
    assertThat(activeRules()).containsExactly("operation_duration");
    ApplicationFigures app = monitoring.status().application();
    assertThat(app.slowestRequestSeconds()).isEqualTo(2.0);
    assertThat(app.meanRequestSeconds()).isEqualTo(2.0);
  }

  @Test
  void errorRate_countsServerErrorsAndFailedJobs_onceTheIntervalHasEnoughOfThem() throws Exception {
    for (int i = 0; i < 10; i++) {
      monitoring.http().record("GET", "/api/models", 500, 1000);
    }
    monitoring.tick(); // 10 calls: too few to judge
    assertThat(activeRules()).isEmpty();

    JobHandler failing =
        monitoring.timed(
            "optimization",
            ctx -> {
              throw new IllegalStateException("boom");
            });
    for (int i = 0; i < 18; i++) {
      monitoring.http().record("GET", "/api/models", 200, 1000);
    }
    try {
      failing.handle(null);
    } catch (IllegalStateException expected) {
      // the failure is what is counted
    }
    monitoring.http().record("GET", "/api/models", 200, 1000);
    monitoring.tick(); // 1 failed job of 20 = 5 %: at the limit, not above
    assertThat(activeRules()).isEmpty();

    for (int i = 0; i < 18; i++) {
      monitoring.http().record("GET", "/api/models", 200, 1000);
    }
    monitoring.http().record("GET", "/api/models", 503, 1000);
    monitoring.http().record("GET", "/api/models", 502, 1000);
    monitoring.tick(); // 2 of 20 = 10 %
    assertThat(activeRules()).containsExactly("error_rate");
    ApplicationFigures app = monitoring.status().application();
    assertThat(app.errorRatePercent()).isEqualTo(10.0);
    assertThat(app.failedJobs()).isZero();
    assertThat(monitoring.history()).last().extracting(MonitorPoint::application).isEqualTo(app);
  }

  @Test
  void jobTimer_recordsOutcomeByType() throws Exception {
    JobHandler ok = monitoring.timed("validation", ctx -> "{}");
    JobHandler cancelled =
        monitoring.timed(
            "validation",
            ctx -> {
              throw new JobCancelledException(UUID.randomUUID());
            });
    ok.handle(null);
    ok.handle(null);
    try {
      cancelled.handle(null);
    } catch (JobCancelledException expected) {
      // counted as cancelled
    }
    String text = monitoring.scrape();
    assertThat(text)
        .contains(
            "gridcast_job_duration_seconds_count{outcome=\"completed\",type=\"validation\"} 2")
        .contains(
            "gridcast_job_duration_seconds_count{outcome=\"cancelled\",type=\"validation\"} 1")
        .contains("gridcast_job_duration_seconds_count{outcome=\"failed\",type=\"validation\"} 0");
  }

  @Test
  void eventFeedSize_isAGauge() {
    AtomicInteger kept = new AtomicInteger();
    monitoring.bindEventFeed(kept::get);
    kept.set(1234);
    assertThat(monitoring.scrape()).contains("gridcast_event_feed_events 1234.0");
  }

  @Test
  void cacheHitRate_isJudgedOnlyOnceACacheReportsOne() {
    AtomicReference<CacheFigures> figures = new AtomicReference<>(new CacheFigures(0, 0, 0, 0, 0));
    monitoring.bindCache(figures::get);
    monitoring.tick();
    assertThat(activeRules()).isEmpty();

    figures.set(new CacheFigures(3, 7, 0, 3, 3));
    monitoring.tick();

    assertThat(activeRules()).containsExactly("cache_hit_rate");
    assertThat(monitoring.scrape()).contains("gridcast_cache_hit_ratio 0.3");
    assertThat(monitoring.status().cache().hits()).isEqualTo(3L);
    assertThat(monitoring.status().cache().hitRate()).isEqualTo(0.3);
  }

  @Test
  void sampling_startsAndStops_andRefusesIntervalsOutOfRange() {
    monitoring.start(Duration.ofMillis(100));
    assertThat(monitoring.interval()).isEqualTo(Duration.ofMillis(100));
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> monitoring.history().size() >= 2);
    monitoring.stop();
    assertThat(monitoring.interval()).isZero();
    Assertions.assertThatThrownBy(() -> monitoring.start(Duration.ofMillis(5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("5 ms");
  }
}
