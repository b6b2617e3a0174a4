package io.gridcast.server.cli;

import io.gridcast.server.config.DatabaseUrl;
import io.gridcast.server.config.Role;
import io.gridcast.server.config.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The options of {@code serve}, {@code api} and {@code worker}: each flag has a {@code GRIDCAST_*}
 * environment variable; a flag wins over its variable, which wins over the default.
 */
final class ServerOptions {
  @Option(
      names = "--host",
      defaultValue = "${env:GRIDCAST_HOST:-127.0.0.1}",
      description = "Interface to bind (env GRIDCAST_HOST, default ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--port",
      defaultValue = "${env:GRIDCAST_PORT:-8080}",
      description = "HTTP port, 0 for any free one (env GRIDCAST_PORT, default ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--data-dir",
      defaultValue = "${env:GRIDCAST_DATA_DIR:-./data}",
      description =
          "Directory of the SQLite file gridcast.db (env GRIDCAST_DATA_DIR, default ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(
      names = "--db",
      defaultValue = "${env:GRIDCAST_DB_URL}",
      description =
          "Database URL instead of the SQLite file: postgresql://user:pass@host:5432/db"
              + " (env GRIDCAST_DB_URL).")
  String db;

  @Option(
      names = "--db-user",
      defaultValue = "${env:GRIDCAST_DB_USER}",
      description = "Database user when the URL has none (env GRIDCAST_DB_USER).")
  String dbUser;

  @Option(
      names = "--db-password",
      defaultValue = "${env:GRIDCAST_DB_PASSWORD}",
      description = "Database password when the URL has none (env GRIDCAST_DB_PASSWORD).")
  String dbPassword;

  @Option(
      names = "--workers",
      defaultValue = "${env:GRIDCAST_WORKERS:-0}",
      description = "Concurrent jobs in this process, 0 = one per core (env GRIDCAST_WORKERS).")
  int workers;

  @Option(
      names = "--db-pool-size",
      defaultValue = "${env:GRIDCAST_DB_POOL_SIZE:-0}",
      description =
          "Database connections this process holds at most; 0 = 8 on SQLite, on PostgreSQL the"
              + " worker slots + 6 (at least 10); the least is the worker slots + 4"
              + " (env GRIDCAST_DB_POOL_SIZE).")
  int dbPoolSize;

  @Option(
      names = "--fit-nice",
      defaultValue = "${env:GRIDCAST_FIT_NICE:-19}",
      description =
          "Linux nice value (0-19) of the threads that run jobs, so HTTP requests and the database"
              + " get the cores first; 0 = the process's own priority (env GRIDCAST_FIT_NICE,"
              + " default ${DEFAULT-VALUE}).")
  int fitNice;

  @Option(
      names = "--max-upload-bytes",
      defaultValue = "${env:GRIDCAST_MAX_UPLOAD_BYTES:-268435456}",
      description =
          "Largest accepted request body (env GRIDCAST_MAX_UPLOAD_BYTES, default ${DEFAULT-VALUE}).")
  long maxUploadBytes;

  @Option(
      names = "--lease-seconds",
      defaultValue = "${env:GRIDCAST_LEASE_SECONDS:-30}",
      description =
          "Job lease without heartbeat (env GRIDCAST_LEASE_SECONDS, default ${DEFAULT-VALUE}).")
  long leaseSeconds;

  @Option(
      names = "--auth",
      defaultValue = "${env:GRIDCAST_AUTH:-on}",
      description =
          "on: every /api call needs a bearer token; off: one local user, loopback only"
              + " (env GRIDCAST_AUTH, default ${DEFAULT-VALUE}).")
  String auth;

  @Option(
      names = "--no-auth",
      description = "Same as --auth off: local use only, refused on a non-loopback --host.")
  boolean noAuth;

  @Option(
      names = "--max-series-per-upload",
      defaultValue = "${env:GRIDCAST_MAX_SERIES_PER_UPLOAD:-200000}",
      description =
          "Series in one upload (env GRIDCAST_MAX_SERIES_PER_UPLOAD, default ${DEFAULT-VALUE}).")
  int maxSeriesPerUpload;

  @Option(
      names = "--max-points-per-series",
      defaultValue = "${env:GRIDCAST_MAX_POINTS_PER_SERIES:-100000}",
      description =
          "Observations of one series (env GRIDCAST_MAX_POINTS_PER_SERIES, default ${DEFAULT-VALUE}).")
  int maxPointsPerSeries;

  @Option(
      names = "--max-horizon",
      defaultValue = "${env:GRIDCAST_MAX_HORIZON:-1000}",
      description =
          "Forecast horizon of a job (env GRIDCAST_MAX_HORIZON, default ${DEFAULT-VALUE}).")
  int maxHorizon;

