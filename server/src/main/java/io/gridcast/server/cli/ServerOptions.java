package io.gridcast.server.cli;

import io.gridcast.server.config.AlertThresholds;
import io.gridcast.server.config.CacheConfig;
import io.gridcast.server.config.ConfigException;
import io.gridcast.server.config.DatabaseUrl;
import io.gridcast.server.config.Limits;
import io.gridcast.server.config.MonitorConfig;
import io.gridcast.server.config.MonitorConfig.MetricsAccess;
import io.gridcast.server.config.Role;
import io.gridcast.server.config.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The options of {@code serve}, {@code api} and {@code worker}. A flag wins over its {@code
 * GRIDCAST_*} environment variable, which wins over the default; both come from {@link
 * EnvironmentDefaults}, the commands' default provider.
 */
final class ServerOptions {
  @Option(
      names = "--host",
      description = "Interface to bind (env GRIDCAST_HOST, default ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--port",
      description = "HTTP port, 0 for any free one (env GRIDCAST_PORT, default ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--data-dir",
      description =
          "Directory of the SQLite file gridcast.db (env GRIDCAST_DATA_DIR, default ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(
      names = "--db",
      description =
          "Database URL instead of the SQLite file: postgresql://user:pass@host:5432/db"
              + " (env GRIDCAST_DB_URL).")
  String db;

  @Option(
      names = "--db-user",
      description = "Database user when the URL has none (env GRIDCAST_DB_USER).")
  String dbUser;

  @Option(
      names = "--db-password",
      description = "Database password when the URL has none (env GRIDCAST_DB_PASSWORD).")
  String dbPassword;

  @Option(
      names = "--workers",
      description = "Concurrent jobs in this process, 0 = one per core (env GRIDCAST_WORKERS).")
  int workers;

  @Option(
      names = "--db-pool-size",
      description =
          "Database connections this process holds at most; 0 = 8 on SQLite, on PostgreSQL the"
              + " worker slots + 6 (at least 10); the least is the worker slots + 4"
              + " (env GRIDCAST_DB_POOL_SIZE).")
  int dbPoolSize;

  @Option(
      names = "--fit-nice",
      description =
          "Linux nice value (0-19) of the threads that run jobs, so HTTP requests and the database"
              + " get the cores first; 0 = the process's own priority (env GRIDCAST_FIT_NICE,"
              + " default ${DEFAULT-VALUE}).")
  int fitNice;

  @Option(
      names = "--max-upload-bytes",
      description =
          "Largest accepted request body (env GRIDCAST_MAX_UPLOAD_BYTES, default ${DEFAULT-VALUE}).")
  long maxUploadBytes;

  @Option(
      names = "--lease-seconds",
      description =
          "Job lease without heartbeat (env GRIDCAST_LEASE_SECONDS, default ${DEFAULT-VALUE}).")
  long leaseSeconds;

  @Option(
      names = "--auth",
      description =
          "on: every /api call needs a bearer token; off: one local user, loopback only"
              + " (env GRIDCAST_AUTH, default ${DEFAULT-VALUE}).")
  String auth;

  @Option(
      names = "--no-auth",
      description = "Same as --auth off: local use only, refused on a non-loopback --host.")
  boolean noAuth;

  @Option(
      names = "--allowed-origins",
      split = ",",
      description =
          "Origins besides the request's own whose pages may make state-changing calls,"
              + " comma-separated (env GRIDCAST_ALLOWED_ORIGINS, default none).")
  List<String> allowedOrigins;

  @Option(
      names = "--header-timeout-seconds",
      description =
          "Longest time a request's headers may take to arrive (env GRIDCAST_HEADER_TIMEOUT_SECONDS, default ${DEFAULT-VALUE}).")
  long headerTimeoutSeconds;

  @Option(
      names = "--body-timeout-seconds",
      description =
          "Longest time a request body may take to arrive (env GRIDCAST_BODY_TIMEOUT_SECONDS, default ${DEFAULT-VALUE}).")
  long bodyTimeoutSeconds;

