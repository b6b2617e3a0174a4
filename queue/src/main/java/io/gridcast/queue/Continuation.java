package io.gridcast.queue;

import java.util.UUID;

/**
 * A job that runs after a batch: it is stored {@code waiting} and becomes {@code pending} (or, by
 * its {@link ChildFailurePolicy}, {@code cancelled} or {@code failed}) exactly once, when every job
 * of batch {@code batchId} is finished. The batch's own continuations (jobs of that batch awaiting
 * it) do not count as its jobs, so a continuation may be enqueued together with the jobs it awaits.
 *
 * <pre>
 *   awaited(B)  = { j : j.batch = B and not (j.after_batch = B) }
 *   B finished  = every j in awaited(B) is completed, failed or cancelled
 *   bad(B)      = |{ j in awaited(B) : j failed or cancelled }|
 *   on release  = pending                 if bad(B) = 0 or policy = RUN
 *                 cancelled (error)       if policy = SKIP
 *                 failed (error)          if policy = FAIL
 * </pre>
 *
 * @param batchId the batch awaited (the continuation's own batch or another one)
 * @param onChildFailure what to do when some of the batch's jobs failed or were cancelled
 */
public record Continuation(UUID batchId, ChildFailurePolicy onChildFailure) {
  public Continuation {
    if (batchId == null) {
      throw new IllegalArgumentException("a continuation needs the batch id it awaits: null");
    }
    if (onChildFailure == null) {
      throw new IllegalArgumentException(
          "a continuation needs a child failure policy (run, skip or fail): null");
    }
  }
}
