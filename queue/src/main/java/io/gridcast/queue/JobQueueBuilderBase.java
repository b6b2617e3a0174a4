package io.gridcast.queue;

import io.gridcast.queue.jdbc.JdbcDatabase;
import io.gridcast.queue.worker.PoolSettings.Registration;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/** The settings behind {@link JobQueue.Builder}; see there. Not thread-safe. */
abstract sealed class JobQueueBuilderBase<B extends JobQueueBuilderBase<B>>
    permits JobQueue.Builder {
  public static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);
  public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(1);
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);
  public static final Duration DEFAULT_MAINTENANCE_INTERVAL = Duration.ofSeconds(5);
  public static final Duration DEFAULT_RETENTION = Duration.ofHours(24);
  public static final Duration DEFAULT_EVENT_RETENTION = Duration.ofHours(1);
  public static final Duration DEFAULT_CLAIM_AHEAD_BUDGET = Duration.ofMillis(5);
  public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(30);
  static final Duration EVENT_GAP_TIMEOUT = Duration.ofSeconds(1);

  final JdbcDatabase database;
  final DataSource dataSource;
  final String url;
  final String user;
  final String password;
  int maxPoolSize;
  int workers = Runtime.getRuntime().availableProcessors();
  Duration lease = DEFAULT_LEASE;
  Duration heartbeat = DEFAULT_HEARTBEAT;
  Duration pollInterval = DEFAULT_POLL_INTERVAL;
  Duration claimAheadBudget = DEFAULT_CLAIM_AHEAD_BUDGET;
  Duration maintenanceInterval = DEFAULT_MAINTENANCE_INTERVAL;
  Duration retention = DEFAULT_RETENTION;
  Duration eventRetention = DEFAULT_EVENT_RETENTION;
  RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
  InstantSource clock = InstantSource.system();
  String workerId =
      ManagementFactory.getRuntimeMXBean().getName()
          + "-"
          + UUID.randomUUID().toString().substring(0, 8);
  boolean migrate = true;
  boolean manual;
  final Map<String, Registration> handlers = new LinkedHashMap<>();

  JobQueueBuilderBase(JdbcDatabase db, DataSource ds, String url, String user, String password) {
    if (db == null && ds == null && (url == null || url.isBlank())) {
      throw new IllegalArgumentException("a database, a data source or a JDBC URL is required");
    }
    this.database = db;
    this.dataSource = ds;
    this.url = url;
    this.user = user;
    this.password = password;
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  private static Duration positive(String what, Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + " must be positive: " + d);
    }
    return d;
  }

  /** Handler slots (default: available processors); 0 for a process that only enqueues. */
  public B workers(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("workers must be >= 0: " + n);
    }
    workers = n;
    return self();
  }

  /** Lease of a claimed job (default 30 s); renewed by heartbeats while the job runs. */
  public B lease(Duration d) {
    lease = positive("lease", d);
    return self();
  }

  /** Lease renewal and cancellation check period (default 1 s); below lease / 2. */
  public B heartbeat(Duration d) {
    heartbeat = positive("heartbeat", d);
    return self();
  }

  /** Safety-net poll for claims and events when no wake-up arrives (default 1 s). */
  public B pollInterval(Duration d) {
    pollInterval = positive("pollInterval", d);
    return self();
  }

  /**
   * Short jobs: the pool may claim beyond its free slots as many jobs as its slots are expected to
   * finish within this time, judged from recent handler run times (default 5 ms; zero: claim for
   * free slots only). Jobs longer than {@code slots x budget} are never claimed ahead.
   */
  public B claimAheadBudget(Duration d) {
    if (d == null || d.isNegative()) {
      throw new IllegalArgumentException("claimAheadBudget must be >= 0: " + d);
    }
    claimAheadBudget = d;
    return self();
  }

  /** Rescue of expired leases, retention and count folding (default 5 s). */
  public B maintenanceInterval(Duration d) {
    maintenanceInterval = positive("maintenanceInterval", d);
    return self();
  }

  /** Finished jobs older than this are pruned (default 24 h). */
  public B retention(Duration d) {
    retention = positive("retention", d);
    return self();
  }

  /** Events older than this are pruned (default 1 h); bounds how far SSE clients can resume. */
  public B eventRetention(Duration d) {
    eventRetention = positive("eventRetention", d);
    return self();
  }

  public B retryPolicy(RetryPolicy p) {
    if (p == null) {
      throw new IllegalArgumentException("retryPolicy must not be null");
    }
    retryPolicy = p;
    return self();
  }

  public B clock(InstantSource c) {
    if (c == null) {
      throw new IllegalArgumentException("clock must not be null");
    }
    clock = c;
    return self();
  }

  /** This process's lease-owner name (default: pid@host plus a random suffix). */
  public B workerId(String id) {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("workerId must not be blank: '" + id + "'");
    }
    workerId = id;
    return self();
  }

  /** Pool size when the queue builds its own pool (default: 4 for SQLite, 20 for PostgreSQL). */
  public B maxPoolSize(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("maxPoolSize must be >= 1: " + n);
    }
    maxPoolSize = n;
    return self();
  }

  /** Whether {@code build()} applies migrations (default true). */
  public B migrate(boolean m) {
    migrate = m;
    return self();
  }

  /** No threads: the caller drives {@code tick()} and {@code runDueJobsOnce()} (tests). */
  public B manual() {
    manual = true;
    return self();
  }

  public B register(String type, JobHandler handler) {
    return register(type, 0, handler);
  }

  /**
   * @param maxConcurrency at most this many jobs of the type at once in this process; 0 = no limit
   */
  public B register(String type, int maxConcurrency, JobHandler handler) {
    if (type == null || type.isBlank()) {
      throw new IllegalArgumentException("job type must not be blank: '" + type + "'");
    }
    if (handler == null) {
      throw new IllegalArgumentException("handler for '" + type + "' must not be null");
    }
    if (maxConcurrency < 0) {
      throw new IllegalArgumentException("maxConcurrency must be >= 0: " + maxConcurrency);
    }
    if (handlers.containsKey(type)) {
      throw new IllegalArgumentException("job type '" + type + "' registered twice");
    }
    handlers.put(type, new Registration(type, handler, maxConcurrency));
    return self();
  }

  void validate() {
    if (heartbeat.multipliedBy(2).compareTo(lease) > 0) {
      throw new IllegalArgumentException(
          "heartbeat " + heartbeat + " must be at most half the lease " + lease);
    }
  }
}