  @Option(
      names = "--max-series-per-upload",
      description =
          "Series in one upload (env GRIDCAST_MAX_SERIES_PER_UPLOAD, default ${DEFAULT-VALUE}).")
  int maxSeriesPerUpload;

  @Option(
      names = "--max-points-per-series",
      description =
          "Periods one series may span, gaps filled (env GRIDCAST_MAX_POINTS_PER_SERIES, default ${DEFAULT-VALUE}).")
  int maxPointsPerSeries;

  @Option(
      names = "--max-values-per-upload",
      description =
          "Values of one upload after gaps are filled (env GRIDCAST_MAX_VALUES_PER_UPLOAD, default ${DEFAULT-VALUE}).")
  long maxValuesPerUpload;

  @Option(
      names = "--max-values-per-user",
      description =
          "Values one user may have stored over all datasets (env GRIDCAST_MAX_VALUES_PER_USER, default ${DEFAULT-VALUE}).")
  long maxValuesPerUser;

  @Option(
      names = "--max-name-length",
      description =
          "Characters of a SKU or dataset name (env GRIDCAST_MAX_NAME_LENGTH, default ${DEFAULT-VALUE}).")
  int maxNameLength;

  @Option(
      names = "--max-horizon",
      description =
          "Forecast horizon of a job (env GRIDCAST_MAX_HORIZON, default ${DEFAULT-VALUE}).")
  int maxHorizon;

  @Option(
      names = "--max-jobs-per-submission",
      description =
          "Jobs one submission may create (env GRIDCAST_MAX_JOBS_PER_SUBMISSION, default ${DEFAULT-VALUE}).")
  int maxJobsPerSubmission;

  @Option(
      names = "--max-streams-per-user",
      description =
          "Open event streams per user (env GRIDCAST_MAX_STREAMS_PER_USER, default ${DEFAULT-VALUE}).")
  int maxStreamsPerUser;

  @Option(
      names = "--submission-burst",
      description =
          "Submissions a user may make at once (env GRIDCAST_SUBMISSION_BURST, default ${DEFAULT-VALUE}).")
  int submissionBurst;

  @Option(
      names = "--submission-refill-ms",
      description =
          "Time to regain one submission (env GRIDCAST_SUBMISSION_REFILL_MS, default ${DEFAULT-VALUE}).")
  long submissionRefillMs;

  @Option(
      names = "--sign-in-burst",
      description =
          "Sign-ins one client address may make at once (env GRIDCAST_SIGN_IN_BURST, default ${DEFAULT-VALUE}).")
  int signInBurst;

  @Option(
      names = "--sign-in-refill-ms",
      description =
          "Time for an address to regain one sign-in (env GRIDCAST_SIGN_IN_REFILL_MS, default ${DEFAULT-VALUE}).")
  long signInRefillMs;

  @Option(
      names = "--max-benchmark-values",
      description =
          "Series x length of a generated benchmark (env GRIDCAST_MAX_BENCHMARK_VALUES, default ${DEFAULT-VALUE}).")
  long maxBenchmarkValues;

  @Option(
      names = "--max-benchmark-iterations",
      description =
          "Iterations of one benchmark (env GRIDCAST_MAX_BENCHMARK_ITERATIONS, default ${DEFAULT-VALUE}).")
  int maxBenchmarkIterations;

  @Option(
      names = "--cache",
      description = "Result cache on or off (env GRIDCAST_CACHE, default ${DEFAULT-VALUE}).")
  String cache;

  @Option(
      names = "--cache-memory-max-entries",
      description =
          "Result cache entries held in memory (env GRIDCAST_CACHE_MEMORY_MAX_ENTRIES, default ${DEFAULT-VALUE}).")
  long cacheMemoryMaxEntries;

  @Option(
      names = "--cache-memory-max-mb",
      description =
          "MiB of results held in memory (env GRIDCAST_CACHE_MEMORY_MAX_MB, default ${DEFAULT-VALUE}).")
  long cacheMemoryMaxMb;

  @Option(
      names = "--cache-disk-max-mb",
      description =
          "MiB of results in the database before LRU eviction (env GRIDCAST_CACHE_DISK_MAX_MB, default ${DEFAULT-VALUE}).")
  long cacheDiskMaxMb;

