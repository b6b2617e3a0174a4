package io.gridcast.server.config;

import io.gridcast.queue.JobQueue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The effective configuration of one process, built by name ({@link #builder(Role)}) and validated
 * once at construction, the bad value in the message.
 *
 * <pre>{@code
 * ServerConfig c = ServerConfig.builder(Role.SERVE).port(0).dataDir(dir).workers(2).build();
 * }</pre>
 *
 * @param role what this process runs
 * @param host interface the HTTP server binds
 * @param port HTTP port (0 picks a free one)
 * @param dataDir directory of the default SQLite file
 * @param database the job database
 * @param workers worker slots (concurrent jobs) in this process
 * @param dbPoolSize database connections this process holds at most; 0 picks {@link
 *     #effectiveDbPoolSize()}'s default. At least {@link #minDbPoolSize()}.
 * @param fitNice the Linux nice value (0-19) of the threads that run jobs; 0 leaves them at the
 *     process's priority. See {@code io.gridcast.server.job.FitPriority}.
 * @param maxUploadBytes largest accepted request body of an upload
 * @param lease how long a claimed job stays owned without a heartbeat
 * @param auth whether {@code /api/*} requires a bearer token (off only for local use)
 * @param allowedOrigins origins ({@code https://host[:port]}) besides the request's own whose
 *     browser pages may make state-changing calls (a reverse proxy that rewrites {@code Host} needs
 *     the public origin here); empty: only the request's own
 * @param headerTimeout the longest a request's line and headers may take to arrive, from their
 *     first byte (408 beyond)
 * @param bodyTimeout the longest a request body may take to arrive, from the start of its handling
 *     (408 beyond)
 * @param limits per-request and per-user limits
 * @param cache settings of the result cache
 * @param monitor sampling interval, alert limits and who may read {@code /metrics}
 */
public record ServerConfig(
    Role role,
    String host,
    int port,
    Path dataDir,
    DatabaseUrl database,
    int workers,
    int dbPoolSize,
    int fitNice,
    long maxUploadBytes,
    Duration lease,
    boolean auth,
    List<String> allowedOrigins,
    Duration headerTimeout,
    Duration bodyTimeout,
    Limits limits,
    CacheConfig cache,
    MonitorConfig monitor) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;
  public static final String DEFAULT_DATA_DIR = "./data";
  public static final long DEFAULT_MAX_UPLOAD_BYTES = 256L * 1024 * 1024;

  /** The queue's lease: a dead worker's job returns to the queue after it. */
  public static final Duration DEFAULT_LEASE = JobQueue.Builder.DEFAULT_LEASE;

  public static final int DEFAULT_FIT_NICE = 19;

  /** Request line and headers: a few hundred bytes, so 10 s is generous even on a slow link. */
  public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(10);

  /** A full 256 MiB upload at 1 MiB/s takes 256 s. */
  public static final Duration DEFAULT_BODY_TIMEOUT = Duration.ofSeconds(300);

  /** 0: the pool size follows the database and the worker slots ({@link #effectiveDbPoolSize}). */
  public static final int DEFAULT_DB_POOL_SIZE = 0;

  /**
   * Connections beside one per worker slot: the PostgreSQL LISTEN connection, the claim dispatcher,
   * maintenance and heartbeats, the event subscription and the HTTP requests.
   */
  static final int POOL_HEADROOM = 4;

  static final int MAX_DB_POOL_SIZE = 1000;
  static final int MAX_WORKERS = 1024;

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
    if (dataDir == null) {
      throw new ConfigException("--data-dir is required");
    }
    if (workers < 1 || workers > MAX_WORKERS) {
      throw new ConfigException("--workers must be in 1.." + MAX_WORKERS + ", got " + workers);
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
    if (fitNice < 0 || fitNice > 19) {
      throw new ConfigException("--fit-nice must be in 0..19, got " + fitNice);
    }
    if (maxUploadBytes < 1024) {
      throw new ConfigException("--max-upload-bytes must be at least 1024, got " + maxUploadBytes);
    }
    if (lease == null || lease.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new ConfigException(
          "--lease-seconds must be at least 1, got " + (lease == null ? null : lease.toSeconds()));
    }
    allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    for (String o : allowedOrigins) {
      if (!ORIGIN.matcher(o).matches()) {
        throw new ConfigException(
            "--allowed-origins takes origins such as https://gridcast.example.com:8443 (scheme,"
                + " host and optional port, no path), got '"
                + o
                + "'");
      }
    }
    atLeastOneSecond("--header-timeout-seconds", headerTimeout);
    atLeastOneSecond("--body-timeout-seconds", bodyTimeout);
    if (database == null) {
      database = DatabaseUrl.sqliteIn(dataDir);
    }
    if (limits == null) {
      limits = Limits.DEFAULTS;
    }
    if (cache == null) {
      cache = CacheConfig.DEFAULTS;
    }
    if (monitor == null) {
      monitor = MonitorConfig.DEFAULTS;
    }
    if (!auth && role.http() && !loopback(host)) {
      throw new ConfigException(
          "refusing to serve without authentication on non-loopback host "
              + host
              + ": bind to 127.0.0.1 or turn authentication on");
    }
  }

  private static final Pattern ORIGIN = Pattern.compile("https?://[^/?#\\s]+");

  private static void atLeastOneSecond(String flag, Duration d) {
    if (d == null || d.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new ConfigException(
          flag + " must be at least 1, got " + (d == null ? null : d.toSeconds()));
    }
  }

  /** Every setting at its default for {@code role}; the database defaults to the data dir's. */
  public static Builder builder(Role role) {
    return new Builder(role);
  }

  /** This configuration's settings, to change some of them. */
  public Builder toBuilder() {
    return new Builder(role)
        .host(host)
        .port(port)
        .dataDir(dataDir)
        .database(database)
        .workers(workers)
        .dbPoolSize(dbPoolSize)
        .fitNice(fitNice)
        .maxUploadBytes(maxUploadBytes)
        .lease(lease)
        .auth(auth)
        .allowedOrigins(allowedOrigins)
        .headerTimeout(headerTimeout)
        .bodyTimeout(bodyTimeout)
        .limits(limits)
        .cache(cache)
        .monitor(monitor);
  }

  /** True for 127.0.0.0/8, ::1 and localhost: addresses only this machine can reach. */
  public static boolean loopback(String host) {
    String h = host.strip();
    if (h.equalsIgnoreCase("localhost") || h.equals("::1") || h.equals("[::1]")) {
      return true;
    }
    return h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
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

  /** The effective settings by name, the password masked: what the start-up log line prints. */
  public Map<String, String> describe() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("role", role.name().toLowerCase(Locale.ROOT));
    if (role.http()) {
      m.put("host", host);
      m.put("port", Integer.toString(port));
      m.put("max_upload_bytes", Long.toString(maxUploadBytes));
      m.put("auth", auth ? "on" : "off");
      m.put("allowed_origins", String.join(",", allowedOrigins));
      m.put("header_timeout", headerTimeout.toString());
      m.put("body_timeout", bodyTimeout.toString());
      m.put("limits", limits.toString());
      m.put("monitor", monitor.toString());
    }
    m.put("data_dir", dataDir.toString());
    m.put("db", database.toString());
    m.put("db_pool_size", Integer.toString(effectiveDbPoolSize()));
    if (role.workers()) {
      m.put("workers", Integer.toString(workers));
      m.put("fit_nice", Integer.toString(fitNice));
    }
    m.put("lease", lease.toString());
    m.put("cache", cache.toString());
    return m;
  }

  /**
   * The settings of a configuration by name, each at its default until set; {@link #build()}
   * validates them together (e.g. the pool size against the worker slots). Not thread-safe.
   */
  public static final class Builder {
    private final Role role;
    private String host = DEFAULT_HOST;
    private int port = DEFAULT_PORT;
    private Path dataDir = Path.of(DEFAULT_DATA_DIR);
    private DatabaseUrl database;
    private int workers = Runtime.getRuntime().availableProcessors();
    private int dbPoolSize = DEFAULT_DB_POOL_SIZE;
    private int fitNice = DEFAULT_FIT_NICE;
    private long maxUploadBytes = DEFAULT_MAX_UPLOAD_BYTES;
    private Duration lease = DEFAULT_LEASE;
    private boolean auth = true;
    private List<String> allowedOrigins = List.of();
    private Duration headerTimeout = DEFAULT_HEADER_TIMEOUT;
    private Duration bodyTimeout = DEFAULT_BODY_TIMEOUT;
    private Limits limits = Limits.DEFAULTS;
    private CacheConfig cache = CacheConfig.DEFAULTS;
    private MonitorConfig monitor = MonitorConfig.DEFAULTS;

    private Builder(Role role) {
      this.role = role;
    }

    public Builder host(String v) {
      host = v;
      return this;
    }

    public Builder port(int v) {
      port = v;
      return this;
    }

    public Builder dataDir(Path v) {
      dataDir = v;
      return this;
    }

    /** The job database; null (the default) is the SQLite file in the data dir. */
    public Builder database(DatabaseUrl v) {
      database = v;
      return this;
    }

    public Builder workers(int v) {
      workers = v;
      return this;
    }

    public Builder dbPoolSize(int v) {
      dbPoolSize = v;
      return this;
    }

    public Builder fitNice(int v) {
      fitNice = v;
      return this;
    }

    public Builder maxUploadBytes(long v) {
      maxUploadBytes = v;
      return this;
    }

    public Builder lease(Duration v) {
      lease = v;
      return this;
    }

    public Builder auth(boolean v) {
      auth = v;
      return this;
    }

    /** Origins besides the request's own allowed to make state-changing calls from a browser. */
    public Builder allowedOrigins(List<String> v) {
      allowedOrigins = v;
      return this;
    }

    public Builder headerTimeout(Duration v) {
      headerTimeout = v;
      return this;
    }

    public Builder bodyTimeout(Duration v) {
      bodyTimeout = v;
      return this;
    }

    public Builder limits(Limits v) {
      limits = v;
      return this;
    }

    public Builder cache(CacheConfig v) {
      cache = v;
      return this;
    }

    public Builder monitor(MonitorConfig v) {
      monitor = v;
      return this;
    }

    /**
     * The configuration.
     *
     * @throws ConfigException naming the flag and the bad value
     */
    public ServerConfig build() {
      return new ServerConfig(
          role,
          host,
          port,
          dataDir,
          database,
          workers,
          dbPoolSize,
          fitNice,
          maxUploadBytes,
          lease,
          auth,
          allowedOrigins,
          headerTimeout,
          bodyTimeout,
          limits,
          cache,
          monitor);
    }
  }
}
