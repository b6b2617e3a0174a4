package io.gridcast.server.config;

import java.time.Duration;
import java.util.Locale;

/**
 * Monitoring settings of one process ({@code --monitor-interval-seconds}, {@code --metrics-access},
 * the {@code --alert-*} limits), validated at construction.
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

  /** Shortest interval sampling accepts: OSHI's CPU ticks need some time. */
  public static final Duration MIN_INTERVAL = Duration.ofMillis(100);

  /** Longest interval sampling accepts. */
  public static final Duration MAX_INTERVAL = Duration.ofHours(1);

  public static final MetricsAccess DEFAULT_METRICS_ACCESS = MetricsAccess.LOOPBACK;

  public static final MonitorConfig DEFAULTS =
      new MonitorConfig(DEFAULT_INTERVAL, AlertThresholds.DEFAULTS, DEFAULT_METRICS_ACCESS);

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

  @Override
  public String toString() {
    return (sampleInterval.isZero() ? "sampling off" : "sampling every " + sampleInterval)
        + ", /metrics "
        + metricsAccess.key()
        + ", alerts "
        + thresholds;
  }
}
