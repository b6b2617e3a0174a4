package io.gridcast.server.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridcast.queue.JobCancelledException;
import io.gridcast.queue.JobHandler;
import io.gridcast.queue.ManualClock;
import io.gridcast.server.config.AlertThresholds;
import io.gridcast.server.config.MonitorConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One monitor driven tick by tick on a manual clock. CPU can never exceed 100 %, memory never 1 TiB
 * and no request waits 10 s for a thread: only the rules under test can fire.
 */
class MonitoringTickTest {
  private static final long SECOND = 1_000_000_000L;
  private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

  private final ManualClock clock = new ManualClock(T0);
  private final Monitoring monitoring =
      Monitoring.create(
          MonitorConfig.DEFAULTS
              .withSampleInterval(Duration.ZERO)
              .withThresholds(
                  AlertThresholds.DEFAULTS
                      .withCpuPercent(100)
                      .withMemoryBytes(1L << 40)
                      .withQueueWait(Duration.ofSeconds(10))
                      .withCacheWindow(Duration.ofHours(1), 1000)),
          clock);

  @AfterEach
  void close() {
    monitoring.close();
  }

  private static CacheFigures lookups(long hits, long misses) {
    return new CacheFigures(hits, misses, 0, 0, 0);
  }

  private List<String> activeRules() {
    return monitoring.alerts().active().stream().map(Alert::rule).toList();
  }

