package io.gridcast.queue.worker;

import io.gridcast.queue.JobHandler;
import io.gridcast.queue.RetryPolicy;
import java.time.Duration;
import java.util.Map;

/**
 * Everything a {@link WorkerPool} needs, validated by {@code JobQueue.Builder}.
 *
 * @param slots handler threads; 0 runs no handlers (an API-only process still runs maintenance)
 * @param lease how long a claim stays valid without a heartbeat
 * @param heartbeat how often leases are renewed and cancellation requests collected
 * @param pollInterval the safety-net poll when no wake-up arrives
 * @param claimAheadBudget claimed-ahead jobs are expected to wait at most this long for a slot;
 *     zero claims for free slots only (see {@link ClaimAhead})
 * @param maintenanceInterval how often expired leases are rescued, retention and folding run
 * @param retention finished jobs older than this are pruned
 * @param eventRetention events older than this are pruned
 * @param handlers by type name
 */
public record PoolSettings(
    String workerId,
    int slots,
    Duration lease,
    Duration heartbeat,
    Duration pollInterval,
    Duration claimAheadBudget,
    Duration maintenanceInterval,
    Duration retention,
    Duration eventRetention,
    RetryPolicy retryPolicy,
    Map<String, Registration> handlers) {

  public PoolSettings {
    handlers = Map.copyOf(handlers);
  }

  /**
   * @param maxConcurrency at most this many of the type at once in this pool; 0 for no limit
   */
  public record Registration(String type, JobHandler handler, int maxConcurrency) {}
}
