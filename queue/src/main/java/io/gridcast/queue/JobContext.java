package io.gridcast.queue;

import java.time.Instant;
import java.util.UUID;

/**
 * What a running handler sees of its job. Not thread-safe beyond {@link #cancelRequested()}, which
 * any thread may read.
 */
public interface JobContext {
  UUID id();

  String type();

  String ownerId();

  /** JSON text given at enqueue, or null. */
  String payload();

  String label();

  UUID batchId();

  /** 1 on the first run, 2 on the first retry, ... */
  int attempt();

  int maxAttempts();

  /**
   * When this attempt became due ({@code run_after}): the enqueue time, a later start asked for at
   * enqueue, or the end of a retry's backoff. A rescued or released job keeps it. The time from it
   * to the handler's start is the attempt's wait in the queue.
   */
  Instant dueAt();

  /**
   * Reports progress. The store sees at most one write per second per job (by the queue's clock)
   * plus the last report, written with the outcome; calling this in a tight loop is cheap.
   *
   * @throws JobCancelledException when cancellation was requested
   */
  void progress(long current, long total, String stage, String message);

  /** True once cancellation was requested (seen through heartbeats, progress writes or events). */
  boolean cancelRequested();

  /**
   * @throws JobCancelledException when cancellation was requested
   */
  default void throwIfCancelled() {
    if (cancelRequested()) {
      throw new JobCancelledException(id());
    }
  }
}
