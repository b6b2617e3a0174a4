package io.gridcast.queue;

import java.time.Instant;
import java.util.UUID;

/**
 * What to enqueue: one job of a registered type.
 *
 * @param type stable handler name, e.g. {@code optimization}
 * @param payload JSON text handed to the handler, or null
 * @param priority lower values run first (default {@link #DEFAULT_PRIORITY}); ties run oldest first
 * @param reason free text recorded with the job, or null
 * @param label free text filterable by substring or prefix (the server stores the SKU), or null
 * @param maxAttempts claims allowed before the job fails for good, at least 1
 * @param runAfter earliest start, or null for "now"
 * @param answer null for a job to run; otherwise the job is already answered (say, from a cache):
 *     it is inserted {@code completed} with this JSON result, attempt 0, and never claimed
 * @param continuation null for a job due at {@code runAfter}; otherwise the job runs after a batch
 *     ({@link #withAfterBatch}): inserted {@code waiting}, due when that batch has finished
 */
public record JobSpec(
    String type,
    String payload,
    int priority,
    String reason,
    String label,
    int maxAttempts,
    Instant runAfter,
    String answer,
    Continuation continuation) {

  /** Default priority. */
  public static final int DEFAULT_PRIORITY = 0;

  /** Default attempts: the first run and two retries. */
  public static final int DEFAULT_MAX_ATTEMPTS = 3;

  /** A job to run (no answer yet). */
  public JobSpec(
      String type,
      String payload,
      int priority,
      String reason,
      String label,
      int maxAttempts,
      Instant runAfter) {
    this(type, payload, priority, reason, label, maxAttempts, runAfter, null, null);
  }

  /** A job to run or already answered, due at {@code runAfter} (not a continuation). */
  public JobSpec(
      String type,
      String payload,
      int priority,
      String reason,
      String label,
      int maxAttempts,
      Instant runAfter,
      String answer) {
    this(type, payload, priority, reason, label, maxAttempts, runAfter, answer, null);
  }

  public JobSpec {
    if (type == null || type.isBlank()) {
      throw new IllegalArgumentException("job type must not be blank: '" + type + "'");
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1: " + maxAttempts);
    }
    if (answer != null && continuation != null) {
      throw new IllegalArgumentException(
          "an answered job cannot also wait for batch " + continuation.batchId());
    }
  }

  /** A job of {@code type} with default priority and attempts, due now. */
  public static JobSpec of(String type, String payload) {
    return new JobSpec(type, payload, DEFAULT_PRIORITY, null, null, DEFAULT_MAX_ATTEMPTS, null);
  }

  public JobSpec withPriority(int p) {
    return new JobSpec(
        type, payload, p, reason, label, maxAttempts, runAfter, answer, continuation);
  }

  public JobSpec withReason(String r) {
    return new JobSpec(
        type, payload, priority, r, label, maxAttempts, runAfter, answer, continuation);
  }

  public JobSpec withLabel(String l) {
    return new JobSpec(
        type, payload, priority, reason, l, maxAttempts, runAfter, answer, continuation);
  }

  public JobSpec withMaxAttempts(int m) {
    return new JobSpec(type, payload, priority, reason, label, m, runAfter, answer, continuation);
  }

  public JobSpec withRunAfter(Instant at) {
    return new JobSpec(
        type, payload, priority, reason, label, maxAttempts, at, answer, continuation);
  }

  /**
   * The same job, already answered: inserted {@code completed} with {@code resultJson} as its
   * result (ENQUEUED and COMPLETED events, counted as completed), never claimed or run.
   */
  public JobSpec withAnswer(String resultJson) {
    if (resultJson == null) {
      throw new IllegalArgumentException("an answered job needs a result");
    }
    return new JobSpec(
        type, payload, priority, reason, label, maxAttempts, runAfter, resultJson, continuation);
  }

  /**
   * The same job as a continuation of batch {@code batchId}: inserted {@code waiting} and made due
   * exactly once when every job of that batch has finished (at once when it already has), settled
   * by {@code policy} when some of them failed or were cancelled ({@link Continuation}). The batch
   * may be the one this job is enqueued with. A {@code runAfter} still holds after the release.
   */
  public JobSpec withAfterBatch(UUID batchId, ChildFailurePolicy policy) {
    return new JobSpec(
        type,
        payload,
        priority,
        reason,
        label,
        maxAttempts,
        runAfter,
        answer,
        new Continuation(batchId, policy));
  }
}
