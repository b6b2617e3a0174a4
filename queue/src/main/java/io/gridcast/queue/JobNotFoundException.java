package io.gridcast.queue;

import java.util.UUID;

/** No job with this id is visible to the caller. */
public class JobNotFoundException extends QueueException {
  private final UUID jobId;

  public JobNotFoundException(UUID jobId) {
    super("job not found: " + jobId);
    this.jobId = jobId;
  }

  public UUID jobId() {
    return jobId;
  }
}
