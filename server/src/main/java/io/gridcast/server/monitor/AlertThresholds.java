package io.gridcast.server.monitor;

import io.gridcast.server.config.ConfigException;
import java.time.Duration;
import java.util.Map;

/**
 * The limits beyond which an alert is raised. Upper bounds: CPU, memory, operation duration and
 * error rate; lower bound: cache hit rate. Defaults follow the monitoring design note: 80 % CPU, 1
 * GiB resident memory, 1 s for one API call, 5 % errors, 50 % cache hits.
 *
 * @param cpuPercent system CPU load in percent (0..100)
 * @param memoryBytes resident memory of this process
 * @param operation the slowest API call of a sampling interval
 * @param errorRatePercent share of failed calls and jobs in a sampling interval, in percent
 * @param cacheHitRatePercent the least acceptable result-cache hit rate, in percent
 */
public record AlertThresholds(
    double cpuPercent,
    long memoryBytes,
    Duration operation,
    double errorRatePercent,
    double cacheHitRatePercent) {

  public static final AlertThresholds DEFAULTS =
      new AlertThresholds(80, 1024L * 1024 * 1024, Duration.ofSeconds(1), 5, 50);

  public AlertThresholds {
    percent("GRIDCAST_ALERT_CPU_PERCENT", cpuPercent);
    percent("GRIDCAST_ALERT_ERROR_RATE_PERCENT", errorRatePercent);
    percent("GRIDCAST_ALERT_CACHE_HIT_RATE_PERCENT", cacheHitRatePercent);
    if (memoryBytes < 1) {
      throw new ConfigException("GRIDCAST_ALERT_MEMORY_MB must be positive, got " + memoryBytes);
    }
    if (operation == null || operation.isNegative() || operation.isZero()) {
      throw new ConfigException("GRIDCAST_ALERT_OPERATION_MS must be positive, got " + operation);
    }
  }

  private static void percent(String name, double v) {
    if (!(v > 0 && v <= 100)) {
      throw new ConfigException(name + " must be in (0, 100], got " + v);
    }
  }

  /**
   * Reads {@code GRIDCAST_ALERT_CPU_PERCENT}, {@code GRIDCAST_ALERT_MEMORY_MB}, {@code
   * GRIDCAST_ALERT_OPERATION_MS}, {@code GRIDCAST_ALERT_ERROR_RATE_PERCENT} and {@code
   * GRIDCAST_ALERT_CACHE_HIT_RATE_PERCENT}; a missing variable keeps its default.
   */
  public static AlertThresholds fromEnv(Map<String, String> env) {
    AlertThresholds d = DEFAULTS;
    return new AlertThresholds(
        number(env, "GRIDCAST_ALERT_CPU_PERCENT", d.cpuPercent()),
        (long)
            (number(env, "GRIDCAST_ALERT_MEMORY_MB", d.memoryBytes() / (1024.0 * 1024))
                * 1024
                * 1024),
        Duration.ofMillis(
            (long) number(env, "GRIDCAST_ALERT_OPERATION_MS", d.operation().toMillis())),
        number(env, "GRIDCAST_ALERT_ERROR_RATE_PERCENT", d.errorRatePercent()),
        number(env, "GRIDCAST_ALERT_CACHE_HIT_RATE_PERCENT", d.cacheHitRatePercent()));
  }

  public AlertThresholds withOperation(Duration d) {
    return new AlertThresholds(cpuPercent, memoryBytes, d, errorRatePercent, cacheHitRatePercent);
  }

  public AlertThresholds withMemoryBytes(long bytes) {
    return new AlertThresholds(cpuPercent, bytes, operation, errorRatePercent, cacheHitRatePercent);
  }

  static double number(Map<String, String> env, String name, double dflt) {
    String raw = env.get(name);
    if (raw == null || raw.isBlank()) {
      return dflt;
    }
    try {
      return Double.parseDouble(raw.strip());
    } catch (NumberFormatException e) {
      throw new ConfigException(name + " must be a number, got '" + raw + "'");
    }
  }
}
