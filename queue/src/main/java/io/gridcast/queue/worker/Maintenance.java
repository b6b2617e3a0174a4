package io.gridcast.queue.worker;

import io.gridcast.queue.JobStore;
import io.gridcast.queue.JobStore.EventPruneParams;
import io.gridcast.queue.JobStore.JobContinuationReleaseParams;
import io.gridcast.queue.JobStore.JobPruneParams;
import io.gridcast.queue.JobStore.JobRescueExpiredParams;
import java.time.InstantSource;

/**
 * Periodic chores, safe to run from every process at once: rescue jobs whose lease expired, release
 * continuations whose batch has finished, prune finished jobs past retention and old events, in
 * batches of {@value #BATCH} ({@link #runOnce}, every maintenance interval), and fold count deltas
 * ({@link #foldCounts}, on its own, shorter period).
 */
public final class Maintenance {
  static final int BATCH = 1000;
  private static final int MAX_BATCHES_PER_RUN = 50;

  private final JobStore store;
  private final PoolSettings settings;
  private final InstantSource clock;

  Maintenance(JobStore store, PoolSettings settings, InstantSource clock) {
    this.store = store;
    this.settings = settings;
    this.clock = clock;
  }

  /** Returns the number of jobs rescued. */
  public int rescueExpired() {
    int total = 0;
    for (int k = 0; k < MAX_BATCHES_PER_RUN; k++) {
      int n = store.jobRescueExpired(new JobRescueExpiredParams(clock.instant(), BATCH));
      total += n;
      if (n < BATCH) {
        break;
      }
    }
    return total;
  }

  /**
   * Releases waiting continuations whose batch has finished (normally released by the transaction
   * that finished the batch; this covers any batch closed while one still waits). Returns how many.
   */
  public int releaseContinuations() {
    int total = 0;
    for (int k = 0; k < MAX_BATCHES_PER_RUN; k++) {
      int n =
          store.jobContinuationRelease(new JobContinuationReleaseParams(clock.instant(), BATCH));
      total += n;
      if (n == 0) {
        break;
      }
    }
    return total;
  }

  /** Returns the number of finished jobs pruned. */
  public int pruneFinished() {
    int total = 0;
    for (int k = 0; k < MAX_BATCHES_PER_RUN; k++) {
      int n =
          store.jobPrune(new JobPruneParams(clock.instant().minus(settings.retention()), BATCH));
      total += n;
      if (n < BATCH) {
        break;
      }
    }
    return total;
  }

  public int pruneEvents() {
    int total = 0;
    for (int k = 0; k < MAX_BATCHES_PER_RUN; k++) {
      int n =
          store.eventPrune(
              new EventPruneParams(clock.instant().minus(settings.eventRetention()), BATCH));
      total += n;
      if (n < BATCH) {
        break;
      }
    }
    return total;
  }

  /** Rescue, continuation release, retention and event pruning, once. */
  public void runOnce() {
    rescueExpired();
    releaseContinuations();
    pruneFinished();
    pruneEvents();
  }

  /** Folds the status-count deltas (PostgreSQL appends them; SQLite has nothing to fold). */
  public void foldCounts() {
    store.countCompact();
  }
}
