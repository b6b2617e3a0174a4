package io.gridcast.queue.jdbc;

import io.gridcast.queue.JobEventKind;
import io.gridcast.queue.JobStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The side effects of one transaction, written just before it commits: events, status-count deltas
 * and the NOTIFY. Not thread-safe: one per transaction.
 */
final class ChangeBuffer {
  /** The identity of a job as events and counts need it. */
  record JobRef(UUID id, String ownerId, String type, UUID batchId, String label) {}

  private record Ev(JobRef job, JobEventKind kind, JobStatus status, String progress) {}

  private record CountKey(String ownerId, JobStatus status) {}

  private final List<Ev> events = new ArrayList<>();
  private final Map<CountKey, Long> deltas = new HashMap<>();
  boolean jobsAvailable;

  /** Batches with a job finished in this transaction: their continuations may be due. */
  final Set<UUID> finishedBatches = new TreeSet<>();

  /** Jobs made {@code waiting} in this transaction (inserted or retried continuations). */
  final Set<UUID> newlyWaiting = new TreeSet<>();

  /**
   * Events were written by the statement itself (PostgreSQL hot path); still wake local readers.
   */
  boolean statementEvents;

  void event(JobRef job, JobEventKind kind, JobStatus status, String progress) {
    events.add(new Ev(job, kind, status, progress));
    if (status.isFinished() && kind != JobEventKind.DELETED) {
      finishedBatches.add(job.batchId());
    }
  }

  /** True when continuations may have to be released before commit ({@link Continuations}). */
  boolean continuationsToCheck() {
    return !finishedBatches.isEmpty() || !newlyWaiting.isEmpty();
  }

  void move(String ownerId, JobStatus from, JobStatus to) {
    if (from != null) {
      deltas.merge(new CountKey(ownerId, from), -1L, Long::sum);
    }
    if (to != null) {
      deltas.merge(new CountKey(ownerId, to), 1L, Long::sum);
    }
  }

  boolean hasEvents() {
    return !events.isEmpty() || statementEvents;
  }

  void flush(Connection c, Dialect d, Instant now) throws SQLException {
    if (!events.isEmpty()) {
      String sql =
          "INSERT INTO job_event (job_id, owner_id, type, kind, status, batch_id, label, progress,"
              + " at) VALUES ("
              + d.uuidParam()
              + ", ?, ?, ?, ?, "
              + d.uuidParam()
              + ", ?, "
              + d.jsonParam()
              + ", ?)";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (Ev e : events) {
          d.setUuid(ps, 1, e.job.id());
          ps.setString(2, e.job.ownerId());
          ps.setString(3, e.job.type());
          ps.setString(4, e.kind.name());
          ps.setString(5, e.status.dbValue());
          d.setUuid(ps, 6, e.job.batchId());
          ps.setString(7, e.job.label());
          ps.setString(8, e.progress);
          d.setInstant(ps, 9, now);
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    deltas.values().removeIf(v -> v == 0);
    if (!deltas.isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement(d.countAddSql())) {
        for (Map.Entry<CountKey, Long> e : deltas.entrySet()) {
          ps.setString(1, e.getKey().ownerId());
          ps.setString(2, e.getKey().status().dbValue());
          ps.setLong(3, e.getValue());
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    if (jobsAvailable || !events.isEmpty()) {
      d.notifyOthers(c, (jobsAvailable ? "p" : "") + (events.isEmpty() ? "" : "e"));
    }
  }
}
