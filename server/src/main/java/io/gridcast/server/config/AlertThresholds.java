package io.gridcast.server.config;

import java.time.Duration;

/**
 * The limits beyond which an alert is raised. Upper bounds: CPU (only while the API is starved),
 * memory, operation duration and error rate; lower bound: cache hit rate. Defaults: 80 % CPU, 1 GiB
 * resident memory, 1 s for one interactive API call, 100 ms for a request to get a thread, 5 %
 * errors, 50 % cache hits over the last hour once it had at least 1,000 lookups.
 *
 * @param cpuPercent system CPU load in percent (0..100) that, together with a starved API, raises
 *     the CPU alert
 * @param memoryBytes resident memory of this process
 * @param operation the slowest interactive API call of a sampling interval; also the latency that
 *     counts the API as starved for the CPU rule
 * @param queueWait how long a new request may wait for a thread before the API counts as starved
 * @param errorRatePercent share of failed calls and jobs in a sampling interval, in percent
 * @param cacheHitRatePercent the least acceptable result-cache hit rate over {@code cacheWindow}
 * @param cacheMinLookups fewest lookups in {@code cacheWindow} for the hit rate to be judged
 * @param cacheWindow the span the hit rate is measured over; not judged before the process has
 *     sampled for that long
 */
public record AlertThresholds(
    double cpuPercent,
    long memoryBytes,
    Duration operation,
    Duration queueWait,
    double errorRatePercent,
    double cacheHitRatePercent,
    long cacheMinLookups,
    Duration cacheWindow) {

  public static final AlertThresholds DEFAULTS =
      new AlertThresholds(
          80,
          1024L * 1024 * 1024,
          Duration.ofSeconds(1),
          Duration.ofMillis(100),
          5,
          50,
          1000,
          Duration.ofHours(1));

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
    positive("--alert-operation-ms / GRIDCAST_ALERT_OPERATION_MS", operation);
    positive("--alert-queue-wait-ms / GRIDCAST_ALERT_QUEUE_WAIT_MS", queueWait);
    if (cacheWindow == null || cacheWindow.toMinutes() < 1) {
      throw new ConfigException(
          "--alert-cache-window-minutes / GRIDCAST_ALERT_CACHE_WINDOW_MINUTES must be at least 1,"
              + " got "
              + (cacheWindow == null ? null : cacheWindow.toSeconds() / 60.0));
    }
    if (cacheMinLookups < 1) {
      throw new ConfigException(
          "--alert-cache-min-lookups / GRIDCAST_ALERT_CACHE_MIN_LOOKUPS must be at least 1, got "
              + cacheMinLookups);
    }
  }

  private static void percent(String name, double v) {
    if (!(v > 0 && v <= 100)) {
      throw new ConfigException(name + " must be in (0, 100], got " + v);
    }
  }

  private static void positive(String name, Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new ConfigException(
          name + " must be positive, got " + (d == null ? null : d.toMillis()));
    }
  }

  public AlertThresholds withCpuPercent(double percent) {
    return new AlertThresholds(
        percent,
        memoryBytes,
        operation,
        queueWait,
        errorRatePercent,
        cacheHitRatePercent,
        cacheMinLookups,
        cacheWindow);
  }

  public AlertThresholds withOperation(Duration d) {
    return new AlertThresholds(
        cpuPercent,
        memoryBytes,
        d,
        queueWait,
        errorRatePercent,
        cacheHitRatePercent,
        cacheMinLookups,
        cacheWindow);
  }

  public AlertThresholds withQueueWait(Duration d) {
    return new AlertThresholds(
        cpuPercent,
        memoryBytes,
        operation,
        d,
        errorRatePercent,
        cacheHitRatePercent,
        cacheMinLookups,
        cacheWindow);
  }

  public AlertThresholds withMemoryBytes(long bytes) {
    return new AlertThresholds(
        cpuPercent,
        bytes,
        operation,
        queueWait,
        errorRatePercent,
        cacheHitRatePercent,
        cacheMinLookups,
        cacheWindow);
  }

  /** The cache rule judged over {@code window} once it saw at least {@code minLookups}. */
  public AlertThresholds withCacheWindow(Duration window, long minLookups) {
    return new AlertThresholds(
        cpuPercent,
        memoryBytes,
        operation,
        queueWait,
        errorRatePercent,
        cacheHitRatePercent,
        minLookups,
        window);
  }
}
