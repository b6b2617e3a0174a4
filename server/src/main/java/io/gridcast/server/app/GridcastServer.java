package io.gridcast.server.app;

import io.gridcast.forecast.registry.ModelRegistry;
import io.gridcast.queue.JobHandler;
import io.gridcast.queue.JobQueue;
import io.gridcast.server.auth.SessionPurge;
import io.gridcast.server.auth.SessionStore;
import io.gridcast.server.auth.User;
import io.gridcast.server.auth.UserStore;
import io.gridcast.server.cache.CacheStats;
import io.gridcast.server.cache.ResultCache;
import io.gridcast.server.config.CacheConfig;
import io.gridcast.server.config.DatabaseUrl;
import io.gridcast.server.config.MonitorConfig;
import io.gridcast.server.config.Role;
import io.gridcast.server.config.ServerConfig;
import io.gridcast.server.dataset.DatasetService;
import io.gridcast.server.dataset.DatasetStore;
import io.gridcast.server.dataset.HierarchyStore;
import io.gridcast.server.dataset.ResultStore;
import io.gridcast.server.db.Database;
import io.gridcast.server.event.EventFeed;
import io.gridcast.server.http.Api;
import io.gridcast.server.http.ApiContext;
import io.gridcast.server.http.ApiServer;
import io.gridcast.server.http.CallerResolver;
import io.gridcast.server.job.FitPriority;
import io.gridcast.server.job.ForecastJobs;
import io.gridcast.server.job.JobFailure;
import io.gridcast.server.job.JobService;
import io.gridcast.server.job.ReconciliationJobs;
import io.gridcast.server.monitor.CacheFigures;
import io.gridcast.server.monitor.Monitoring;
import io.gridcast.server.monitor.PerformanceJobs;
import io.gridcast.server.schedule.ScheduleService;
import io.gridcast.server.schedule.ScheduleStore;
import io.gridcast.server.schedule.Scheduler;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Gridcast process: the database pool and migrations, the job queue (workers started when the
 * role runs them), and the HTTP API (when the role serves it).
 *
 * <pre>{@code
 * GridcastServer server = GridcastServer.create(config).registry(ModelRegistry.standard()).start();
 * }</pre>
 *
 * {@link #close()} stops the scheduler and the event feed first, then HTTP, monitoring, the workers
 * (bounded grace) and the pool; it is idempotent.
 */
public final class GridcastServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GridcastServer.class);

  /** How long running jobs may take to finish at a graceful stop before they are released. */
  public static final Duration STOP_GRACE = Duration.ofSeconds(10);

  private final ServerConfig config;
  private final Database db;
  private final JobQueue queue;
  private final EventFeed feed;
  private final ApiServer http;
  private final ResultCache cache;
  private final Monitoring monitoring;
  private final SessionPurge sessionPurge;
  private final OutOfMemoryExit outOfMemory;
  private final Scheduler scheduler;
  private final AtomicBoolean closed = new AtomicBoolean();

  private GridcastServer(Parts p) {
    this.config = p.config;
    this.db = p.db;
    this.queue = p.queue;
    this.feed = p.feed;
    this.http = p.http;
    this.cache = p.cache;
    this.monitoring = p.monitoring;
    this.sessionPurge = p.sessionPurge;
    this.outOfMemory = p.outOfMemory;
    this.scheduler = p.scheduler;
  }

  /**
   * A process for {@code config}; the builder's settings have defaults, {@code start()} runs it.
   */
  public static Builder create(ServerConfig config) {
    return new Builder(config);
  }

  /** The optional parts of a process. Not thread-safe; {@link #start()} may be called once. */
  public static final class Builder {
    private final ServerConfig config;
    private ModelRegistry registry = ModelRegistry.standard();
    private OutOfMemoryExit outOfMemory;
    private InstantSource clock = InstantSource.system();
    private Duration scheduleTick = Scheduler.DEFAULT_TICK;

    private Builder(ServerConfig config) {
      this.config = Objects.requireNonNull(config, "config must not be null");
    }

    /** The models jobs may use (default: {@link ModelRegistry#standard()}). */
    public Builder registry(ModelRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry must not be null");
      return this;
    }

    /**
     * What ends the process after an out-of-memory error (default: {@link
     * OutOfMemoryExit#process()}, which exits the JVM).
     */
    Builder outOfMemoryExit(OutOfMemoryExit exit) {
      this.outOfMemory = Objects.requireNonNull(exit, "exit must not be null");
      return this;
    }

    /**
     * The clock of the queue, the API and the scheduler (default: the system clock); tests pass a
     * {@link io.gridcast.queue.ManualClock} to drive fire times.
     */
    public Builder clock(InstantSource clock) {
      this.clock = Objects.requireNonNull(clock, "clock must not be null");
      return this;
    }

    /**
     * How often an API process looks for due schedules (default {@link Scheduler#DEFAULT_TICK}).
     */
    public Builder scheduleTick(Duration tick) {
      this.scheduleTick = Objects.requireNonNull(tick, "scheduleTick must not be null");
      return this;
    }

    /** Opens the database, starts the queue (and its workers) and the HTTP API as the role says. */
    public GridcastServer start() {
      return GridcastServer.start(
          config,
          registry,
          outOfMemory == null ? OutOfMemoryExit.process() : outOfMemory,
          clock,
          scheduleTick);
    }
  }

  /** What {@link #start} has opened so far, closed in reverse if a later part fails. */
  private static final class Parts {
    ServerConfig config;
    Database db;
    Monitoring monitoring;
    ResultCache cache;
    JobQueue queue;
    EventFeed feed;
    ApiServer http;
    SessionPurge sessionPurge;
    OutOfMemoryExit outOfMemory;
    Scheduler scheduler;

    void closeAfter(RuntimeException e) {
      for (AutoCloseable c :
          new AutoCloseable[] {scheduler, sessionPurge, http, feed, monitoring, queue, db}) {
        if (c != null) {
          try {
            c.close();
          } catch (Exception suppressed) {
            e.addSuppressed(suppressed);
          }
        }
      }
    }
  }

  private static GridcastServer start(
      ServerConfig config,
      ModelRegistry registry,
      OutOfMemoryExit outOfMemory,
      InstantSource clock,
      Duration scheduleTick) {
    LOG.info("effective configuration: {}", config.describe());
    Parts p = new Parts();
    p.config = config;
    p.outOfMemory = outOfMemory;
    DataFiles.secure(config.database());
    p.db = Database.open(config.database(), config.effectiveDbPoolSize());
    try {
      // sampling runs where someone reads it: an API, or a worker serving /metrics
      boolean served =
          config.role().http() || config.monitor().metricsPort() != MonitorConfig.NO_METRICS_PORT;
      p.monitoring =
          Monitoring.create(
              served ? config.monitor() : config.monitor().withSampleInterval(Duration.ZERO),
              clock);
      p.monitoring.bindPool(p.db.dataSource());
      DatasetStore datasets = new DatasetStore(p.db.jdbc());
      ResultStore results = new ResultStore(p.db.jdbc());
      HierarchyStore hierarchies = new HierarchyStore(p.db.jdbc());
      p.cache = resultCache(config.cache(), p.db, clock);
      bindCache(p.monitoring, p.cache);
      PerformanceJobs performanceJobs =
          new PerformanceJobs(datasets, registry, config.dataDir().resolve("profiles"));
      Map<String, JobHandler> handlers = new LinkedHashMap<>();
      handlers.putAll(
          new ForecastJobs(datasets, results, registry, clock, p.cache, hierarchies).handlers());
      handlers.putAll(new ReconciliationJobs(hierarchies, results, clock).handlers());
      handlers.putAll(performanceJobs.handlers());
      p.queue = queue(config, p, handlers, clock);
      if (!config.role().http() && served) {
        UserStore users = new UserStore(p.db.jdbc(), clock);
        p.monitoring.serveMetrics(
            config.host(),
            config.monitor().metricsPort(),
            token -> users.authenticate(token).map(User::admin).orElse(false));
      }
      if (config.role().http()) {
        UserStore users = new UserStore(p.db.jdbc(), clock);
        SessionStore sessions =
            config.auth() ? new SessionStore(p.db.jdbc(), clock, SessionStore.DEFAULT_TTL) : null;
        if (sessions != null) {
          p.sessionPurge = SessionPurge.start(sessions);
        }
        if (config.auth()
            && config.role() == Role.SERVE
            && config.database().equals(DatabaseUrl.sqliteIn(config.dataDir()))) {
          FirstAdmin.ensure(users, config.dataDir());
        }
        p.feed = EventFeed.follow(p.queue).start();
        p.monitoring.bindEventFeed(p.feed::recentSize);
        p.monitoring.alerts().onChange(p.feed::nudge);
        JobService jobs =
            new JobService(
                p.queue.store(),
                datasets,
                results,
                hierarchies,
                p.cache,
                registry,
                config.limits(),
                clock);
        ScheduleStore schedules = new ScheduleStore(p.db.dataSource());
        p.http =
            Api.start(
                ApiContext.builder()
                    .config(config)
                    .callers(
                        config.auth()
                            ? CallerResolver.bearerOrSession(users, sessions)
                            : CallerResolver.localUser())
                    .users(users)
                    .sessions(sessions)
                    .datasets(new DatasetService(datasets, hierarchies, clock, config.limits()))
                    .results(results)
                    .jobs(jobs)
                    .store(p.queue.store())
                    .feed(p.feed)
                    .registry(registry)
                    .ready(() -> outOfMemory.healthy() && p.db.ping())
                    .fatal(outOfMemory::seen)
                    .clock(clock)
                    .cache(p.cache)
                    .monitoring(p.monitoring)
                    .performanceJobs(performanceJobs)
                    .schedules(new ScheduleService(schedules, datasets, jobs, clock))
                    .build());
        p.scheduler = Scheduler.create(schedules, datasets, jobs, clock).tick(scheduleTick).start();
      }
      return new GridcastServer(p);
    } catch (RuntimeException e) {
      p.closeAfter(e);
      throw e;
    }
  }

  /** The queue with every handler registered (timed, at the fitting priority); workers started. */
  private static JobQueue queue(
      ServerConfig config, Parts p, Map<String, JobHandler> handlers, InstantSource clock) {
    JobQueue.Builder qb =
        JobQueue.create(p.db.jdbc())
            .migrate(false)
            .clock(clock)
            .lease(config.lease())
            .workers(config.role().workers() ? config.workers() : 0);
    handlers.forEach((type, handler) ->
        qb.register(
            type,
            FitPriority.lowered(
                p.monitoring.timed(type, p.outOfMemory.watching(JobFailure.described(handler))),
                config.fitNice())));
    JobQueue queue = qb.build();
    p.monitoring.bindQueue(queue.store());
    p.monitoring.bindWorkers(config.role().workers() ? config.workers() : 0);
    if (config.role() == Role.WORKER) {
      FitPriority.lowerCompilerThreads(config.fitNice());
    }
    if (config.role().workers()) {
      queue.start();
      LOG.info("workers started: {} slots, worker id {}", config.workers(), queue.workerId());
    }
    return queue;
  }

  /** The cache's figures as monitoring gauges, and its hit rate for the cache alert. */
  private static void bindCache(Monitoring monitoring, ResultCache cache) {
    if (!cache.enabled()) {
      return;
    }
    monitoring.bindCache(() -> {
      CacheStats s = cache.stats();
      return new CacheFigures(
          s.hits(), s.misses(), s.evictions(), s.memory().entries(), s.disk().entries());
    });
  }

  private static ResultCache resultCache(CacheConfig c, Database db, InstantSource clock) {
    if (!c.enabled()) {
      LOG.info("result cache: off");
      return ResultCache.disabled();
    }
    ResultCache cache =
        ResultCache.builder(db.jdbc())
            .memoryMaxEntries(c.memoryMaxEntries())
            .memoryMaxBytes(c.memoryMaxBytes())
            .diskMaxBytes(c.diskMaxBytes())
            .ttl(c.ttl())
            .clock(clock)
            .build();
    LOG.info("result cache: {}", c);
    return cache;
  }

  /** The result cache of this process ({@link ResultCache#stats()} for monitoring). */
  public ResultCache cache() {
    return cache;
  }

  public ServerConfig config() {
    return config;
  }

  /** The bound HTTP port; -1 for a worker-only process. */
  public int port() {
    return http == null ? -1 : http.port();
  }

  /** The base URL of the API, e.g. {@code http://127.0.0.1:8080}. */
  public String url() {
    return "http://" + config.host() + ":" + port();
  }

  public ApiServer http() {
    return http;
  }

  public JobQueue queue() {
    return queue;
  }

  public Database database() {
    return db;
  }

  /** Whether this process may serve: false once it ran out of memory (it is exiting). */
  public boolean healthy() {
    return outOfMemory.healthy();
  }

  /** The scheduler of an API process (fires due schedules); null for a worker-only process. */
  public Scheduler scheduler() {
    return scheduler;
  }

  /** The monitoring of this process: meters, sampling and alerts. */
  public Monitoring monitoring() {
    return monitoring;
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    if (scheduler != null) {
      scheduler.close();
    }
    if (sessionPurge != null) {
      sessionPurge.close();
    }
    if (feed != null) {
      feed.close();
    }
    if (http != null) {
      http.close();
    }
    monitoring.close();
    queue.stop(STOP_GRACE);
    queue.close();
    db.close();
    LOG.info("stopped");
  }
}
