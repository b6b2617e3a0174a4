package io.gridcast.server.cli;

import io.gridcast.server.config.AlertThresholds;
import io.gridcast.server.config.CacheConfig;
import io.gridcast.server.config.Limits;
import io.gridcast.server.config.MonitorConfig;
import io.gridcast.server.config.ServerConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The value of a process option the command line does not give: its {@code GRIDCAST_*} environment
 * variable when set and not blank, else its default, read from the configuration's named constants
 * (so a default is written once, in {@code config}). One row per option in {@link #SETTINGS};
 * picocli asks this provider for every option of {@code serve}, {@code api} and {@code worker}, and
 * help texts show the result as {@code ${DEFAULT-VALUE}}. Immutable.
 */
public final class EnvironmentDefaults implements IDefaultValueProvider {

  /**
   * One option: its flag, its environment variable and its default as the flag would take it (null:
   * none).
   */
  public record Setting(String flag, String env, String defaultValue) {}

  /** Every process option, in the order of the README's configuration table. */
  public static final List<Setting> SETTINGS =
      List.of(
          new Setting("--host", "GRIDCAST_HOST", ServerConfig.DEFAULT_HOST),
          new Setting("--port", "GRIDCAST_PORT", Integer.toString(ServerConfig.DEFAULT_PORT)),
          new Setting("--data-dir", "GRIDCAST_DATA_DIR", ServerConfig.DEFAULT_DATA_DIR),
          new Setting("--db", "GRIDCAST_DB_URL", null),
          new Setting("--db-user", "GRIDCAST_DB_USER", null),
          new Setting("--db-password", "GRIDCAST_DB_PASSWORD", null),
          new Setting("--workers", "GRIDCAST_WORKERS", "0"),
          new Setting(
              "--db-pool-size",
              "GRIDCAST_DB_POOL_SIZE",
              Integer.toString(ServerConfig.DEFAULT_DB_POOL_SIZE)),
          new Setting(
              "--fit-nice", "GRIDCAST_FIT_NICE", Integer.toString(ServerConfig.DEFAULT_FIT_NICE)),
          new Setting(
              "--max-upload-bytes",
              "GRIDCAST_MAX_UPLOAD_BYTES",
              Long.toString(ServerConfig.DEFAULT_MAX_UPLOAD_BYTES)),
          new Setting(
              "--lease-seconds",
              "GRIDCAST_LEASE_SECONDS",
              Long.toString(ServerConfig.DEFAULT_LEASE.toSeconds())),
          new Setting("--auth", "GRIDCAST_AUTH", "on"),
          new Setting("--allowed-origins", "GRIDCAST_ALLOWED_ORIGINS", null),
          new Setting(
              "--header-timeout-seconds",
              "GRIDCAST_HEADER_TIMEOUT_SECONDS",
              Long.toString(ServerConfig.DEFAULT_HEADER_TIMEOUT.toSeconds())),
          new Setting(
              "--body-timeout-seconds",
              "GRIDCAST_BODY_TIMEOUT_SECONDS",
              Long.toString(ServerConfig.DEFAULT_BODY_TIMEOUT.toSeconds())),
          new Setting(
              "--max-series-per-upload",
              "GRIDCAST_MAX_SERIES_PER_UPLOAD",
              Integer.toString(Limits.DEFAULTS.maxSeriesPerUpload())),
          new Setting(
              "--max-points-per-series",
              "GRIDCAST_MAX_POINTS_PER_SERIES",
              Integer.toString(Limits.DEFAULTS.maxPointsPerSeries())),
          new Setting(
              "--max-values-per-upload",
              "GRIDCAST_MAX_VALUES_PER_UPLOAD",
              Long.toString(Limits.DEFAULTS.maxValuesPerUpload())),
          new Setting(
              "--max-values-per-user",
              "GRIDCAST_MAX_VALUES_PER_USER",
              Long.toString(Limits.DEFAULTS.maxValuesPerUser())),
          new Setting(
              "--max-name-length",
              "GRIDCAST_MAX_NAME_LENGTH",
              Integer.toString(Limits.DEFAULTS.maxNameLength())),
          new Setting(
              "--max-horizon",
              "GRIDCAST_MAX_HORIZON",
              Integer.toString(Limits.DEFAULTS.maxHorizon())),
          new Setting(
              "--max-jobs-per-submission",
              "GRIDCAST_MAX_JOBS_PER_SUBMISSION",
              Integer.toString(Limits.DEFAULTS.maxJobsPerSubmission())),
          new Setting(
              "--max-streams-per-user",
              "GRIDCAST_MAX_STREAMS_PER_USER",
              Integer.toString(Limits.DEFAULTS.maxStreamsPerUser())),
          new Setting(
              "--submission-burst",
              "GRIDCAST_SUBMISSION_BURST",
              Integer.toString(Limits.DEFAULTS.submissionBurst())),
          new Setting(
              "--submission-refill-ms",
              "GRIDCAST_SUBMISSION_REFILL_MS",
              Long.toString(Limits.DEFAULTS.submissionRefill().toMillis())),
          new Setting(
              "--sign-in-burst",
              "GRIDCAST_SIGN_IN_BURST",
              Integer.toString(Limits.DEFAULTS.signInBurst())),
          new Setting(
              "--sign-in-refill-ms",
              "GRIDCAST_SIGN_IN_REFILL_MS",
              Long.toString(Limits.DEFAULTS.signInRefill().toMillis())),
          new Setting(
              "--max-benchmark-values",
              "GRIDCAST_MAX_BENCHMARK_VALUES",
              Long.toString(Limits.DEFAULTS.maxBenchmarkValues())),
          new Setting(
              "--max-benchmark-iterations",
              "GRIDCAST_MAX_BENCHMARK_ITERATIONS",
              Integer.toString(Limits.DEFAULTS.maxBenchmarkIterations())),
          new Setting("--cache", "GRIDCAST_CACHE", CacheConfig.DEFAULTS.enabled() ? "on" : "off"),
          new Setting(
              "--cache-memory-max-entries",
              "GRIDCAST_CACHE_MEMORY_MAX_ENTRIES",
              Long.toString(CacheConfig.DEFAULTS.memoryMaxEntries())),
          new Setting(
              "--cache-memory-max-mb",
              "GRIDCAST_CACHE_MEMORY_MAX_MB",
              Long.toString(CacheConfig.DEFAULTS.memoryMaxMb())),
          new Setting(
              "--cache-disk-max-mb",
              "GRIDCAST_CACHE_DISK_MAX_MB",
              Long.toString(CacheConfig.DEFAULTS.diskMaxMb())),
          new Setting("--cache-ttl", "GRIDCAST_CACHE_TTL", ttl(CacheConfig.DEFAULTS.ttl())),
          new Setting(
              "--monitor-interval-seconds",
              "GRIDCAST_MONITOR_INTERVAL_SECONDS",
              seconds(MonitorConfig.DEFAULTS.sampleInterval())),
          new Setting(
              "--metrics-access",
              "GRIDCAST_METRICS_ACCESS",
              MonitorConfig.DEFAULTS.metricsAccess().key()),
          new Setting("--metrics-port", "GRIDCAST_METRICS_PORT", null),
          new Setting(
              "--alert-cpu-percent",
              "GRIDCAST_ALERT_CPU_PERCENT",
              number(AlertThresholds.DEFAULTS.cpuPercent())),
          new Setting(
              "--alert-queue-wait-ms",
              "GRIDCAST_ALERT_QUEUE_WAIT_MS",
              Long.toString(AlertThresholds.DEFAULTS.queueWait().toMillis())),
          new Setting(
              "--alert-memory-mb",
              "GRIDCAST_ALERT_MEMORY_MB",
              Long.toString(AlertThresholds.DEFAULTS.memoryBytes() / (1024 * 1024))),
          new Setting(
              "--alert-operation-ms",
              "GRIDCAST_ALERT_OPERATION_MS",
              Long.toString(AlertThresholds.DEFAULTS.operation().toMillis())),
          new Setting(
              "--alert-error-rate-percent",
              "GRIDCAST_ALERT_ERROR_RATE_PERCENT",
              number(AlertThresholds.DEFAULTS.errorRatePercent())),
          new Setting(
              "--alert-cache-hit-rate-percent",
              "GRIDCAST_ALERT_CACHE_HIT_RATE_PERCENT",
              number(AlertThresholds.DEFAULTS.cacheHitRatePercent())),
          new Setting(
              "--alert-cache-min-lookups",
              "GRIDCAST_ALERT_CACHE_MIN_LOOKUPS",
              Long.toString(AlertThresholds.DEFAULTS.cacheMinLookups())),
          new Setting(
              "--alert-cache-window-minutes",
              "GRIDCAST_ALERT_CACHE_WINDOW_MINUTES",
              Long.toString(AlertThresholds.DEFAULTS.cacheWindow().toMinutes())));

  private static final Map<String, Setting> BY_FLAG = new LinkedHashMap<>();

  static {
    for (Setting s : SETTINGS) {
      BY_FLAG.put(s.flag(), s);
    }
  }

  private final Map<String, String> env;

  /** Reads the process environment. */
  public EnvironmentDefaults() {
    this(System.getenv());
  }

  /** Reads the given variables instead of the process environment. */
  public EnvironmentDefaults(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /** The row of {@code flag}, or null when it is not a process option. */
  public static Setting setting(String flag) {
    return BY_FLAG.get(flag);
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    if (!(arg instanceof OptionSpec option)) {
      return null;
    }
    Setting s = BY_FLAG.get(option.longestName());
    if (s == null) {
      return null;
    }
    String fromEnv = env.get(s.env());
    return fromEnv != null && !fromEnv.isBlank() ? fromEnv : s.defaultValue();
  }

  /** A TTL as {@code --cache-ttl} takes it: whole days, hours, minutes or seconds. */
  static String ttl(Duration d) {
    long s = d.toSeconds();
    if (s % 86_400 == 0) {
      return s / 86_400 + "d";
    }
    if (s % 3_600 == 0) {
      return s / 3_600 + "h";
    }
    return s % 60 == 0 ? s / 60 + "m" : s + "s";
  }

  private static String seconds(Duration d) {
    return number(d.toMillis() / 1e3);
  }

  /** A number without a needless fraction: 80, not 80.0. */
  private static String number(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