  @Option(
      names = "--max-jobs-per-submission",
      defaultValue = "${env:GRIDCAST_MAX_JOBS_PER_SUBMISSION:-200000}",
      description =
          "Jobs one submission may create (env GRIDCAST_MAX_JOBS_PER_SUBMISSION, default ${DEFAULT-VALUE}).")
  int maxJobsPerSubmission;

  @Option(
      names = "--max-streams-per-user",
      defaultValue = "${env:GRIDCAST_MAX_STREAMS_PER_USER:-8}",
      description =
          "Open event streams per user (env GRIDCAST_MAX_STREAMS_PER_USER, default ${DEFAULT-VALUE}).")
  int maxStreamsPerUser;

  @Option(
      names = "--submission-burst",
      defaultValue = "${env:GRIDCAST_SUBMISSION_BURST:-60}",
      description =
          "Submissions a user may make at once (env GRIDCAST_SUBMISSION_BURST, default ${DEFAULT-VALUE}).")
  int submissionBurst;

  @Option(
      names = "--submission-refill-ms",
      defaultValue = "${env:GRIDCAST_SUBMISSION_REFILL_MS:-1000}",
      description =
          "Time to regain one submission (env GRIDCAST_SUBMISSION_REFILL_MS, default ${DEFAULT-VALUE}).")
  long submissionRefillMs;

  @Option(
      names = "--cache",
      defaultValue = "${env:GRIDCAST_CACHE:-on}",
      description = "Result cache on or off (env GRIDCAST_CACHE, default ${DEFAULT-VALUE}).")
  String cache;

  @Option(
      names = "--cache-memory-max-entries",
      defaultValue = "${env:GRIDCAST_CACHE_MEMORY_MAX_ENTRIES:-10000}",
      description =
          "Result cache entries held in memory (env GRIDCAST_CACHE_MEMORY_MAX_ENTRIES, default ${DEFAULT-VALUE}).")
  long cacheMemoryMaxEntries;

  @Option(
      names = "--cache-memory-max-mb",
      defaultValue = "${env:GRIDCAST_CACHE_MEMORY_MAX_MB:-64}",
      description =
          "MiB of results held in memory (env GRIDCAST_CACHE_MEMORY_MAX_MB, default ${DEFAULT-VALUE}).")
  long cacheMemoryMaxMb;

  @Option(
      names = "--cache-disk-max-mb",
      defaultValue = "${env:GRIDCAST_CACHE_DISK_MAX_MB:-256}",
      description =
          "MiB of results in the database before LRU eviction (env GRIDCAST_CACHE_DISK_MAX_MB, default ${DEFAULT-VALUE}).")
  long cacheDiskMaxMb;

  @Option(
      names = "--cache-ttl",
      defaultValue = "${env:GRIDCAST_CACHE_TTL:-7d}",
      description =
          "Lifetime of a cached result: 90s, 30m, 12h, 7d or PT12H (env GRIDCAST_CACHE_TTL, default ${DEFAULT-VALUE}).")
  String cacheTtl;

  io.gridcast.server.config.CacheConfig cacheConfig() {
    boolean on =
        switch (cache.strip().toLowerCase(java.util.Locale.ROOT)) {
          case "on", "true" -> true;
          case "off", "false" -> false;
          default ->
              throw new io.gridcast.server.config.ConfigException(
                  "--cache / GRIDCAST_CACHE must be on or off, got '" + cache + "'");
        };
    return new io.gridcast.server.config.CacheConfig(
        on,
        cacheMemoryMaxEntries,
        cacheMemoryMaxMb,
        cacheDiskMaxMb,
        io.gridcast.server.config.CacheConfig.parseTtl(cacheTtl));
  }

  boolean authEnabled() {
    if (noAuth) {
      return false;
    }
    return switch (auth.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "on", "true" -> true;
      case "off", "false" -> false;
      default ->
          throw new io.gridcast.server.config.ConfigException(
              "--auth / GRIDCAST_AUTH must be on or off, got '" + auth + "'");
    };
  }

  ServerConfig toConfig(Role role) {
    DatabaseUrl url =
        db == null || db.isBlank()
            ? DatabaseUrl.sqliteIn(dataDir)
            : DatabaseUrl.parse(db, dbUser, dbPassword);
    int w = workers == 0 ? Runtime.getRuntime().availableProcessors() : workers;
    return new ServerConfig(
        role,
        host,
        port,
        dataDir,
        url,
        w,
        maxUploadBytes,
        Duration.ofSeconds(leaseSeconds),
        ServerConfig.DEFAULT_EVENT_POLL,
        authEnabled(),
        new io.gridcast.server.config.Limits(
            maxSeriesPerUpload,
            maxPointsPerSeries,
            maxHorizon,
            maxJobsPerSubmission,
            maxStreamsPerUser,
            submissionBurst,
            Duration.ofMillis(submissionRefillMs)),
        cacheConfig(),
        fitNice,
        dbPoolSize);
  }
}
