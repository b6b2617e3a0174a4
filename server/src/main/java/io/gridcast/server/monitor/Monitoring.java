package io.gridcast.server.monitor;

import com.zaxxer.hikari.HikariDataSource;
import io.gridcast.queue.JobHandler;
import io.gridcast.queue.JobStore;
import io.gridcast.server.config.MonitorConfig;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monitoring of one process: the Prometheus registry with JVM, pool, queue, HTTP, job, cache
 * and build meters; the system sampler on its own named daemon thread, started and stopped at run
 * time; the alert rules, evaluated at every sample.
 *
 * <p>Each tick: read the system ({@link SystemSampler}), measure the queue wait of a new request
 * ({@link QueueWaitProbe}), drain the HTTP and job windows, add the cache's counts to its window
 * ({@link CacheWindow}), build a {@link AlertRules.Reading} (CPU %, resident bytes, slowest
 * interactive call, queue wait, error rate {@code 100 * (http5xx + failedJobs) / (requests +
 * finishedJobs)} once at least {@value #MIN_ERROR_SAMPLE} calls and jobs finished, the cache's
 * windowed hit rate once judged) and evaluate the rules. Thread-safe; {@link #close()} is
 * idempotent.
 */
public final class Monitoring implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Monitoring.class);

  /** Fewest calls and jobs in an interval for the error rate to be judged. */
  public static final int MIN_ERROR_SAMPLE = 20;

  private final MonitorConfig config;
  private final InstantSource clock;
  private final PrometheusMeterRegistry registry;
  private final HttpMetrics http;
  private final JobMetrics jobs;
  private final AlertRules alerts;
  private final JvmGcMetrics gc;
  private final ScheduledExecutorService scheduler;
  private final QueueWaitProbe queueWaitProbe = new QueueWaitProbe();
  private final CacheWindow cacheWindow;
  private volatile SystemSampler sampler;
  private volatile Supplier<CacheFigures> cacheFigures;
  private volatile QueueDepth queueDepth;
  private volatile ApplicationFigures application;
  private volatile double queueWaitSeconds = Double.NaN;
  private volatile int workerSlots;
  private volatile MetricsListener metricsListener;
  private final Deque<MonitorPoint> points = new ArrayDeque<>();
  private ScheduledFuture<?> task;
  private Duration interval = Duration.ZERO;
  private long lastTickNanos = System.nanoTime();

  private Monitoring(MonitorConfig config, InstantSource clock) {
    this.config = config;
    this.clock = clock;
    this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    this.http = new HttpMetrics(registry);
    this.jobs = new JobMetrics(registry, clock);
    this.alerts = new AlertRules(config.thresholds());
    this.cacheWindow =
        new CacheWindow(config.thresholds().cacheWindow(), config.thresholds().cacheMinLookups());
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    this.gc = new JvmGcMetrics();
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    ProcessGauges.system(
        registry,
        () -> {
          SystemSampler s = sampler;
          return s == null ? null : s.latest();
        });
    ProcessGauges.build(registry, BuildInfo.current());
    Gauge.builder("gridcast.api.queue.wait.seconds", this, m -> m.queueWaitSeconds)
        .description("How long a new API request waited for a thread at the last sample")
        .register(registry);
    Gauge.builder("gridcast.alerts.active", alerts, a -> a.active().size())
        .description("Raised alerts")
        .register(registry);
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(r -> {
          Thread t = new Thread(r, "gridcast-monitor");
          t.setDaemon(true);
          return t;
        });
  }

  /** A monitor with the given settings; sampling starts at once unless the interval is zero. */
  public static Monitoring create(MonitorConfig config, InstantSource clock) {
    Monitoring m = new Monitoring(config, clock);
    LOG.info(
        "monitoring: /metrics access {}, alert limits {}",
        config.metricsAccess().key(),
        config.thresholds());
    if (!config.sampleInterval().isZero()) {
      m.start(config.sampleInterval());
    }
    return m;
  }

  public MonitorConfig config() {
    return config;
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** Every meter in the Prometheus text format (version 0.0.4). */
  public String scrape() {
    return registry.scrape();
  }

  public HttpMetrics http() {
    return http;
  }

  public AlertRules alerts() {
    return alerts;
  }

  /** The handler, timed into {@code gridcast_job_duration_seconds{type,outcome}}. */
  public JobHandler timed(String type, JobHandler handler) {
    return jobs.timed(type, handler);
  }

  /**
   * Registers {@code gridcast_queue_jobs{status}} and {@code
   * gridcast_queue_oldest_pending_age_seconds} on the store (read at most every 5 s).
   */
  public void bindQueue(JobStore store) {
    queueDepth = new QueueDepth(store, clock, registry);
  }

  /**
   * Registers {@code gridcast_worker_slots}: the jobs this process may run at once (0 for an API
   * process); {@code gridcast_jobs_running} over it is how busy the workers are. Call once.
   */
  public void bindWorkers(int slots) {
    workerSlots = slots;
    Gauge.builder("gridcast.worker.slots", this, m -> m.workerSlots)
        .description("Jobs this process may run at once")
        .register(registry);
  }

  /**
   * Serves {@code GET /metrics} on {@code host:port} (0: any free port) for a process without an
   * API, under this monitor's access rule; closed with the monitor. Returns the bound port.
   *
   * @param adminToken true for a bearer token that belongs to an admin
   */
  public synchronized int serveMetrics(String host, int port, Predicate<String> adminToken) {
    if (metricsListener != null) {
      throw new IllegalStateException("/metrics is already served on " + metricsListener.port());
    }
    metricsListener =
        MetricsListener.start(host, port, config.metricsAccess(), adminToken, this::scrape);
    LOG.info("monitoring: /metrics on http://{}:{}/metrics", host, metricsListener.port());
    return metricsListener.port();
  }

  /**
   * Registers the pool's gauges ({@code gridcast_db_pool_connections{state}}) when it is Hikari.
   */
  public void bindPool(DataSource dataSource) {
    if (dataSource instanceof HikariDataSource h) {
      ProcessGauges.pool(registry, h);
    }
  }

  /**
   * Binds the result cache: its cumulative hits and misses become {@code
   * gridcast_cache_lookups_total{result}} and {@code gridcast_cache_hit_ratio} (since start, NaN
   * before the first lookup) and feed the cache rule's window; its figures appear under {@code
   * cache} in the status answer. Call once, at start.
   */
  public void bindCache(Supplier<CacheFigures> figures) {
    this.cacheFigures = figures;
    Gauge.builder("gridcast.cache.hit.ratio", this, m -> m.cacheHitRate().orElse(Double.NaN))
        .description("Result cache hit rate since this process started, 0..1")
        .register(registry);
    FunctionCounter.builder("gridcast.cache.lookups", figures, f -> f.get().hits())
        .description("Result cache lookups since this process started")
        .tag("result", "hit")
        .register(registry);
    FunctionCounter.builder("gridcast.cache.lookups", figures, f -> f.get().misses())
        .description("Result cache lookups since this process started")
        .tag("result", "miss")
        .register(registry);
  }

  private Optional<Double> cacheHitRate() {
    Supplier<CacheFigures> f = cacheFigures;
    return f == null ? Optional.empty() : f.get().hitRate();
  }

  /**
   * Registers {@code gridcast_event_feed_events}: the job events this API process keeps in memory
   * for its event streams (the last 5 minutes' by default; see {@code EventFeed}).
   */
  public void bindEventFeed(IntSupplier keptEvents) {
    Gauge.builder("gridcast.event.feed.events", keptEvents, IntSupplier::getAsInt)
        .description("Job events kept in memory for this process's event streams")
        .strongReference(true) // a gauge holds its object weakly; nothing else holds this lambda
        .register(registry);
  }

  /** The port {@link #serveMetrics} listens on, empty when it was not called. */
  public synchronized OptionalInt metricsPort() {
    return metricsListener == null ? OptionalInt.empty() : OptionalInt.of(metricsListener.port());
  }

  /** Starts (or re-times) sampling and alert evaluation every {@code every}. */
  public synchronized void start(Duration every) {
    if (every.compareTo(MonitorConfig.MIN_INTERVAL) < 0
        || every.compareTo(MonitorConfig.MAX_INTERVAL) > 0) {
      throw new IllegalArgumentException(
          "interval must be in 0.1 s..1 h, got " + every.toMillis() + " ms");
    }
    if (task != null) {
      task.cancel(false);
    }
    if (sampler == null) {
      sampler = new SystemSampler(clock);
    }
    interval = every;
    long ms = every.toMillis();
    task = scheduler.scheduleAtFixedRate(this::tickSafely, ms, ms, TimeUnit.MILLISECONDS);
    LOG.info("monitoring: sampling every {} ms", ms);
  }

  /** Stops sampling; the last figures and the alert history stay readable. */
  public synchronized void stop() {
    if (task != null) {
      task.cancel(false);
      task = null;
      LOG.info("monitoring: sampling stopped");
    }
    interval = Duration.ZERO;
  }

  /** The sampling interval, zero when stopped. */
  public synchronized Duration interval() {
    return interval;
  }

  private void tickSafely() {
    try {
      tick();
    } catch (Throwable t) { // the sampling thread must survive anything
      LOG.warn("monitoring: sample failed", t);
    }
  }

  /** One sample and one alert evaluation now, on the calling thread. */
  public synchronized void tick() {
    if (sampler == null) {
      sampler = new SystemSampler(clock);
    }
    SystemSample s = sampler.sample();
    double wait = queueWaitProbe.measure().toNanos() / 1e9;
    queueWaitSeconds = wait;
    long now = System.nanoTime();
    double seconds = Math.max(1e-3, (now - lastTickNanos) / 1e9);
    lastTickNanos = now;
    HttpMetrics.Window w = http.drain();
    JobMetrics.Window j = jobs.drain();
    long total = w.requests() + j.finished();
    Double errorRate = total >= MIN_ERROR_SAMPLE ? 100.0 * (w.errors() + j.failed()) / total : null;
    Double slowest = w.timedRequests() == 0 ? null : w.slowestNanos() / 1e9;
    Double mean = w.timedRequests() == 0 ? null : w.timedNanos() / 1e9 / w.timedRequests();
    Supplier<CacheFigures> cache = cacheFigures;
    CacheFigures counts = cache == null ? null : cache.get();
    Double windowHitRate = counts == null ? null : cacheWindow.add(s.at(), counts).orElse(null);
    Double hitRate = counts == null ? null : counts.hitRate().orElse(null);
    ApplicationFigures app =
        new ApplicationFigures(
            w.requests() / seconds,
            mean,
            slowest,
            wait,
            j.finished() / seconds,
            jobs.running(),
            j.failed(),
            errorRate,
            seconds);
    application = app;
    synchronized (points) {
      points.addLast(new MonitorPoint(s, app, hitRate));
      while (points.size() > SystemSampler.HISTORY) {
        points.removeFirst();
      }
    }
    alerts.evaluate(
        new AlertRules.Reading(
            s.cpuPercent(),
            s.processResidentBytes() < 0 ? null : (double) s.processResidentBytes(),
            slowest,
            wait,
            errorRate,
            windowHitRate),
        s.at());
  }

  /** The system and application figures for {@code GET /api/performance/status}. */
  public PerformanceStatus status() {
    SystemSampler sm = sampler;
    QueueDepth q = queueDepth;
    Supplier<CacheFigures> cache = cacheFigures;
    return new PerformanceStatus(
        sampling(),
        sm == null ? null : sm.latest(),
        application,
        q == null ? Map.of() : q.snapshot(),
        q == null ? null : q.oldestPendingSeconds(),
        new PerformanceStatus.Workers(workerSlots, jobs.running()),
        cache == null
            ? PerformanceStatus.CacheStatus.NONE
            : PerformanceStatus.CacheStatus.of(cache.get()),
        alerts.active());
  }

  /** Whether sampling runs, and how often. */
  public PerformanceStatus.Sampling sampling() {
    Duration iv = interval();
    return new PerformanceStatus.Sampling(!iv.isZero(), iv.toMillis() / 1e3);
  }

  /** The kept points (last {@value SystemSampler#HISTORY} samples), oldest first. */
  public List<MonitorPoint> history() {
    synchronized (points) {
      return new ArrayList<>(points);
    }
  }

  @Override
  public void close() {
    stop();
    MetricsListener l = metricsListener;
    if (l != null) {
      l.close();
    }
    scheduler.shutdownNow();
    gc.close();
    registry.close();
  }
}
