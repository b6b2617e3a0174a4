package io.gridcast.server.monitor;

import io.gridcast.server.config.ConfigException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Monitoring settings of one process, read from the environment at start.
 *
 * @param sampleInterval how often the system sampler reads CPU, memory, disk and network and the
 *     alert rules are evaluated; zero starts the process with sampling off
 * @param thresholds the alert limits
 * @param metricsAccess who may read {@code /metrics}
 */
public record MonitorConfig(
    Duration sampleInterval, AlertThresholds thresholds, MetricsAccess metricsAccess) {

  /** Default sampling interval: a figure every 5 s (the page's charts and the alert rules). */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

  /** Shortest interval {@code monitoring/start} accepts: OSHI's CPU ticks need some time. */
  public static final Duration MIN_INTERVAL = Duration.ofMillis(100);

  /** Longest interval {@code monitoring/start} accepts. */
  public static final Duration MAX_INTERVAL = Duration.ofHours(1);

  public static final MonitorConfig DEFAULTS =
      new MonitorConfig(DEFAULT_INTERVAL, AlertThresholds.DEFAULTS, MetricsAccess.LOOPBACK);

  /** Who may read {@code /metrics}. */
  public enum MetricsAccess {
    /** Connections from this machine (127.0.0.0/8, ::1), or an admin's bearer token. */
    LOOPBACK,
    /** An admin's bearer token only. */
    ADMIN,
    /** Anyone who can reach the port (behind a network that already restricts it). */
    OPEN;

    static MetricsAccess parse(String raw) {
      try {
        return valueOf(raw.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new ConfigException(
            "GRIDCAST_METRICS_ACCESS must be loopback, admin or open, got '" + raw + "'");
      }
    }
  }

  public MonitorConfig {
    if (sampleInterval == null || sampleInterval.isNegative()) {
      throw new ConfigException(
          "GRIDCAST_MONITOR_INTERVAL_SECONDS must be >= 0, got " + sampleInterval);
    }
    if (!sampleInterval.isZero()
        && (sampleInterval.compareTo(MIN_INTERVAL) < 0
            || sampleInterval.compareTo(MAX_INTERVAL) > 0)) {
      throw new ConfigException(
          "GRIDCAST_MONITOR_INTERVAL_SECONDS must be 0 or in 0.1..3600, got " + sampleInterval);
    }
    if (thresholds == null) {
      thresholds = AlertThresholds.DEFAULTS;
    }
    if (metricsAccess == null) {
      metricsAccess = MetricsAccess.LOOPBACK;
    }
  }

  /**
   * Reads {@code GRIDCAST_MONITOR_INTERVAL_SECONDS} (default 5, 0 = off), {@code
   * GRIDCAST_METRICS_ACCESS} (default {@code loopback}) and the {@code GRIDCAST_ALERT_*} limits.
   */
  public static MonitorConfig fromEnv(Map<String, String> env) {
    double seconds =
        AlertThresholds.number(
            env, "GRIDCAST_MONITOR_INTERVAL_SECONDS", DEFAULT_INTERVAL.toMillis() / 1000.0);
    String access = env.get("GRIDCAST_METRICS_ACCESS");
    return new MonitorConfig(
        Duration.ofMillis(Math.round(seconds * 1000)),
        AlertThresholds.fromEnv(env),
        access == null || access.isBlank() ? MetricsAccess.LOOPBACK : MetricsAccess.parse(access));
  }

  public MonitorConfig withSampleInterval(Duration d) {
    return new MonitorConfig(d, thresholds, metricsAccess);
  }

  public MonitorConfig withThresholds(AlertThresholds t) {
    return new MonitorConfig(sampleInterval, t, metricsAccess);
  }

  public MonitorConfig withMetricsAccess(MetricsAccess a) {
    return new MonitorConfig(sampleInterval, thresholds, a);
  }
}
