package io.gridcast.queue;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The narrow store contract: one method per operation, one parameter record each (River's {@code
 * NounVerb(Params)}). Every state change writes its {@link JobEvent}s and its status-count deltas
 * in the same transaction. All instants come from the caller's clock, never the database's, and are
 * stored at millisecond precision. Worker writes are fenced: they apply only while the row is
 * {@code running} under the same {@code lease_owner} and {@code attempt}. Implementations are
 * thread-safe.
 */
public interface JobStore {

  /** Enqueues all specs in one transaction (10,000 per call is fine). */
  default JobInsertResult jobInsertMany(JobInsertManyParams params) {
    return jobInsertMany(params, SameTransaction.NONE);
  }

  /**
   * Enqueues all specs and, in the same transaction just before the jobs are written, runs the
   * caller's own statements on the same connection: both commit or neither (River's {@code
   * InsertTx}). The caller's work does not run when the idempotency key was used before (the
   * earlier answer is returned and nothing is written).
   */
  JobInsertResult jobInsertMany(JobInsertManyParams params, SameTransaction work);

  /** The caller's statements that must commit together with an insert. */
  @FunctionalInterface
  interface SameTransaction {
    SameTransaction NONE = (c, ids) -> {};

    /**
     * @param jobIds the ids the jobs are about to be written with, in the order of the specs (so
     *     the caller's rows can refer to them)
     */
    void run(Connection connection, List<UUID> jobIds) throws SQLException;
  }

  /** The job, if it exists and (when {@code ownerId} is non-null) belongs to that owner. */
  Optional<Job> jobGet(JobGetParams params);

  /** The job ids an earlier insert stored under this owner's idempotency key, in insert order. */
  Optional<JobInsertResult> jobIdempotencyGet(JobIdempotencyGetParams params);

  /** Claims up to {@code limit} due pending jobs in one statement, by priority then age. */
  List<Job> jobClaim(JobClaimParams params);

  /** Records outcomes of running jobs; returns the ids whose fenced write was accepted. */
  Set<UUID> jobFinishMany(JobFinishManyParams params);

  /** Writes progress (fenced); tells whether cancellation was requested. */
  ProgressAck jobProgress(JobProgressParams params);

  /** Extends the leases of jobs this worker still holds; reports cancellation requests. */
  HeartbeatResult jobHeartbeat(JobHeartbeatParams params);

  /**
   * Gives running jobs back to the queue (graceful stop); the attempt is not counted, and the job
   * keeps its {@code run_after}, so it is claimed again before the jobs queued after it.
   */
  int jobRelease(JobReleaseParams params);

  /**
   * Returns expired-lease jobs to pending, keeping their place in the queue ({@code run_after}
   * unchanged: a dead worker's jobs run next, not after the whole backlog), or fails them after max
   * attempts.
   */
  int jobRescueExpired(JobRescueExpiredParams params);

  /**
   * Releases waiting continuations whose batch has finished, as the transaction finishing the
   * batch's last job does (see {@link Continuation}); the maintenance sweep, for batches closed
   * while a continuation still waits. Looks at up to {@code limit} batches; returns how many
   * continuations left {@code waiting}.
   */
  int jobContinuationRelease(JobContinuationReleaseParams params);

  /**
   * Cancels one job: pending or waiting at once, running by request. Empty if not found for this
   * owner.
   */
  Optional<JobStatus> jobCancel(JobCancelParams params);

  /**
   * Cancels every pending or waiting job matching the filter at once and asks matching running jobs
   * to stop. Cancelling a batch so cancels its own continuations; a continuation of another batch
   * awaiting it is settled by its policy once the batch has finished.
   */
  CancelResult jobCancelMany(JobCancelManyParams params);

  /**
   * Puts one failed or cancelled job back to {@code pending} (a continuation: back to {@code
   * waiting}, released again by the rules of {@link Continuation}, at once when its batch has
   * finished) as a new run: the run it ended is kept as a {@link JobAttempt} ({@link
   * #jobAttemptList}), error, result and progress are cleared, it is due at once, and it gets as
   * many attempts as its last run had ({@code max_attempts = attempt + (max_attempts - attempts
   * before that run)}); {@code attempt} keeps counting. Writes a {@link JobEventKind#RETRIED}
   * event. A pending, running or completed job is left as it is. Empty if not found for this owner.
   */
  Optional<RetryResult> jobRetry(JobRetryParams params);

  /** {@link #jobRetry} for every failed or cancelled job matching the filter; returns the count. */
  int jobRetryMany(JobRetryManyParams params);

  /** The earlier runs of a job kept by its retries, oldest first; empty when never retried. */
  List<JobAttempt> jobAttemptList(JobAttemptListParams params);

  /**
   * Deletes finished (completed, failed, cancelled) jobs matching the filter; returns the count.
   */
  int jobDeleteFinished(JobDeleteFinishedParams params);

  /** Retention: deletes up to {@code limit} jobs finished before the cutoff; returns the count. */
  int jobPrune(JobPruneParams params);

  /**
   * A page of jobs, newest first, by cursor (never OFFSET). Listed jobs carry no {@code payload}
   * and no {@code result} (both null): {@link #jobGet} reads one job whole.
   */
  JobPage jobList(JobListParams params);

  /** Job counts per status (every status present, zero when none). */
  Map<JobStatus, Long> jobCountByStatus(JobCountByStatusParams params);