  @Option(
      names = "--cache-ttl",
      description =
          "Lifetime of a cached result: 90s, 30m, 12h, 7d or PT12H (env GRIDCAST_CACHE_TTL, default ${DEFAULT-VALUE}).")
  String cacheTtl;

  @Option(
      names = "--monitor-interval-seconds",
      description =
          "System sampling and alert evaluation interval, 0 = off until monitoring/start"
              + " (env GRIDCAST_MONITOR_INTERVAL_SECONDS, default ${DEFAULT-VALUE}).")
  String monitorIntervalSeconds;

  @Option(
      names = "--metrics-access",
      description =
          "Who reads /metrics: loopback (this machine, or an admin token), admin, open"
              + " (env GRIDCAST_METRICS_ACCESS, default ${DEFAULT-VALUE}).")
  String metricsAccess;

  @Option(
      names = "--metrics-port",
      description =
          "worker only: serve /metrics on this port of --host, 0 = any free port"
              + " (env GRIDCAST_METRICS_PORT, default none).")
  String metricsPort;

  @Option(
      names = "--alert-cpu-percent",
      description =
          "Alert when system CPU load is above this while the API is starved, 3 samples in a row"
              + " (env GRIDCAST_ALERT_CPU_PERCENT, default ${DEFAULT-VALUE}).")
  String alertCpuPercent;

  @Option(
      names = "--alert-queue-wait-ms",
      description =
          "The API counts as starved when a new request waits longer for a thread"
              + " (env GRIDCAST_ALERT_QUEUE_WAIT_MS, default ${DEFAULT-VALUE}).")
  String alertQueueWaitMs;

  @Option(
      names = "--alert-memory-mb",
      description =
          "Alert when the process's resident memory is above (env GRIDCAST_ALERT_MEMORY_MB, default ${DEFAULT-VALUE}).")
  String alertMemoryMb;

  @Option(
      names = "--alert-operation-ms",
      description =
          "Alert when the slowest interactive API call of an interval took longer"
              + " (env GRIDCAST_ALERT_OPERATION_MS, default ${DEFAULT-VALUE}).")
  String alertOperationMs;

  @Option(
      names = "--alert-error-rate-percent",
      description =
          "Alert when 5xx answers and failed job attempts exceed this share of an interval's"
              + " calls and attempts (env GRIDCAST_ALERT_ERROR_RATE_PERCENT, default ${DEFAULT-VALUE}).")
  String alertErrorRatePercent;

  @Option(
      names = "--alert-cache-hit-rate-percent",
      description =
          "Warn when the result cache's hit rate over the cache window is below"
              + " (env GRIDCAST_ALERT_CACHE_HIT_RATE_PERCENT, default ${DEFAULT-VALUE}).")
  String alertCacheHitRatePercent;

  @Option(
      names = "--alert-cache-min-lookups",
      description =
          "Fewest lookups in the cache window for its hit rate to be judged"
              + " (env GRIDCAST_ALERT_CACHE_MIN_LOOKUPS, default ${DEFAULT-VALUE}).")
  String alertCacheMinLookups;

  @Option(
      names = "--alert-cache-window-minutes",
      description =
          "The span the cache hit rate is judged over, not before the process sampled that long"
              + " (env GRIDCAST_ALERT_CACHE_WINDOW_MINUTES, default ${DEFAULT-VALUE}).")
  String alertCacheWindowMinutes;

