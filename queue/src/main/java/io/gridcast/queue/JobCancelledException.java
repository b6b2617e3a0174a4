package io.gridcast.queue;

import java.util.UUID;

/**
 * Thrown inside a handler (by {@link JobContext#progress} or {@link JobContext#throwIfCancelled})
 * once cancellation was requested; the worker then records the job as {@code cancelled}.
 */
public class JobCancelledException extends QueueException {
  public JobCancelledException(UUID jobId) {
    super("job cancelled: " + jobId);
  }
}