  /**
   * The enqueue time ({@code created_at}) of the oldest pending job that is due ({@code run_after
   * <= now}), empty when none waits. Jobs waiting out a retry's backoff are not counted until they
   * are due. Reads one row through the {@code (status, id)} index: ids are time-ordered.
   */
  Optional<Instant> jobOldestPending(JobOldestPendingParams params);

  /** Events with {@code seq > afterSeq}, ascending, at most {@code limit}. */
  List<JobEvent> eventListAfter(EventListAfterParams params);

  /** The highest event sequence so far, 0 when none. */
  long eventLatestSeq();

  /** Deletes up to {@code limit} events older than the cutoff; returns the count. */
  int eventPrune(EventPruneParams params);

  /** Folds the status-count deltas into one row per (owner, status). */
  void countCompact();

  // ---- parameter and result records ----

  /**
   * @param batchId null to generate one
   * @param idempotencyKey null for none; same owner and key return the first insert's ids
   */
  record JobInsertManyParams(
      String ownerId, UUID batchId, String idempotencyKey, List<JobSpec> jobs, Instant now) {
    public JobInsertManyParams {
      if (ownerId == null || ownerId.isBlank()) {
        throw new IllegalArgumentException("ownerId must not be blank: '" + ownerId + "'");
      }
      jobs = List.copyOf(jobs);
    }
  }

  /**
   * @param created false when the idempotency key matched an earlier insert
   */
  record JobInsertResult(UUID batchId, List<UUID> jobIds, boolean created) {
    public JobInsertResult {
      jobIds = List.copyOf(jobIds);
    }
  }

  /**
   * @param ownerId null to find any owner's job
   */
  record JobGetParams(UUID id, String ownerId) {}

  record JobIdempotencyGetParams(String ownerId, String idempotencyKey) {}

  /**
   * @param types only these job types (those with a registered handler)
   * @param leaseUntil the new lease expiry
   */
  record JobClaimParams(
      String workerId, Set<String> types, int limit, Instant now, Instant leaseUntil) {
    public JobClaimParams {
      types = Set.copyOf(types);
    }
  }

  /** The end of one attempt. */
  sealed interface Outcome {
    UUID id();

    int attempt();

    /** Last progress not yet written, or null. */
    String progressJson();
  }

  record Completed(UUID id, int attempt, String result, String progressJson) implements Outcome {}

  /**
   * @param retryAt when to run again, or null to fail for good
   */
  record Failed(UUID id, int attempt, String error, Instant retryAt, String progressJson)
      implements Outcome {}

  record Cancelled(UUID id, int attempt, String progressJson) implements Outcome {}

  record JobFinishManyParams(String workerId, List<Outcome> outcomes, Instant now) {
    public JobFinishManyParams {
      outcomes = List.copyOf(outcomes);
    }
  }

  record JobProgressParams(
      UUID id, int attempt, String workerId, String progressJson, Instant now) {}

  /**
   * @param accepted false when the lease was lost
   */
  record ProgressAck(boolean accepted, boolean cancelRequested) {}

  record JobHeartbeatParams(
      String workerId, Map<UUID, Integer> attempts, Instant now, Instant leaseUntil) {
    public JobHeartbeatParams {
      attempts = Map.copyOf(attempts);
    }
  }

  /**
   * @param held jobs whose lease was extended
   * @param cancelRequested held jobs whose cancellation was requested
   */
  record HeartbeatResult(Set<UUID> held, Set<UUID> cancelRequested) {}

  record JobReleaseParams(String workerId, Map<UUID, Integer> attempts, Instant now) {
    public JobReleaseParams {
      attempts = Map.copyOf(attempts);
    }
  }

  record JobRescueExpiredParams(Instant now, int limit) {}

  /**
   * @param limit how many awaited batches to look at
   */
  record JobContinuationReleaseParams(Instant now, int limit) {}

  /**
   * @param ownerId null to cancel any owner's job (admin)
   */
  record JobCancelParams(UUID id, String ownerId, Instant now) {}

  record JobCancelManyParams(JobFilter filter, Instant now) {}

  /**
   * @param cancelled pending jobs cancelled at once
   * @param requested running jobs asked to stop
   */
  record CancelResult(int cancelled, int requested) {}

  /**
   * @param ownerId null to retry any owner's job (admin)
   */
  record JobRetryParams(UUID id, String ownerId, Instant now) {}

  /**
   * @param status the job's status before the call
   * @param retried true when the job was failed or cancelled and is now pending
   */
  record RetryResult(JobStatus status, boolean retried) {}

  /** Only failed and cancelled jobs are retried, whatever statuses the filter names. */
  record JobRetryManyParams(JobFilter filter, Instant now) {}

  record JobAttemptListParams(UUID jobId) {}

  record JobDeleteFinishedParams(JobFilter filter, Instant now) {}

  record JobPruneParams(Instant finishedBefore, int limit) {}

  /**
   * @param cursor null for the first page
   */
  record JobListParams(JobFilter filter, String cursor, int limit) {
    public JobListParams {
      if (limit < 1 || limit > 1000) {
        throw new IllegalArgumentException("limit must be in [1, 1000]: " + limit);
      }
    }
  }

  /**
   * @param ownerId null for all owners
   */
  record JobCountByStatusParams(String ownerId) {}

  /**
   * @param ownerId null for all owners
   * @param now jobs with {@code run_after} later than this are not yet due
   */
  record JobOldestPendingParams(String ownerId, Instant now) {}

  record EventListAfterParams(long afterSeq, int limit) {}

  record EventPruneParams(Instant before, int limit) {}
}
