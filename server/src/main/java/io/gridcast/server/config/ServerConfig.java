package io.gridcast.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The effective configuration of one process, validated at construction.
 *
 * @param role what this process runs
 * @param host interface the HTTP server binds
 * @param port HTTP port (0 picks a free one)
 * @param dataDir directory of the default SQLite file
 * @param database the job database
 * @param workers worker slots (concurrent jobs) in this process
 * @param maxUploadBytes largest accepted request body of an upload
 * @param lease how long a claimed job stays owned without a heartbeat
 * @param eventPoll how often the event stream looks for changes made by other processes
 * @param auth whether {@code /api/*} requires a bearer token (off only for local use)
 * @param limits per-request and per-user limits
 * @param cache settings of the result cache
 * @param fitNice the Linux nice value (0-19) of the threads that run jobs; 0 leaves them at the
 *     process's priority. See {@code io.gridcast.server.job.FitPriority}.
 * @param dbPoolSize database connections this process holds at most; 0 picks {@link
 *     #effectiveDbPoolSize()}'s default. At least {@link #minDbPoolSize()}.
 */
public record ServerConfig(
    Role role,
    String host,
    int port,
    Path dataDir,
    DatabaseUrl database,
    int workers,
    long maxUploadBytes,
    Duration lease,
    Duration eventPoll,
    boolean auth,
    Limits limits,
    CacheConfig cache,
    int fitNice,
    int dbPoolSize) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;
  public static final String DEFAULT_DATA_DIR = "./data";
  public static final long DEFAULT_MAX_UPLOAD_BYTES = 256L * 1024 * 1024;
  public static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);
  public static final Duration DEFAULT_EVENT_POLL = Duration.ofMillis(250);
  public static final int DEFAULT_FIT_NICE = 19;

  /**
   * Connections beside one per worker slot: the PostgreSQL LISTEN connection, the claim dispatcher,
   * maintenance and heartbeats, the event subscription and the HTTP requests.
   */
  static final int POOL_HEADROOM = 4;

  static final int MAX_DB_POOL_SIZE = 1000;

  public ServerConfig {
    if (role == null) {
      throw new ConfigException("role is required");
    }
    if (host == null || host.isBlank()) {
      throw new ConfigException("--host must not be blank");
    }
    if (port < 0 || port > 65535) {
      throw new ConfigException("--port must be in 0..65535, got " + port);
    }
    if (workers < 1 || workers > 1024) {
      throw new ConfigException("--workers must be in 1..1024, got " + workers);
    }
    if (fitNice < 0 || fitNice > 19) {
      throw new ConfigException("--fit-nice must be in 0..19, got " + fitNice);
    }
    if (maxUploadBytes < 1024) {
      throw new ConfigException("--max-upload-bytes must be at least 1024, got " + maxUploadBytes);
    }
    if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new ConfigException("lease must be at least 1 s, got " + lease);
    }
    if (eventPoll.isNegative() || eventPoll.isZero()) {
      throw new ConfigException("event poll must be positive, got " + eventPoll);
    }
    if (dataDir == null) {
      throw new ConfigException("--data-dir is required");
    }
    int minPool = minDbPoolSize(role, workers);
    if (dbPoolSize != 0 && (dbPoolSize < minPool || dbPoolSize > MAX_DB_POOL_SIZE)) {
      throw new ConfigException(
          "--db-pool-size must be 0 (the default) or in "
              + minPool
              + ".."
              + MAX_DB_POOL_SIZE
              + (role.workers() ? " (" + workers + " worker slots + " + POOL_HEADROOM + ")" : "")
              + ", got "
              + dbPoolSize);
    }
    if (database == null) {
      database = DatabaseUrl.sqliteIn(dataDir);
    }
    if (limits == null) {
      limits = Limits.DEFAULTS;
    }
    if (cache == null) {
      cache = CacheConfig.DEFAULTS;
    }
    if (!auth && role.http() && !loopback(host)) {
      throw new ConfigException(
          "refusing to serve without authentication on non-loopback host "
              + host
              + ": bind to 127.0.0.1 or turn authentication on");
    }
  }

  /** A configuration with the default result cache, job-thread priority and database pool size. */
  public ServerConfig(
      Role role,
      String host,
      int port,
      Path dataDir,
      DatabaseUrl database,
      int workers,
      long maxUploadBytes,
      Duration lease,
      Duration eventPoll,
      boolean auth,
      Limits limits) {
    this(
        role,
        host,
        port,
        dataDir,
        database,
        workers,
        maxUploadBytes,
        lease,
        eventPoll,
        auth,
        limits,
        CacheConfig.DEFAULTS,
        DEFAULT_FIT_NICE,
        0);
  }

  /** True for 127.0.0.0/8, ::1 and localhost: addresses only this machine can reach. */
  public static boolean loopback(String host) {
    String h = host.strip();
    if (h.equalsIgnoreCase("localhost") || h.equals("::1") || h.equals("[::1]")) {
      return true;
    }
    return h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
  }

  /** A configuration with every default for {@code role}, on the given database. */
  public static ServerConfig defaults(Role role, DatabaseUrl database) {
    return new ServerConfig(
        role,
        DEFAULT_HOST,
        DEFAULT_PORT,
        Path.of(DEFAULT_DATA_DIR),
        database,
        Runtime.getRuntime().availableProcessors(),
        DEFAULT_MAX_UPLOAD_BYTES,
        DEFAULT_LEASE,
        DEFAULT_EVENT_POLL,
        true,
        Limits.DEFAULTS);
  }

  public ServerConfig withPort(int newPort) {
    return with(d -> d.port = newPort);
  }

  public ServerConfig withRole(Role newRole) {
    return with(d -> d.role = newRole);
  }

  public ServerConfig withWorkers(int n) {
    return with(d -> d.workers = n);
  }

  public ServerConfig withMaxUploadBytes(long n) {
    return with(d -> d.maxUploadBytes = n);
  }

  public ServerConfig withAuth(boolean on) {
    return with(d -> d.auth = on);
  }

  public ServerConfig withLimits(Limits l) {
    return with(d -> d.limits = l);
  }

  public ServerConfig withCache(CacheConfig c) {
    return with(d -> d.cache = c);
  }

  public ServerConfig withFitNice(int nice) {
    return with(d -> d.fitNice = nice);
  }

  public ServerConfig withDbPoolSize(int n) {
    return with(d -> d.dbPoolSize = n);
  }

  /** The fewest connections this process's role and worker slots can run on. */
  public int minDbPoolSize() {
    return minDbPoolSize(role, workers);
  }

  private static int minDbPoolSize(Role role, int workers) {
    return (role.workers() ? workers : 0) + POOL_HEADROOM;
  }

  /**
   * The connections this process holds at most: {@code dbPoolSize}, or by default 8 on SQLite (one
   * writer at a time anyway) and on PostgreSQL the worker slots + 6, at least 10.
   */
  public int effectiveDbPoolSize() {
    if (dbPoolSize > 0) {
      return dbPoolSize;
    }
    return database.postgres() ? Math.max(10, workers + 6) : 8;
  }

  private ServerConfig with(java.util.function.Consumer<Draft> change) {
    Draft d = new Draft(this);
    change.accept(d);
    return d.build();
  }

  /** A mutable copy for the {@code with...} methods: one place lists every component. */
  private static final class Draft {
    Role role;
    String host;
    int port;
    Path dataDir;
    DatabaseUrl database;
    int workers;
    long maxUploadBytes;
    Duration lease;
    Duration eventPoll;
    boolean auth;
    Limits limits;
    CacheConfig cache;
    int fitNice;
    int dbPoolSize;

    Draft(ServerConfig c) {
      role = c.role;
      host = c.host;
      port = c.port;
      dataDir = c.dataDir;
      database = c.database;
      workers = c.workers;
      maxUploadBytes = c.maxUploadBytes;
      lease = c.lease;
      eventPoll = c.eventPoll;
      auth = c.auth;
      limits = c.limits;
      cache = c.cache;
      fitNice = c.fitNice;
      dbPoolSize = c.dbPoolSize;
    }

    ServerConfig build() {
      return new ServerConfig(
          role,
          host,
          port,
          dataDir,
          database,
          workers,
          maxUploadBytes,
          lease,
          eventPoll,
          auth,
          limits,
          cache,
          fitNice,
          dbPoolSize);
    }
  }

  /** The effective settings by name, the password masked: what the start-up log line prints. */
  public Map<String, String> describe() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("role", role.name().toLowerCase(java.util.Locale.ROOT));
    if (role.http()) {
      m.put("host", host);
      m.put("port", Integer.toString(port));
      m.put("max_upload_bytes", Long.toString(maxUploadBytes));
      m.put("auth", auth ? "on" : "off");
      m.put("limits", limits.toString());
    }
    m.put("data_dir", dataDir.toString());
    m.put("db", database.toString());
    m.put("db_pool_size", Integer.toString(effectiveDbPoolSize()));
    if (role.workers()) {
      m.put("workers", Integer.toString(workers));
      m.put("fit_nice", Integer.toString(fitNice));
    }
    m.put("lease", lease.toString());
    m.put("event_poll", eventPoll.toString());
    m.put("cache", cache.toString());
    return m;
  }
}
