package io.gridcast.server.job;

import io.gridcast.queue.ChildFailurePolicy;
import io.gridcast.queue.JobSpec;
import java.util.UUID;

/**
 * Jobs that run once after a batch has finished: inserted {@code waiting} with the batch's other
 * jobs, and due once none of them is waiting, pending or running. Stateless.
 */
final class Continuations {
  private Continuations() {}

  /**
   * {@code spec} as the continuation of batch {@code batchId}; it runs whatever became of the
   * batch's jobs ({@link ChildFailurePolicy#RUN}), so that a failed node is reported by the
   * continuation, naming it, rather than by a silent cancellation.
   */
  static JobSpec after(UUID batchId, JobSpec spec) {
    return spec.withAfterBatch(batchId, ChildFailurePolicy.RUN);
  }
}