  private static double metric(String text, String series) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(text);
    assertThat(m.find()).as(series + " in\n" + text).isTrue();
    return Double.parseDouble(m.group(1));
  }

  @Test
  void slowInteractiveCall_raisesOperationDuration_butStreamsAndBulkTransfersDoNot() {
    monitoring.http().record("GET", "/api/events", 200, 600 * SECOND);
    monitoring.http().record("POST", "/api/datasets", 201, 30 * SECOND);
    monitoring.http().record("GET", "/api/datasets/{id}/forecasts", 200, 20 * SECOND);
    monitoring.http().record("POST", "/api/jobs", 202, 10 * SECOND);
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
      failing.handle(new TestJobContext("optimization", clock.instant()));
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
    TestJobContext job = new TestJobContext("validation", clock.instant());
    ok.handle(job);
    ok.handle(job);
    try {
      cancelled.handle(job);
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
  void enqueueToStart_isTimedFromTheDueTimeToTheHandlersStart_inBucketsUpToHours()
      throws Exception {
    JobHandler h = monitoring.timed("optimization", ctx -> "{}");
    h.handle(new TestJobContext("optimization", clock.instant().minusSeconds(90)));
    h.handle(new TestJobContext("optimization", clock.instant().minus(Duration.ofHours(3))));
    h.handle(new TestJobContext("optimization", clock.instant().plusSeconds(5))); // fast clock

    String text = monitoring.scrape();
    String bucket = "gridcast_job_enqueue_to_start_seconds_bucket{type=\"optimization\",le=\"%s\"}";
    assertThat(metric(text, bucket.formatted("0.05"))).as("the early one counts as 0").isEqualTo(1);
    assertThat(metric(text, bucket.formatted("60.0"))).isEqualTo(1);
    assertThat(metric(text, bucket.formatted("120.0"))).isEqualTo(2);
    assertThat(metric(text, bucket.formatted("7200.0"))).isEqualTo(2);
    assertThat(metric(text, bucket.formatted("14400.0"))).isEqualTo(3);
    assertThat(metric(text, bucket.formatted("+Inf"))).isEqualTo(3);
    assertThat(metric(text, "gridcast_job_enqueue_to_start_seconds_sum{type=\"optimization\"}"))
        .isEqualTo(90 + 3 * 3600);
  }

  @Test
  void jobsRunning_countsHandlersInFlight_andWorkerSlotsAreBound() throws Exception {
    monitoring.bindWorkers(3);
    AtomicReference<String> during = new AtomicReference<>();
    JobHandler h =
        monitoring.timed(
            "optimization",
            ctx -> {
              during.set(monitoring.scrape());
              return "{}";
            });
    h.handle(new TestJobContext("optimization", clock.instant()));

    assertThat(metric(during.get(), "gridcast_jobs_running")).isEqualTo(1);
    String after = monitoring.scrape();
    assertThat(metric(after, "gridcast_jobs_running")).isZero();
    assertThat(metric(after, "gridcast_worker_slots")).isEqualTo(3);
    assertThat(monitoring.status().workers()).isEqualTo(new PerformanceStatus.Workers(3, 0));
  }

  @Test
  void buildInfo_isOneSeries_labelledWithVersionAndCommit() {
    String text = monitoring.scrape();
    Matcher m =
        Pattern.compile("(?m)^gridcast_build_info\\{commit=\"([^\"]+)\",version=\"([^\"]+)\"} 1$")
            .matcher(text);
    assertThat(m.find()).as(text).isTrue();
    assertThat(m.group(1)).matches("unknown|[0-9a-f]{12,40}");
    assertThat(m.group(2)).matches("\\d+\\.\\d+\\.\\d+.*");
  }

  @Test
  void queueWait_isMeasuredAtEveryTick_andExported() {
    monitoring.tick();
    ApplicationFigures app = monitoring.status().application();
    assertThat(app.queueWaitSeconds()).isBetween(0.0, QueueWaitProbe.MAX_WAIT.toSeconds() + 0.0);
    assertThat(metric(monitoring.scrape(), "gridcast_api_queue_wait_seconds"))
        .isEqualTo(app.queueWaitSeconds());
  }

  @Test
  void eventFeedSize_isAGauge() {
    AtomicInteger kept = new AtomicInteger();
    monitoring.bindEventFeed(kept::get);
    kept.set(1234);
    assertThat(monitoring.scrape()).contains("gridcast_event_feed_events 1234.0");
  }

  @Test
  void coldCache_inItsFirstHour_raisesNothing_thenALowHitRateOverAFullHourWarns() {
    AtomicReference<CacheFigures> counts = new AtomicReference<>(lookups(0, 0));
    monitoring.bindCache(counts::get);
    monitoring.tick();
    counts.set(lookups(0, 5000)); // a fresh server's first uploads: all new questions
    clock.advance(Duration.ofMinutes(30));
    monitoring.tick();
    assertThat(activeRules()).isEmpty();
    String text = monitoring.scrape();
    assertThat(metric(text, "gridcast_cache_lookups_total{result=\"miss\"}")).isEqualTo(5000);
    assertThat(metric(text, "gridcast_cache_hit_ratio")).isZero();

    clock.advance(Duration.ofMinutes(30));
    monitoring.tick();

    assertThat(monitoring.alerts().active())
        .singleElement()
        .satisfies(a -> {
          assertThat(a.rule()).isEqualTo("cache_hit_rate");
          assertThat(a.severity()).isEqualTo("warning");
          assertThat(a.value()).isZero();
        });
    PerformanceStatus.CacheStatus cache = monitoring.status().cache();
    assertThat(cache.hits()).isZero();
    assertThat(cache.hitRate()).isZero();
  }

  @Test
  void quietCache_withFewerLookupsThanTheMinimum_isNotJudged() {
    AtomicReference<CacheFigures> counts = new AtomicReference<>(lookups(0, 0));
    monitoring.bindCache(counts::get);
    for (int i = 1; i <= 6; i++) {
      counts.set(lookups(0, 150L * i));
      clock.advance(Duration.ofMinutes(20));
      monitoring.tick();
    }
    assertThat(activeRules()).as("at most 450 lookups in any hour").isEmpty();
  }

  @Test
  void sampling_startsAndStops_andRefusesIntervalsOutOfRange() {
    monitoring.start(Duration.ofMillis(100));
    assertThat(monitoring.interval()).isEqualTo(Duration.ofMillis(100));
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> monitoring.history().size() >= 2);
    monitoring.stop();
    assertThat(monitoring.interval()).isZero();
    assertThatThrownBy(() -> monitoring.start(Duration.ofMillis(5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("5 ms");
  }
}
