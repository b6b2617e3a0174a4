package io.gridcast.queue.jdbc;

import io.gridcast.queue.Continuation;
import io.gridcast.queue.Job;
import io.gridcast.queue.JobAttempt;
import io.gridcast.queue.JobEvent;
import io.gridcast.queue.JobEventKind;
import io.gridcast.queue.JobPage;
import io.gridcast.queue.JobSpec;
import io.gridcast.queue.JobStatus;
import io.gridcast.queue.JobStore;
import io.gridcast.queue.jdbc.ChangeBuffer.JobRef;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The one {@link JobStore}: plain JDBC over a {@link JdbcDatabase}, every difference between the
 * databases in its {@link Dialect} (the claim and completion batches are the dialect's own). The
 * job lifecycle (insert, claim, progress, heartbeat, finish, release, rescue) lives here; cancel,
 * delete, retention and counts in {@link JdbcJobBulk}; lookups, listing and events in {@link
 * JdbcJobReads}. Thread-safe.
 */
public final class JdbcJobStore extends JdbcJobBulk implements JobStore {
  static final String FENCE = " AND status = 'running' AND lease_owner = ? AND attempt = ?";

  private final UuidV7 ids;

  public JdbcJobStore(JdbcDatabase db, InstantSource clock) {
    super(db);
    this.ids = new UuidV7(clock);
  }

  @Override
  public JobInsertResult jobInsertMany(JobInsertManyParams p, SameTransaction work) {
    Instant now = ms(p.now());
    UUID batch = p.batchId() != null ? p.batchId() : ids.next();
    List<UUID> jobIds = new ArrayList<>(p.jobs().size());
    for (int k = 0; k < p.jobs().size(); k++) {
      jobIds.add(ids.next());
    }
    return tx(
        "jobInsertMany",
        now,
        (c, changes) -> {
          if (p.idempotencyKey() != null) {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "INSERT INTO job_idempotency (owner_id, idempotency_key, batch_id, job_ids,"
                        + " created_at) VALUES (?, ?, "
                        + dialect.uuidParam()
                        + ", ?, ?) ON CONFLICT DO NOTHING")) {
              ps.setString(1, p.ownerId());
              ps.setString(2, p.idempotencyKey());
              dialect.setUuid(ps, 3, batch);
              ps.setString(4, String.join(",", jobIds.stream().map(UUID::toString).toList()));
              dialect.setInstant(ps, 5, now);
              if (ps.executeUpdate() == 0) {
                return idempotencyGet(c, p.ownerId(), p.idempotencyKey()).orElseThrow();
              }
            }
          }
          work.run(c, List.copyOf(jobIds));
          Continuations.checkAwaited(c, dialect, p.ownerId(), p.jobs(), batch);
          long[] turns = Turns.assign(c, dialect, p.ownerId(), p.jobs(), now);
          String sql =
              "INSERT INTO job (id, owner_id, type, status, priority, reason, batch_id, label,"
                  + " payload, attempt, max_attempts, run_after, cancel_requested, idempotency_key,"
                  + " created_at, updated_at, result, finished_at, turn, after_batch_id,"
                  + " after_batch_policy) VALUES ("
                  + dialect.uuidParam()
                  + ", ?, ?, ?, ?, ?, "
                  + dialect.uuidParam()
                  + ", ?, "
                  + dialect.jsonParam()
                  + ", 0, ?, ?, ?, ?, ?, ?, "
                  + dialect.jsonParam()
                  + ", ?, ?, "
                  + dialect.uuidParam()
                  + ", ?)";
          boolean pending = false;
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int k = 0; k < p.jobs().size(); k++) {
              JobSpec s = p.jobs().get(k);
              UUID id = jobIds.get(k);
              boolean answered = s.answer() != null;
              Continuation after = s.continuation();
              JobStatus status =
                  answered
                      ? JobStatus.COMPLETED
                      : after != null ? JobStatus.WAITING : JobStatus.PENDING;
              dialect.setUuid(ps, 1, id);
              ps.setString(2, p.ownerId());
              ps.setString(3, s.type());
              ps.setString(4, status.dbValue());
              ps.setInt(5, s.priority());
              ps.setString(6, s.reason());
              dialect.setUuid(ps, 7, batch);
              ps.setString(8, s.label());
              ps.setString(9, s.payload());
              ps.setInt(10, s.maxAttempts());
              dialect.setInstant(ps, 11, s.runAfter() == null ? now : ms(s.runAfter()));
              dialect.setBoolean(ps, 12, false);
              ps.setString(13, p.idempotencyKey());
              dialect.setInstant(ps, 14, now);
              dialect.setInstant(ps, 15, now);
              ps.setString(16, s.answer());
              dialect.setInstant(ps, 17, answered ? now : null);
              ps.setLong(18, turns[k]);
              dialect.setUuid(ps, 19, after == null ? null : after.batchId());
              ps.setString(20, after == null ? null : after.onChildFailure().dbValue());
              ps.addBatch();
              JobRef ref = new JobRef(id, p.ownerId(), s.type(), batch, s.label());
              changes.event(
                  ref,
                  JobEventKind.ENQUEUED,
                  status == JobStatus.WAITING ? JobStatus.WAITING : JobStatus.PENDING,
                  null);
              if (answered) {
                changes.event(ref, JobEventKind.COMPLETED, JobStatus.COMPLETED, null);
              } else if (after != null) {
                changes.newlyWaiting.add(id);
              } else {
                pending = true;
              }
              changes.move(p.ownerId(), null, status);
            }
            ps.executeBatch();
          }
          changes.jobsAvailable = pending;
          return new JobInsertResult(batch, jobIds, true);
        });
  }

  /**
   * Releases waiting continuations whose batch has finished: the same release as the one in the
   * transaction that finishes a batch's last job, for any batch found closed while a continuation
   * still waits.
   */
  @Override
  public int jobContinuationRelease(JobContinuationReleaseParams p) {
    Instant now = ms(p.now());
    return tx(
        "jobContinuationRelease",
        now,
        (c, changes) -> {
          changes.finishedBatches.addAll(Continuations.closedBatches(c, dialect, p.limit()));
          return Continuations.settle(c, dialect, changes, now);
        });
  }

  /** The claim and its frame are the dialect's: {@code SqliteDialect} / {@code PostgresDialect}. */
  @Override
  public List<Job> jobClaim(JobClaimParams p) {
    if (p.limit() <= 0 || p.types().isEmpty()) {
      return List.of();
    }
    return dialect.jobClaim(transactions, p, ms(p.now()));
  }

  @Override
  public Set<UUID> jobFinishMany(JobFinishManyParams p) {
    if (p.outcomes().isEmpty()) {
      return Set.of();
    }
    return dialect.jobFinishMany(transactions, p, ms(p.now()));
  }

  @Override
  public ProgressAck jobProgress(JobProgressParams p) {
    Instant now = ms(p.now());
    String sql =
        "UPDATE job SET progress = "
            + dialect.jsonParam()
            + ", updated_at = ? WHERE id = "
            + dialect.uuidParam()
            + FENCE
            + " RETURNING id, owner_id, type, batch_id, label, cancel_requested";
    return tx(
        "jobProgress",
        now,
        (c, changes) -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, p.progressJson());
            dialect.setInstant(ps, 2, now);
            dialect.setUuid(ps, 3, p.id());
            ps.setString(4, p.workerId());
            ps.setInt(5, p.attempt());
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return new ProgressAck(false, false);
              }
              changes.event(
                  JobRows.ref(rs, dialect),
                  JobEventKind.PROGRESS,
                  JobStatus.RUNNING,
                  p.progressJson());
              return new ProgressAck(true, rs.getBoolean("cancel_requested"));
            }
          }
        });
  }

  @Override
  public HeartbeatResult jobHeartbeat(JobHeartbeatParams p) {
    if (p.attempts().isEmpty()) {
      return new HeartbeatResult(Set.of(), Set.of());
    }
    Instant now = ms(p.now());
    String sql = dialect.heartbeatSql(p.attempts().size());
    return tx(
        "jobHeartbeat",
        now,
        (c, changes) -> {
          Set<UUID> held = new HashSet<>();
          Set<UUID> cancel = new HashSet<>();
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (UUID id : p.attempts().keySet()) {
              dialect.setUuid(ps, i++, id);
            }
            ps.setString(i++, p.workerId());
            dialect.setInstant(ps, i, ms(p.leaseUntil()));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                UUID id = dialect.getUuid(rs, "id");
                if (p.attempts().get(id) == rs.getInt("attempt")) {
                  held.add(id);
                  if (rs.getBoolean("cancel_requested")) {
                    cancel.add(id);
                  }
                }
              }
            }
          }
          return new HeartbeatResult(held, cancel);
        });
  }

  @Override
  public int jobRelease(JobReleaseParams p) {
    Instant now = ms(p.now());
    String sql =
        "UPDATE job SET status = 'pending', attempt = attempt - 1, lease_owner = NULL,"
            + " lease_expires_at = NULL, updated_at = ? WHERE id = "
            + dialect.uuidParam()
            + FENCE
            + " RETURNING id, owner_id, type, batch_id, label";
    return tx(
        "jobRelease",
        now,
        (c, changes) -> {
          int n = 0;
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Map.Entry<UUID, Integer> e : new TreeMap<>(p.attempts()).entrySet()) {
              dialect.setInstant(ps, 1, now);
              dialect.setUuid(ps, 2, e.getKey());
              ps.setString(3, p.workerId());
              ps.setInt(4, e.getValue());
              try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                  JobRef ref = JobRows.ref(rs, dialect);
                  changes.event(ref, JobEventKind.RELEASED, JobStatus.PENDING, null);
                  changes.move(ref.ownerId(), JobStatus.RUNNING, JobStatus.PENDING);
                  n++;
                }
              }
            }
          }
          changes.jobsAvailable = n > 0;
          return n;
        });
  }

  @Override
  public int jobRescueExpired(JobRescueExpiredParams p) {
    Instant now = ms(p.now());
    // cancel_requested is boolean in PostgreSQL and 0/1 in SQLite; both read as a condition.
    String next =
        "CASE WHEN cancel_requested THEN 'cancelled' WHEN attempt >= max_attempts THEN 'failed'"
            + " ELSE 'pending' END";
    String sql =
        "UPDATE job SET status = "
            + next
            + ", error = CASE WHEN cancel_requested THEN error WHEN attempt >= max_attempts THEN"
            + " 'lease expired on attempt ' || attempt || ' of ' || max_attempts ELSE error END,"
            + " finished_at = CASE WHEN cancel_requested OR attempt >= max_attempts THEN "
            + dialect.instantParam()
            + " ELSE"
            + " NULL END, lease_owner = NULL, lease_expires_at = NULL, updated_at = ?"
            + " WHERE id IN (SELECT id FROM job WHERE status = 'running' AND lease_expires_at < ?"
            + " ORDER BY lease_expires_at LIMIT ?"
            + dialect.skipLocked()
            + ") AND status = 'running' RETURNING id, owner_id, type, batch_id, label, status";
    return tx(
        "jobRescueExpired",
        now,
        (c, changes) -> {
          int n = 0;
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            dialect.setInstant(ps, 1, now);
            dialect.setInstant(ps, 2, now);
            dialect.setInstant(ps, 3, now);
            ps.setInt(4, p.limit());
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                JobRef ref = JobRows.ref(rs, dialect);
                JobStatus to = JobStatus.parse(rs.getString("status"));
                JobEventKind kind =
                    switch (to) {
                      case CANCELLED -> JobEventKind.CANCELLED;
                      case FAILED -> JobEventKind.FAILED;
                      default -> JobEventKind.RESCUED;
                    };
                changes.event(ref, kind, to, null);
                changes.move(ref.ownerId(), JobStatus.RUNNING, to);
                changes.jobsAvailable |= to == JobStatus.PENDING;
                n++;
              }
            }
          }
          return n;
        });
  }

  @Override
  public Optional<RetryResult> jobRetry(JobRetryParams p) {
    Instant now = ms(p.now());
    JobRetries.Where one = JobRetries.one(dialect, p.id(), p.ownerId());
    return tx(
        "jobRetry",
        now,
        (c, changes) -> {
          Optional<JobStatus> before = findStatus(c, p.id(), p.ownerId());
          if (before.isEmpty()) {
            return Optional.empty();
          }
          boolean retried = JobRetries.retry(c, dialect, changes, one, now) > 0;
          return Optional.of(new RetryResult(before.get(), retried));
        });
  }

  @Override
  public int jobRetryMany(JobRetryManyParams p) {
    Instant now = ms(p.now());
    JobRetries.Where matching =
        JobRetries.matching(
            new FilterSql(p.filter(), dialect, EnumSet.of(JobStatus.FAILED, JobStatus.CANCELLED)));
    return tx(
        "jobRetryMany", now, (c, changes) -> JobRetries.retry(c, dialect, changes, matching, now));
  }

  @Override
  public List<JobAttempt> jobAttemptList(JobAttemptListParams p) {
    return read("jobAttemptList", c -> JobRetries.list(c, dialect, p.jobId()));
  }

  @Override
  public JobPage jobList(JobListParams p) {
    return list(p);
  }

  @Override
  public List<JobEvent> eventListAfter(EventListAfterParams p) {
    return events(p);
  }
}
