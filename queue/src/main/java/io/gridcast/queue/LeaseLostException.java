package io.gridcast.queue;

import java.util.UUID;

/**
 * The worker no longer holds this job's lease (it expired and another worker may run the job);
 * thrown from {@link JobContext#progress} so the handler stops early. Nothing it does is written.
 */
public class LeaseLostException extends QueueException {
  public LeaseLostException(UUID jobId, int attempt) {
    super("lease lost for job " + jobId + " attempt " + attempt);
  }
}
