package io.gridcast.queue.jdbc;

import io.gridcast.queue.JobEventKind;
import io.gridcast.queue.JobStatus;
import io.gridcast.queue.JobStore.CancelResult;
import io.gridcast.queue.JobStore.EventPruneParams;
import io.gridcast.queue.JobStore.JobCancelManyParams;
import io.gridcast.queue.JobStore.JobCancelParams;
import io.gridcast.queue.JobStore.JobCountByStatusParams;
import io.gridcast.queue.JobStore.JobDeleteFinishedParams;
import io.gridcast.queue.JobStore.JobPruneParams;
import io.gridcast.queue.jdbc.ChangeBuffer.JobRef;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The bulk operations of {@link JdbcJobStore}: cancel, delete, retention, counts. Thread-safe. */
abstract sealed class JdbcJobBulk extends JdbcJobReads permits JdbcJobStore {
  JdbcJobBulk(JdbcDatabase db) {
    super(db);
  }

  static Instant ms(Instant i) {
    return i == null ? null : i.truncatedTo(ChronoUnit.MILLIS);
  }

  public Optional<JobStatus> jobCancel(JobCancelParams p) {
    Instant now = ms(p.now());
    String owner = p.ownerId() == null ? "" : " AND owner_id = ?";
    return tx(
        "jobCancel",
        now,
        (c, changes) -> {
          String cancelQueued =
              "UPDATE job SET status = 'cancelled', finished_at = ?, updated_at = ? WHERE id = "
                  + dialect.uuidParam()
                  + " AND status = ?"
                  + owner
                  + " RETURNING id, owner_id, type, batch_id, label";
          for (JobStatus from : List.of(JobStatus.PENDING, JobStatus.WAITING)) {
            try (PreparedStatement ps = c.prepareStatement(cancelQueued)) {
              dialect.setInstant(ps, 1, now);
              dialect.setInstant(ps, 2, now);
              dialect.setUuid(ps, 3, p.id());
              ps.setString(4, from.dbValue());
              if (p.ownerId() != null) {
                ps.setString(5, p.ownerId());
              }
              try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                  cancelled(rs, from, changes);
                  return Optional.of(JobStatus.CANCELLED);
                }
              }
            }
          }
          String request =
              "UPDATE job SET cancel_requested = "
                  + dialect.trueLiteral()
                  + ", updated_at = ? WHERE id = "
                  + dialect.uuidParam()
                  + " AND status = 'running'"
                  + owner
                  + " RETURNING id, owner_id, type, batch_id, label, cancel_requested";
          try (PreparedStatement ps = c.prepareStatement(request)) {
            dialect.setInstant(ps, 1, now);
            dialect.setUuid(ps, 2, p.id());
            if (p.ownerId() != null) {
              ps.setString(3, p.ownerId());
            }
            try (ResultSet rs = ps.executeQuery()) {
              if (rs.next()) {
                changes.event(
                    JobRows.ref(rs, dialect),
                    JobEventKind.CANCEL_REQUESTED,
                    JobStatus.RUNNING,
                    null);
                return Optional.of(JobStatus.RUNNING);
              }
            }
          }
          return findStatus(c, p.id(), p.ownerId());
        });
  }

  /** Records the cancellation of a queued job read from a {@code RETURNING} row. */
  private void cancelled(ResultSet rs, JobStatus from, ChangeBuffer changes) throws SQLException {
    JobRef ref = JobRows.ref(rs, dialect);
    changes.event(ref, JobEventKind.CANCELLED, JobStatus.CANCELLED, null);
    changes.move(ref.ownerId(), from, JobStatus.CANCELLED);
  }

  public CancelResult jobCancelMany(JobCancelManyParams p) {
    Instant now = ms(p.now());
    return tx(
        "jobCancelMany",
        now,
        (c, changes) -> {
          // Running jobs first: a worker finishing one of them then locks the batch's waiting
          // continuations, which the queued-jobs update below may hold; asking first keeps the
          // lock order of both transactions the same (running rows, then waiting rows).
          FilterSql running = new FilterSql(p.filter(), dialect, EnumSet.of(JobStatus.RUNNING));
          int requested = 0;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE job SET cancel_requested = "
                      + dialect.trueLiteral()
                      + ", updated_at = ? WHERE"
                      + running.where()
                      + " AND cancel_requested <> "
                      + dialect.trueLiteral()
                      + " RETURNING id, owner_id, type, batch_id, label")) {
            dialect.setInstant(ps, 1, now);
            running.bind(ps, 2);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                changes.event(
                    JobRows.ref(rs, dialect),
                    JobEventKind.CANCEL_REQUESTED,
                    JobStatus.RUNNING,
                    null);
                requested++;
              }
            }
          }
          int cancelled = 0;
          for (JobStatus from : List.of(JobStatus.PENDING, JobStatus.WAITING)) {
            FilterSql queued = new FilterSql(p.filter(), dialect, EnumSet.of(from));
            try (PreparedStatement ps =
                c.prepareStatement(
                    "UPDATE job SET status = 'cancelled', finished_at = ?, updated_at = ? WHERE"
                        + queued.where()
                        + " RETURNING id, owner_id, type, batch_id, label")) {
              dialect.setInstant(ps, 1, now);
              dialect.setInstant(ps, 2, now);
              queued.bind(ps, 3);
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  cancelled(rs, from, changes);
                  cancelled++;
                }
              }
            }
          }
          return new CancelResult(cancelled, requested);
        });
  }

  public int jobDeleteFinished(JobDeleteFinishedParams p) {
    Instant now = ms(p.now());
    FilterSql f =
        new FilterSql(
            p.filter(),
            dialect,
            EnumSet.of(JobStatus.COMPLETED, JobStatus.FAILED, JobStatus.CANCELLED));
    return tx(
        "jobDeleteFinished",
        now,
        (c, changes) -> {
          int n = 0;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "DELETE FROM job WHERE"
                      + f.where()
                      + " RETURNING id, owner_id, type, batch_id, label, status")) {
            f.bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                JobRef ref = JobRows.ref(rs, dialect);
                JobStatus was = JobStatus.parse(rs.getString("status"));
                changes.event(ref, JobEventKind.DELETED, was, null);
                changes.move(ref.ownerId(), was, null);
                n++;
              }
            }
          }
          return n;
        });
  }

  public int jobPrune(JobPruneParams p) {
    Instant cutoff = ms(p.finishedBefore());
    return tx(
        "jobPrune",
        cutoff,
        (c, changes) -> {
          int n = 0;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "DELETE FROM job WHERE id IN (SELECT id FROM job WHERE finished_at < ? LIMIT ?"
                      + dialect.skipLocked()
                      + ") RETURNING owner_id, status")) {
            dialect.setInstant(ps, 1, cutoff);
            ps.setInt(2, p.limit());
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                changes.move(rs.getString(1), JobStatus.parse(rs.getString(2)), null);
                n++;
              }
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM job_idempotency WHERE created_at < ?")) {
            dialect.setInstant(ps, 1, cutoff);
            ps.executeUpdate();
          }
          return n;
        });
  }

  public int eventPrune(EventPruneParams p) {
    return tx(
        "eventPrune",
        Instant.EPOCH,
        (c, changes) -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "DELETE FROM job_event WHERE seq IN (SELECT seq FROM job_event WHERE at < ?"
                      + " ORDER BY seq LIMIT ?)")) {
            dialect.setInstant(ps, 1, ms(p.before()));
            ps.setInt(2, p.limit());
            return ps.executeUpdate();
          }
        });
  }

  public void countCompact() {
    tx(
        "countCompact",
        Instant.EPOCH,
        (c, changes) -> {
          dialect.compactCounts(c);
          return null;
        });
  }

  public Map<JobStatus, Long> jobCountByStatus(JobCountByStatusParams p) {
    Map<JobStatus, Long> counts = new EnumMap<>(JobStatus.class);
    for (JobStatus s : JobStatus.values()) {
      counts.put(s, 0L);
    }
    read(
        "jobCountByStatus",
        c -> {
          String sql =
              "SELECT status, sum(delta) FROM job_count"
                  + (p.ownerId() == null ? "" : " WHERE owner_id = ?")
                  + " GROUP BY status";
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (p.ownerId() != null) {
              ps.setString(1, p.ownerId());
            }
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                counts.put(JobStatus.parse(rs.getString(1)), rs.getLong(2));
              }
            }
          }
          return null;
        });
    return counts;
  }
}
