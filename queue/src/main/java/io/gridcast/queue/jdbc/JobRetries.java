package io.gridcast.queue.jdbc;

import io.gridcast.queue.JobAttempt;
import io.gridcast.queue.JobEventKind;
import io.gridcast.queue.JobStatus;
import io.gridcast.queue.jdbc.ChangeBuffer.JobRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The SQL of a retry, the same on both dialects: copy the ended run of each matching failed or
 * cancelled job into {@code job_attempt}, then put the job back to pending with a fresh attempt
 * budget (a continuation goes back to waiting: {@link Continuations} releases it again, in the same
 * transaction when its batch has finished). Runs inside the caller's transaction; on PostgreSQL the
 * copy locks the rows it reads, so two retries of one job serialise and the second finds it
 * pending. Stateless.
 */
final class JobRetries {
  private JobRetries() {}

  /** A WHERE fragment over {@code job} and how to bind its values. */
  interface Where {
    String sql();

    /** Binds the fragment's values from {@code start}; returns the next free index. */
    int bind(PreparedStatement ps, int start) throws SQLException;
  }

  /** One job by id, of one owner unless {@code ownerId} is null. */
  static Where one(Dialect d, UUID id, String ownerId) {
    return new Where() {
      @Override
      public String sql() {
        return "id = " + d.uuidParam() + (ownerId == null ? "" : " AND owner_id = ?");
      }

      @Override
      public int bind(PreparedStatement ps, int start) throws SQLException {
        int i = start;
        d.setUuid(ps, i++, id);
        if (ownerId != null) {
          ps.setString(i++, ownerId);
        }
        return i;
      }
    };
  }

  /** The jobs a listing filter matches. */
  static Where matching(FilterSql f) {
    return new Where() {
      @Override
      public String sql() {
        return f.where();
      }

      @Override
      public int bind(PreparedStatement ps, int start) throws SQLException {
        return f.bind(ps, start);
      }
    };
  }

  /**
   * The budget the ended run had: its limit minus the attempts counted before it (the newest kept
   * run is the one just copied; the one before it ended where this one began).
   */
  private static final String BUDGET =
      "max_attempts - COALESCE((SELECT MAX(a.attempt) FROM job_attempt a WHERE a.job_id = job.id"
          + " AND a.run < (SELECT MAX(b.run) FROM job_attempt b WHERE b.job_id = job.id)), 0)";

  /** Retries the matching failed and cancelled jobs; returns how many. */
  static int retry(Connection c, Dialect d, ChangeBuffer changes, Where where, Instant now)
      throws SQLException {
    String retryable = " AND status IN ('failed', 'cancelled')";
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO job_attempt (job_id, run, attempt, max_attempts, status, error, result,"
                + " started_at, finished_at, retried_at) SELECT id, (SELECT COUNT(*) FROM"
                + " job_attempt a WHERE a.job_id = job.id) + 1, attempt, max_attempts, status,"
                + " error, result, started_at, finished_at, ? FROM job WHERE "
                + where.sql()
                + retryable
                + d.lockRows())) {
      d.setInstant(ps, 1, now);
      where.bind(ps, 2);
      ps.executeUpdate();
    }
    Map<UUID, Long> turns = turns(c, d, where, retryable, now);
    int n = 0;
    List<UUID> retried = new ArrayList<>();
    for (JobStatus from : List.of(JobStatus.FAILED, JobStatus.CANCELLED)) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE job SET status = CASE WHEN after_batch_id IS NULL THEN 'pending' ELSE"
                  + " 'waiting' END, max_attempts = attempt + "
                  + BUDGET
                  + ", error = NULL, result = NULL, progress = NULL, cancel_requested = false,"
                  + " lease_owner = NULL, lease_expires_at = NULL, started_at = NULL,"
                  + " finished_at = NULL, run_after = ?, updated_at = ? WHERE "
                  + where.sql()
                  + " AND status = ? RETURNING id, owner_id, type, batch_id, label, status")) {
        d.setInstant(ps, 1, now);
        d.setInstant(ps, 2, now);
        int i = where.bind(ps, 3);
        ps.setString(i, from.dbValue());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            JobRef ref = JobRows.ref(rs, d);
            JobStatus to = JobStatus.parse(rs.getString("status"));
            if (to == JobStatus.WAITING) {
              changes.newlyWaiting.add(ref.id());
            } else {
              retried.add(ref.id());
              changes.jobsAvailable = true;
            }
            changes.event(ref, JobEventKind.RETRIED, to, null);
            changes.move(ref.ownerId(), from, to);
            n++;
          }
        }
      }
    }
    setTurns(c, d, retried, turns);
    return n;
  }

  /**
   * Turns for the jobs about to be retried, read before they are pending: each owner's retried jobs
   * queue as new jobs of their priority would ({@link Turns}).
   */
  private static Map<UUID, Long> turns(
      Connection c, Dialect d, Where where, String retryable, Instant now) throws SQLException {
    Map<String, List<UUID>> ids = new LinkedHashMap<>();
    Map<String, List<Integer>> priorities = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, owner_id, priority FROM job WHERE "
                + where.sql()
                + retryable
                + " ORDER BY id")) {
      where.bind(ps, 1);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String owner = rs.getString("owner_id");
          ids.computeIfAbsent(owner, o -> new ArrayList<>()).add(d.getUuid(rs, "id"));
          priorities.computeIfAbsent(owner, o -> new ArrayList<>()).add(rs.getInt("priority"));
        }
      }
    }
    Map<UUID, Long> out = new HashMap<>();
    for (Map.Entry<String, List<UUID>> e : ids.entrySet()) {
      long[] t =
          Turns.assign(c, d, e.getKey(), priorities.get(e.getKey()).toArray(new Integer[0]), now);
      for (int k = 0; k < t.length; k++) {
        out.put(e.getValue().get(k), t[k]);
      }
    }
    return out;
  }

  private static void setTurns(Connection c, Dialect d, List<UUID> retried, Map<UUID, Long> turns)
      throws SQLException {
    if (retried.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE job SET turn = ? WHERE id = " + d.uuidParam())) {
      for (UUID id : retried) {
        ps.setLong(1, turns.getOrDefault(id, 0L));
        d.setUuid(ps, 2, id);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** The kept runs of one job, oldest first. */
  static List<JobAttempt> list(Connection c, Dialect d, UUID jobId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT * FROM job_attempt WHERE job_id = " + d.uuidParam() + " ORDER BY run")) {
      d.setUuid(ps, 1, jobId);
      List<JobAttempt> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new JobAttempt(
                  rs.getInt("run"),
                  rs.getInt("attempt"),
                  rs.getInt("max_attempts"),
                  JobStatus.parse(rs.getString("status")),
                  rs.getString("error"),
                  rs.getString("result"),
                  d.getInstant(rs, "started_at"),
                  d.getInstant(rs, "finished_at"),
                  d.getInstant(rs, "retried_at")));
        }
      }
      return out;
    }
  }
}
