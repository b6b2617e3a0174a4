package io.gridcast.server.config;

import java.time.Duration;

/**
 * The limits beyond which an alert is raised. Upper bounds: CPU, memory, operation duration and
 * error rate; lower bound: cache hit rate. Defaults: 80 % CPU, 1 GiB resident memory, 1 s for one
 * API call, 5 % errors, 50 % cache hits.
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
    percent("--alert-cpu-percent / GRIDCAST_ALERT_CPU_PERCENT", cpuPercent);
    percent("--alert-error-rate-percent / GRIDCAST_ALERT_ERROR_RATE_PERCENT", errorRatePercent);
    percent(
        "--alert-cache-hit-rate-percent / GRIDCAST_ALERT_CACHE_HIT_RATE_PERCENT",
        cacheHitRatePercent);
    if (memoryBytes < 1) {
      throw new ConfigException(
          "--alert-memory-mb / GRIDCAST_ALERT_MEMORY_MB must be positive, got "
              + memoryBytes / (1024.0 * 1024));
    }
    if (operation == null || operation.isNegative() || operation.isZero()) {
      throw new ConfigException(
          "--alert-operation-ms / GRIDCAST_ALERT_OPERATION_MS must be positive, got "
              + (operation == null ? null : operation.toMillis()));
    }
  }

  private static void percent(String name, double v) {
    if (!(v > 0 && v <= 100)) {
      throw new ConfigException(name + " must be in (0, 100], got " + v);
    }
  }

  public AlertThresholds withOperation(Duration d) {
    return new AlertThresholds(cpuPercent, memoryBytes, d, errorRatePercent, cacheHitRatePercent);
  }

  public AlertThresholds withMemoryBytes(long bytes) {
    return new AlertThresholds(cpuPercent, bytes, operation, errorRatePercent, cacheHitRatePercent);
  }
}
