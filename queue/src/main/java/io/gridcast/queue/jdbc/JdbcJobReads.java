package io.gridcast.queue.jdbc;

import io.gridcast.queue.Job;
import io.gridcast.queue.JobEvent;
import io.gridcast.queue.JobPage;
import io.gridcast.queue.JobStatus;
import io.gridcast.queue.JobStore.EventListAfterParams;
import io.gridcast.queue.JobStore.JobGetParams;
import io.gridcast.queue.JobStore.JobIdempotencyGetParams;
import io.gridcast.queue.JobStore.JobInsertResult;
import io.gridcast.queue.JobStore.JobListParams;
import io.gridcast.queue.JobStore.JobOldestPendingParams;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The read side of {@link JdbcJobStore}: lookups, listing and events. Thread-safe. */
abstract sealed class JdbcJobReads permits JdbcJobBulk {
  final Transactions transactions;
  final Dialect dialect;

  JdbcJobReads(JdbcDatabase db) {
    this.transactions = new Transactions(db);
    this.dialect = db.dialect();
  }

  <T> T read(String op, SqlWork<T> work) {
    return transactions.read(op, work);
  }

  <T> T tx(String op, Instant now, Transactions.TxWork<T> work) {
    return transactions.inTx(op, now, work);
  }

  public Optional<Job> jobGet(JobGetParams p) {
    String sql =
        "SELECT * FROM job WHERE id = "
            + dialect.uuidParam()
            + (p.ownerId() == null ? "" : " AND owner_id = ?");
    return read(
        "jobGet",
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            dialect.setUuid(ps, 1, p.id());
            if (p.ownerId() != null) {
              ps.setString(2, p.ownerId());
            }
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(JobRows.job(rs, dialect)) : Optional.empty();
            }
          }
        });
  }

  public Optional<JobInsertResult> jobIdempotencyGet(JobIdempotencyGetParams p) {
    return read("jobIdempotencyGet", c -> idempotencyGet(c, p.ownerId(), p.idempotencyKey()));
  }

  Optional<JobInsertResult> idempotencyGet(Connection c, String owner, String key)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT batch_id, job_ids FROM job_idempotency WHERE owner_id = ? AND"
                + " idempotency_key = ?")) {
      ps.setString(1, owner);
      ps.setString(2, key);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        String ids = rs.getString("job_ids");
        List<UUID> jobIds =
            ids.isEmpty()
                ? List.of()
                : Arrays.stream(ids.split(",")).map(UUID::fromString).toList();
        return Optional.of(new JobInsertResult(dialect.getUuid(rs, "batch_id"), jobIds, false));
      }
    }
  }

  Optional<JobStatus> findStatus(Connection c, UUID id, String owner) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT status FROM job WHERE id = "
                + dialect.uuidParam()
                + (owner == null ? "" : " AND owner_id = ?"))) {
      dialect.setUuid(ps, 1, id);
      if (owner != null) {
        ps.setString(2, owner);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(JobStatus.parse(rs.getString(1))) : Optional.empty();
      }
    }
  }

  /**
   * A listing's columns: every column but the two large JSON documents, which come back as null (a
   * finished optimization's result is kilobytes of forecasts; a page of 50 would move megabytes
   * that a status view never shows). {@code jobGet} reads them.
   */
  private static final String LIST_COLUMNS =
      "id, owner_id, type, status, priority, reason, batch_id, label, NULL AS payload, progress,"
          + " NULL AS result, error, attempt, max_attempts, run_after, lease_owner,"
          + " lease_expires_at, cancel_requested, idempotency_key, created_at, started_at,"
          + " updated_at, finished_at, after_batch_id, after_batch_policy";

  JobPage list(JobListParams p) {
    UUID after = null;
    if (p.cursor() != null) {
      try {
        after = UUID.fromString(p.cursor());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("malformed job cursor: '" + p.cursor() + "'", e);
      }
    }
    FilterSql f = new FilterSql(p.filter(), dialect, EnumSet.allOf(JobStatus.class));
    String sql =
        "SELECT "
            + LIST_COLUMNS
            + " FROM job WHERE"
            + f.where()
            + (after == null ? "" : " AND id < " + dialect.uuidParam())
            + " ORDER BY id DESC LIMIT ?";
    UUID cursor = after;
    return read(
        "jobList",
        c -> {
          List<Job> jobs = new ArrayList<>();
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = f.bind(ps, 1);
            if (cursor != null) {
              dialect.setUuid(ps, i++, cursor);
            }
            ps.setInt(i, p.limit() + 1);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                jobs.add(JobRows.job(rs, dialect));
              }
            }
          }
          if (jobs.size() > p.limit()) {
            List<Job> page = jobs.subList(0, p.limit());
            return new JobPage(page, page.get(page.size() - 1).id().toString());
          }
          return new JobPage(jobs, null);
        });
  }

  List<JobEvent> events(EventListAfterParams p) {
    return read(
        "eventListAfter",
        c -> {
          List<JobEvent> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement("SELECT * FROM job_event WHERE seq > ? ORDER BY seq LIMIT ?")) {
            ps.setLong(1, p.afterSeq());
            ps.setInt(2, p.limit());
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(JobRows.event(rs, dialect));
              }
            }
          }
          return out;
        });
  }

  public Optional<Instant> jobOldestPending(JobOldestPendingParams p) {
    // The status as a range and ORDER BY status, id: the (status, id) index answers in id order
    // and stops at the first due row. With "status = 'pending'" PostgreSQL drops status from the
    // order and walks the primary key instead, filtering every older finished job on the way (48 ms
    // on 100,000 of them and growing with the history; docs/benchmarks.md).
    String sql =
        "SELECT created_at FROM job WHERE status >= 'pending' AND status <= 'pending'"
            + " AND run_after <= ?"
            + (p.ownerId() == null ? "" : " AND owner_id = ?")
            + " ORDER BY status, id LIMIT 1";
    return read(
        "jobOldestPending",
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            dialect.setInstant(ps, 1, p.now());
            if (p.ownerId() != null) {
              ps.setString(2, p.ownerId());
            }
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next()
                  ? Optional.of(dialect.getInstant(rs, "created_at"))
                  : Optional.<Instant>empty();
            }
          }
        });
  }

  public long eventLatestSeq() {
    return read(
        "eventLatestSeq",
        c -> {
          try (PreparedStatement ps =
                  c.prepareStatement("SELECT coalesce(max(seq), 0) FROM job_event");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }
}
