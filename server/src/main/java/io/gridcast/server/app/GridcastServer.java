package io.gridcast.server.app;

import io.gridcast.forecast.registry.ModelRegistry;
import io.gridcast.queue.JobQueue;
import io.gridcast.server.auth.SessionStore;
import io.gridcast.server.auth.UserStore;
import io.gridcast.server.cache.CacheStats;
import io.gridcast.server.cache.ResultCache;
import io.gridcast.server.config.CacheConfig;
import io.gridcast.server.config.DatabaseUrl;
import io.gridcast.server.config.Role;
import io.gridcast.server.config.ServerConfig;
import io.gridcast.server.dataset.DatasetService;
import io.gridcast.server.dataset.DatasetStore;
import io.gridcast.server.dataset.ResultStore;
import io.gridcast.server.db.Database;
import io.gridcast.server.event.EventFeed;
import io.gridcast.server.http.Api;
import io.gridcast.server.http.ApiServer;
import io.gridcast.server.http.CallerResolver;
import io.gridcast.server.job.FitPriority;
import io.gridcast.server.job.ForecastJobs;
import io.gridcast.server.job.JobService;
import io.gridcast.server.monitor.MonitorConfig;
import io.gridcast.server.monitor.Monitoring;
import io.gridcast.server.monitor.PerformanceJobs;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Gridcast process: the database pool and migrations, the job queue (workers started when the
 * role runs them), and the HTTP API (when the role serves it). {@link #close()} stops HTTP first,
 * then the event feed, then the workers (bounded grace), then the pool; it is idempotent.
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
  private final AtomicBoolean closed = new AtomicBoolean();

  private GridcastServer(
      ServerConfig config,
      Database db,
      JobQueue queue,
      EventFeed feed,
      ApiServer http,
      ResultCache cache,
      Monitoring monitoring) {
    this.config = config;
    this.cache = cache;
    this.db = db;
    this.queue = queue;
    this.feed = feed;
    this.http = http;
    this.monitoring = monitoring;
  }

  /**
   * Starts a process as the configuration says: bearer tokens checked against the users table, or
   * the fixed local user when authentication is off.
   */
  public static GridcastServer start(ServerConfig config) {
    return start(config, ModelRegistry.standard());
  }

  /** Starts a process as the configuration says, with a given model registry. */
  public static GridcastServer start(ServerConfig config, ModelRegistry registry) {
    return start(config, null, registry);
  }

  /**
   * Starts a process with a given caller resolver (null: the one the configuration asks for) and
   * model registry.
   */
  public static GridcastServer start(
      ServerConfig config, CallerResolver givenCallers, ModelRegistry registry) {
    return start(config, givenCallers, registry, MonitorConfig.fromEnv(System.getenv()));
  }

  /**
   * Starts a process with a given caller resolver (null: the one the configuration asks for), model
   * registry and monitoring settings (sampling runs only in processes that serve HTTP).
   */
  public static GridcastServer start(
      ServerConfig config,
      CallerResolver givenCallers,
      ModelRegistry registry,
      MonitorConfig monitorConfig) {
    LOG.info("effective configuration: {}", config.describe());
    InstantSource clock = InstantSource.system();
    Database db = Database.open(config.database(), config.effectiveDbPoolSize());
    JobQueue queue = null;
    EventFeed feed = null;
    ApiServer http = null;
    Monitoring monitoring = null;
    try {
      monitoring =
          Monitoring.create(
              config.role().http()
                  ? monitorConfig
                  : monitorConfig.withSampleInterval(Duration.ZERO),
              clock);
      monitoring.bindPool(db.dataSource());
      UserStore users = new UserStore(db.dataSource(), clock);
      SessionStore sessions =
          config.auth() ? new SessionStore(db.dataSource(), clock, SessionStore.DEFAULT_TTL) : null;
      CallerResolver callers = givenCallers;
      if (callers == null) {
        callers =
            config.auth()
                ? CallerResolver.bearerOrSession(users, sessions)
                : CallerResolver.localUser();
      }
      if (config.auth()
          && config.role() == Role.SERVE
          && config.database().equals(DatabaseUrl.sqliteIn(config.dataDir()))) {
        FirstAdmin.ensure(users, config.dataDir());
      }
      DatasetStore datasets = new DatasetStore(db.dataSource());
      ResultStore results = new ResultStore(db.dataSource(), db.dialect());
      ResultCache cache = resultCache(config.cache(), db, clock);
      bindCache(monitoring, cache);
      ForecastJobs jobs = new ForecastJobs(datasets, results, registry, clock, cache);
      PerformanceJobs performanceJobs =
          new PerformanceJobs(datasets, registry, config.dataDir().resolve("profiles"));
      JobQueue.Builder qb =
          JobQueue.create(db.dataSource())
              .migrate(false)
              .clock(clock)
              .lease(config.lease())
              .workers(config.role().workers() ? config.workers() : 0);
      Map<String, io.gridcast.queue.JobHandler> handlers = new java.util.LinkedHashMap<>();
      handlers.putAll(jobs.handlers());
      handlers.putAll(performanceJobs.handlers());
      for (Map.Entry<String, io.gridcast.queue.JobHandler> h : handlers.entrySet()) {
        qb.register(
            h.getKey(),
            FitPriority.lowered(monitoring.timed(h.getKey(), h.getValue()), config.fitNice()));
      }
      queue = qb.build();
      monitoring.bindQueue(queue.store());
      if (config.role() == Role.WORKER) {
        FitPriority.lowerCompilerThreads(config.fitNice());
      }
      if (config.role().workers()) {
        queue.start();
        LOG.info("workers started: {} slots, worker id {}", config.workers(), queue.workerId());
      }
      if (config.role().http()) {
        feed = new EventFeed(queue);
        monitoring.bindEventFeed(feed::recentSize);
        monitoring.alerts().onChange(feed::nudge);
        DatasetService datasetService =
            new DatasetService(datasets, clock, config.limits().maxSeriesPerUpload());
        JobService jobService =
            new JobService(
                queue.store(),
                datasets,
                registry,
                clock,
                config.limits().maxHorizon(),
                config.limits().maxJobsPerSubmission(),
                results,
                cache);
        http =
            Api.start(
                config,
                callers,
                datasetService,
                results,
                jobService,
                queue.store(),
                feed,
                registry,
                db::ping,
                clock,
                users,
                sessions,
                cache,
                monitoring,
                performanceJobs);
      }
      return new GridcastServer(config, db, queue, feed, http, cache, monitoring);
    } catch (RuntimeException e) {
      for (AutoCloseable c : new AutoCloseable[] {http, feed, monitoring, queue, db}) {
        if (c != null) {
          try {
            c.close();
          } catch (Exception suppressed) {
            e.addSuppressed(suppressed);
          }
        }
      }
      throw e;
    }
  }

  /** The cache's figures as monitoring gauges, and its hit rate for the cache alert. */
  private static void bindCache(Monitoring monitoring, ResultCache cache) {
    if (!cache.enabled()) {
      return;
    }
    monitoring.bindCache(
        () -> {
          CacheStats s = cache.stats();
          return s.hits() + s.misses() == 0 ? Optional.empty() : Optional.of(s.hitRate());
        },
        () -> {
          CacheStats s = cache.stats();
          Map<String, Object> m = new java.util.LinkedHashMap<>();
          m.put("hits", s.hits());
          m.put("misses", s.misses());
          m.put("hit_rate", s.hitRate());
          m.put("evictions", s.evictions());
          m.put("memory_entries", s.memory().entries());
          m.put("disk_entries", s.disk().entries());
          return m;
        });
  }

  private static ResultCache resultCache(CacheConfig c, Database db, InstantSource clock) {
    if (!c.enabled()) {
      LOG.info("result cache: off");
      return ResultCache.disabled();
    }
    ResultCache cache =
        ResultCache.builder(db.dataSource())
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

  /**
   * The monitoring of this process: the lead binds the result cache here with {@link
   * Monitoring#bindCache}.
   */
  public Monitoring monitoring() {
    return monitoring;
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
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