  ServerConfig toConfig(Role role) {
    DatabaseUrl url =
        db == null || db.isBlank()
            ? DatabaseUrl.sqliteIn(dataDir)
            : DatabaseUrl.parse(db, dbUser, dbPassword);
    return ServerConfig.builder(role)
        .host(host)
        .port(port)
        .dataDir(dataDir)
        .database(url)
        .workers(workers == 0 ? Runtime.getRuntime().availableProcessors() : workers)
        .dbPoolSize(dbPoolSize)
        .fitNice(fitNice)
        .maxUploadBytes(maxUploadBytes)
        .lease(Duration.ofSeconds(leaseSeconds))
        .auth(authEnabled())
        .allowedOrigins(allowedOrigins == null ? List.of() : allowedOrigins)
        .headerTimeout(Duration.ofSeconds(headerTimeoutSeconds))
        .bodyTimeout(Duration.ofSeconds(bodyTimeoutSeconds))
        .limits(
            Limits.builder()
                .maxSeriesPerUpload(maxSeriesPerUpload)
                .maxPointsPerSeries(maxPointsPerSeries)
                .maxValuesPerUpload(maxValuesPerUpload)
                .maxValuesPerUser(maxValuesPerUser)
                .maxNameLength(maxNameLength)
                .maxHorizon(maxHorizon)
                .maxJobsPerSubmission(maxJobsPerSubmission)
                .maxStreamsPerUser(maxStreamsPerUser)
                .submissionBurst(submissionBurst)
                .submissionRefill(Duration.ofMillis(submissionRefillMs))
                .signInBurst(signInBurst)
                .signInRefill(Duration.ofMillis(signInRefillMs))
                .maxBenchmarkValues(maxBenchmarkValues)
                .maxBenchmarkIterations(maxBenchmarkIterations)
                .build())
        .cache(cacheConfig())
        .monitor(monitorConfig())
        .build();
  }

  private boolean authEnabled() {
    return !noAuth && onOff("--auth", auth);
  }

  private CacheConfig cacheConfig() {
    return new CacheConfig(
        onOff("--cache", cache),
        cacheMemoryMaxEntries,
        cacheMemoryMaxMb,
        cacheDiskMaxMb,
        CacheConfig.parseTtl(cacheTtl));
  }

  private MonitorConfig monitorConfig() {
    MonitorConfig.checkLogFormat(System.getenv("GRIDCAST_LOG_FORMAT"));
    double memoryMb = number("--alert-memory-mb", alertMemoryMb);
    return new MonitorConfig(
        Duration.ofMillis(
            Math.round(number("--monitor-interval-seconds", monitorIntervalSeconds) * 1000)),
        new AlertThresholds(
            number("--alert-cpu-percent", alertCpuPercent),
            (long) (memoryMb * 1024 * 1024),
            Duration.ofMillis((long) number("--alert-operation-ms", alertOperationMs)),
            Duration.ofMillis((long) number("--alert-queue-wait-ms", alertQueueWaitMs)),
            number("--alert-error-rate-percent", alertErrorRatePercent),
            number("--alert-cache-hit-rate-percent", alertCacheHitRatePercent),
            whole("--alert-cache-min-lookups", alertCacheMinLookups),
            Duration.ofMinutes(whole("--alert-cache-window-minutes", alertCacheWindowMinutes))),
        MetricsAccess.parse(metricsAccess),
        metricsPort());
  }

  /** {@code --metrics-port}: none when not given, else a port in 0..65535. */
  private int metricsPort() {
    if (metricsPort == null || metricsPort.isBlank()) {
      return MonitorConfig.NO_METRICS_PORT;
    }
    long port = whole("--metrics-port", metricsPort);
    if (port < 0 || port > 65535) {
      throw new ConfigException(
          "--metrics-port / GRIDCAST_METRICS_PORT must be in 0..65535, got " + port);
    }
    return (int) port;
  }

  /** {@code on}/{@code true} or {@code off}/{@code false}, any case. */
  private static boolean onOff(String flag, String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "on", "true" -> true;
      case "off", "false" -> false;
      default ->
          throw new ConfigException(
              flag + " / " + env(flag) + " must be on or off, got '" + text + "'");
    };
  }

  private static double number(String flag, String text) {
    try {
      return Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      throw new ConfigException(flag + " / " + env(flag) + " must be a number, got '" + text + "'");
    }
  }

  private static long whole(String flag, String text) {
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw new ConfigException(
          flag + " / " + env(flag) + " must be a whole number, got '" + text + "'");
    }
  }

  private static String env(String flag) {
    return EnvironmentDefaults.setting(flag).env();
  }
}
