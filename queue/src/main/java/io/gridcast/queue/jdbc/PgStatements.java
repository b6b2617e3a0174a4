package io.gridcast.queue.jdbc;

import java.util.Collections;

/**
 * PostgreSQL's hot-path statements: claim and completion each write their job rows, events, count
 * deltas and NOTIFY in ONE statement (data-modifying CTEs), so a batch costs one round trip however
 * many jobs it holds. SQLite, being in-process, runs the same steps as separate statements.
 */
final class PgStatements {
  private PgStatements() {}

  private static final String EVENT_COLUMNS =
      "job_event (job_id, owner_id, type, kind, status, batch_id, label, progress, at)";

  /**
   * The CTEs every hot-path statement ends with: events (stamped with the rows' new {@code
   * updated_at}), count deltas and the NOTIFY ({@code n}). The caller's final SELECT must read
   * {@code n} through an inner join ({@code CROSS JOIN (SELECT count(*) FROM n)}): a SELECT CTE
   * nobody reads is never run, and PostgreSQL removes a LEFT JOIN whose columns are unused, with
   * the CTE under it, so a LEFT JOIN form would never notify.
   */
  private static String tail(String kind, String to, String from) {
    return ", e AS (INSERT INTO "
        + EVENT_COLUMNS
        + " SELECT id, owner_id, type, '"
        + kind
        + "', '"
        + to
        + "', batch_id, label, progress, updated_at FROM u ORDER BY id)"
        + ", k AS (INSERT INTO job_count (owner_id, status, delta) SELECT owner_id, s.status,"
        + " s.sign * count(*) FROM u CROSS JOIN (VALUES ('"
        + to
        + "', 1), ('"
        + from
        + "', -1)) AS s(status, sign) GROUP BY owner_id, s.status, s.sign)"
        + ", n AS (SELECT pg_notify('"
        + PostgresDialect.CHANNEL
        + "', 'e') FROM (SELECT 1 FROM u LIMIT 1) AS x)";
  }

  /** Parameters: ids..., workerId, leaseUntil. Locks rows in id order (see {@link #complete}). */
  static String heartbeat(int ids) {
    return "WITH l AS (SELECT id FROM job WHERE id IN ("
        + Dialect.marks(ids)
        + ") AND lease_owner = ? AND status = 'running' ORDER BY id FOR UPDATE)"
        + " UPDATE job SET lease_expires_at = ? FROM l WHERE job.id = l.id"
        + " RETURNING job.id, job.attempt, job.cancel_requested";
  }

  /**
   * Parameters as every dialect's claim takes them ({@link Dialect#bindClaim}): now, types...,
   * limit, workerId, leaseUntil, now (started), now (updated). Returns the claimed rows. One
   * statement: run it autocommitted. The pick is {@code gridcast_claim_pick} (migration V2): its
   * planner settings are pinned in its definition, so no {@code SET LOCAL} round trip precedes it.
   */
  static String claim(int types) {
    return "WITH c AS (SELECT gridcast_claim_pick AS id FROM gridcast_claim_pick(?, ARRAY["
        + Dialect.marks(types)
        + "]::text[], ?))"
        + ", u AS (UPDATE job SET status = 'running', attempt = job.attempt + 1, lease_owner = ?,"
        + " lease_expires_at = ?, started_at = ?, updated_at = ? FROM c WHERE job.id = c.id"
        + " RETURNING job.*)"
        + tail("STARTED", "running", "pending")
        + " SELECT u.* FROM u CROSS JOIN (SELECT count(*) AS notified FROM n) AS nn";
  }

  /**
   * Parameters: (id, attempt, result, progress) per row, then workerId, now (finished), now
   * (updated). Returns the ids accepted and their batch ids.
   */
  static String complete(int rows) {
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < rows; i++) {
      values.append(i == 0 ? "" : ", ").append("(?::uuid, ?::int, ?::text, ?::text)");
    }
    // Rows are locked in id order (l) so a concurrent heartbeat, which does the same, cannot
    // deadlock with a completion batch.
    return "WITH v (id, attempt, result, progress) AS (VALUES "
        + values
        + "), l AS (SELECT job.id FROM job JOIN v ON job.id = v.id WHERE job.attempt = v.attempt"
        + " AND job.lease_owner = ? AND job.status = 'running' ORDER BY job.id FOR UPDATE OF job)"
        + ", u AS (UPDATE job SET status = 'completed', result = v.result::jsonb, progress ="
        + " coalesce(v.progress::jsonb, job.progress), finished_at = ?, updated_at = ?,"
        + " lease_owner = NULL, lease_expires_at = NULL FROM v, l WHERE job.id = v.id AND"
        + " job.id = l.id"
        + " RETURNING job.id, job.owner_id, job.type, job.batch_id, job.label, job.progress,"
        + " job.updated_at)"
        + tail("COMPLETED", "completed", "running")
        + " SELECT u.id, u.batch_id FROM u CROSS JOIN (SELECT count(*) AS notified FROM n) AS nn";
  }

  /**
   * The lock step of {@link Continuations} for a completion batch: locks, in id order, the waiting
   * continuations of the batches of {@code rows} job ids (parameters: the ids). Returns their ids.
   */
  static String lockWaiting(int rows) {
    return "SELECT id FROM job WHERE status = 'waiting' AND after_batch_id IN (SELECT batch_id"
        + " FROM job WHERE id IN ("
        + String.join(", ", Collections.nCopies(rows, "?::uuid"))
        + ")) ORDER BY id FOR UPDATE";
  }
}
