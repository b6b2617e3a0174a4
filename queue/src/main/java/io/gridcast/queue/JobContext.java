package io.gridcast.queue;

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
