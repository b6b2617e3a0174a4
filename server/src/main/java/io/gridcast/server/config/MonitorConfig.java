package io.gridcast.server.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * Monitoring settings of one process ({@code --monitor-interval-seconds}, {@code --metrics-access},
 * {@code --metrics-port}, the {@code --alert-*} limits), validated at construction.
 *
 * @param sampleInterval how often the system sampler reads CPU, memory, disk and network and the
 *     alert rules are evaluated; zero starts the process with sampling off
 * @param thresholds the alert limits
 * @param metricsAccess who may read {@code /metrics}
 * @param metricsPort where a process without an API ({@code gridcast worker}) serves {@code
 *     /metrics} (on the configured host; 0: any free port), or {@link #NO_METRICS_PORT} for none.
 *     Processes with an API serve it on their API port and ignore this.
 */
public record MonitorConfig(
    Duration sampleInterval,
    AlertThresholds thresholds,
    MetricsAccess metricsAccess,
    int metricsPort) {

  /** Default sampling interval: a figure every 5 s (the page's charts and the alert rules). */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

  /** Shortest interval sampling accepts: OSHI's CPU ticks need some time. */
  public static final Duration MIN_INTERVAL = Duration.ofMillis(100);

  /** Longest interval sampling accepts. */
  public static final Duration MAX_INTERVAL = Duration.ofHours(1);

  public static final MetricsAccess DEFAULT_METRICS_ACCESS = MetricsAccess.LOOPBACK;

  /** {@link #metricsPort()} of a worker that serves no {@code /metrics}. */
  public static final int NO_METRICS_PORT = -1;

  /**
   * The values of {@code GRIDCAST_LOG_FORMAT}: the logback configurations {@code logback.xml}
   * includes.
   */
  public static final Set<String> LOG_FORMATS = Set.of("text", "json");

  public static final MonitorConfig DEFAULTS =
      new MonitorConfig(
          DEFAULT_INTERVAL, AlertThresholds.DEFAULTS, DEFAULT_METRICS_ACCESS, NO_METRICS_PORT);

  /** Who may read {@code /metrics}. */
  public enum MetricsAccess {
    /** Connections from this machine (127.0.0.0/8, ::1), or an admin's bearer token. */
    LOOPBACK,
    /** An admin's bearer token only. */
    ADMIN,
    /** Anyone who can reach the port (behind a network that already restricts it). */
    OPEN;

    /** {@code loopback}, {@code admin} or {@code open}, any case. */
    public static MetricsAccess parse(String raw) {
      try {
        return valueOf(raw.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new ConfigException(
            "--metrics-access / GRIDCAST_METRICS_ACCESS must be loopback, admin or open, got '"
                + raw
                + "'");
      }
    }

    /** The name as the flag takes it. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public MonitorConfig {
    if (sampleInterval == null || sampleInterval.isNegative()) {
      throw new ConfigException(
          "--monitor-interval-seconds / GRIDCAST_MONITOR_INTERVAL_SECONDS must be >= 0, got "
              + sampleInterval);
    }
    if (!sampleInterval.isZero()
        && (sampleInterval.compareTo(MIN_INTERVAL) < 0
            || sampleInterval.compareTo(MAX_INTERVAL) > 0)) {
      throw new ConfigException(
          "--monitor-interval-seconds / GRIDCAST_MONITOR_INTERVAL_SECONDS must be 0 or in"
              + " 0.1..3600, got "
              + sampleInterval.toMillis() / 1e3);
    }
    if (thresholds == null) {
      thresholds = AlertThresholds.DEFAULTS;
    }
    if (metricsAccess == null) {
      metricsAccess = DEFAULT_METRICS_ACCESS;
    }
    if (metricsPort < NO_METRICS_PORT || metricsPort > 65535) {
      throw new ConfigException(
          "--metrics-port / GRIDCAST_METRICS_PORT must be in 0..65535, got " + metricsPort);
    }
  }

  /**
   * Refuses a {@code GRIDCAST_LOG_FORMAT} other than {@code text} or {@code json} (null: not set):
   * logback would find no configuration of that name and drop every log line without a word.
   */
  public static void checkLogFormat(String format) {
    if (format != null && !LOG_FORMATS.contains(format)) {
      throw new ConfigException("GRIDCAST_LOG_FORMAT must be text or json, got '" + format + "'");
    }
  }

  public MonitorConfig withSampleInterval(Duration d) {
    return new MonitorConfig(d, thresholds, metricsAccess, metricsPort);
  }

  public MonitorConfig withThresholds(AlertThresholds t) {
    return new MonitorConfig(sampleInterval, t, metricsAccess, metricsPort);
  }

  public MonitorConfig withMetricsAccess(MetricsAccess a) {
    return new MonitorConfig(sampleInterval, thresholds, a, metricsPort);
  }

  public MonitorConfig withMetricsPort(int port) {
    return new MonitorConfig(sampleInterval, thresholds, metricsAccess, port);
  }

  @Override
  public String toString() {
    return (sampleInterval.isZero() ? "sampling off" : "sampling every " + sampleInterval)
        + ", /metrics "
        + metricsAccess.key()
        + (metricsPort == NO_METRICS_PORT ? "" : " on port " + metricsPort)
        + ", alerts "
        + thresholds;
  }
}
