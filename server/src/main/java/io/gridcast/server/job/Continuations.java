package io.gridcast.server.job;

import io.gridcast.queue.JobSpec;
import java.util.UUID;

/** Jobs that run once after a batch has finished. Stateless. */
final class Continuations {
  private Continuations() {}

  /** {@code spec} as the continuation of batch {@code batchId}. */
  static JobSpec after(UUID batchId, JobSpec spec) {
    return spec;
  }
}
