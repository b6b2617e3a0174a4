package io.gridcast.server.monitor;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.util.List;
import java.util.Map;

/**
 * The figures of {@code GET /api/performance/status}.
 *
 * @param monitoring whether sampling runs, and how often
 * @param system the last system sample (null before the first)
 * @param application the last interval's application figures (null before the first)
 * @param queue jobs by status, all owners
 * @param oldestPendingAgeSeconds seconds since the oldest due pending job was enqueued, 0 when none
 *     waits (null in a process without a queue)
 * @param workers the jobs this process may run at once and runs now
 * @param cache the result cache's figures
 * @param alerts the raised alerts
 */
public record PerformanceStatus(
    Sampling monitoring,
    SystemSample system,
    ApplicationFigures application,
    Map<String, Long> queue,
    Double oldestPendingAgeSeconds,
    Workers workers,
    CacheStatus cache,
    List<Alert> alerts) {

  /**
   * @param running whether sampling runs
   * @param intervalSeconds the sampling interval, 0 when stopped
   */
  public record Sampling(boolean running, double intervalSeconds) {}

  /**
   * @param slots the jobs this process may run at once (0 for an API process)
   * @param running job handlers running now
   */
  public record Workers(int slots, int running) {}

  /**
   * The result cache's figures; only {@code hit_rate} (null) without a cache.
   *
   * @param hitRate {@code hits / (hits + misses)}, null before the first lookup
   */
  public record CacheStatus(
      @JsonInclude(Include.NON_NULL) Long hits,
      @JsonInclude(Include.NON_NULL) Long misses,
      Double hitRate,
      @JsonInclude(Include.NON_NULL) Long evictions,
      @JsonInclude(Include.NON_NULL) Long memoryEntries,
      @JsonInclude(Include.NON_NULL) Long diskEntries) {

    static final CacheStatus NONE = new CacheStatus(null, null, null, null, null, null);

    static CacheStatus of(CacheFigures f) {
      return new CacheStatus(
          f.hits(),
          f.misses(),
          f.hitRate().orElse(null),
          f.evictions(),
          f.memoryEntries(),
          f.diskEntries());
    }
  }
}
