package io.gridcast.queue.jdbc;

import io.gridcast.queue.JobEventKind;
import io.gridcast.queue.JobStatus;
import io.gridcast.queue.JobStore.Cancelled;
import io.gridcast.queue.JobStore.Completed;
import io.gridcast.queue.JobStore.Failed;
import io.gridcast.queue.JobStore.Outcome;
import io.gridcast.queue.jdbc.ChangeBuffer.JobRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The fenced per-outcome update of {@link JdbcJobStore#jobFinishMany}, shared by the dialects
 * (PostgreSQL writes a batch of completions as one statement of its own and the rest here). Adds
 * the ids whose fence held to {@code accepted}; a worker that lost its lease writes nothing.
 */
final class OutcomeWrites {
  private OutcomeWrites() {}

  /**
   * One fenced update per outcome (status, error or result, progress), recording its event and
   * count move in {@code changes}.
   */
  static void each(
      Connection c,
      Dialect dialect,
      ChangeBuffer changes,
      List<Outcome> outcomes,
      String workerId,
      Instant now,
      Set<UUID> accepted)
      throws SQLException {
    Map<String, PreparedStatement> prepared = new HashMap<>();
    try {
      for (Outcome o : outcomes) {
        String set =
            switch (o) {
              case Completed x ->
                  "status = 'completed', result = "
                      + dialect.jsonParam()
                      + ", finished_at = ?, lease_owner = NULL, lease_expires_at = NULL";
              case Failed x when x.retryAt() != null ->
                  "status = 'pending', error = ?, run_after = ?, lease_owner = NULL,"
                      + " lease_expires_at = NULL";
              case Failed x ->
                  "status = 'failed', error = ?, finished_at = ?, lease_owner = NULL,"
                      + " lease_expires_at = NULL";
              case Cancelled x ->
                  "status = 'cancelled', finished_at = ?, lease_owner = NULL,"
                      + " lease_expires_at = NULL";
            };
        String sql =
            "UPDATE job SET "
                + set
                + ", progress = coalesce("
                + dialect.jsonParam()
                + ", progress), updated_at = ? WHERE id = "
                + dialect.uuidParam()
                + JdbcJobStore.FENCE
                + " RETURNING id, owner_id, type, batch_id, label, progress";
        PreparedStatement ps = prepared.get(sql);
        if (ps == null) {
          ps = c.prepareStatement(sql);
          prepared.put(sql, ps);
        }
        {
          int i = 1;
          switch (o) {
            case Completed x -> {
              ps.setString(i++, x.result());
              dialect.setInstant(ps, i++, now);
            }
            case Failed x when x.retryAt() != null -> {
              ps.setString(i++, x.error());
              dialect.setInstant(ps, i++, JdbcJobBulk.ms(x.retryAt()));
            }
            case Failed x -> {
              ps.setString(i++, x.error());
              dialect.setInstant(ps, i++, now);
            }
            case Cancelled x -> dialect.setInstant(ps, i++, now);
          }
          ps.setString(i++, o.progressJson());
          dialect.setInstant(ps, i++, now);
          dialect.setUuid(ps, i++, o.id());
          ps.setString(i++, workerId);
          ps.setInt(i, o.attempt());
          try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
              continue;
            }
            JobRef ref = JobRows.ref(rs, dialect);
            String progress = rs.getString("progress");
            JobStatus to =
                switch (o) {
                  case Completed x -> JobStatus.COMPLETED;
                  case Failed x when x.retryAt() != null -> JobStatus.PENDING;
                  case Failed x -> JobStatus.FAILED;
                  case Cancelled x -> JobStatus.CANCELLED;
                };
            JobEventKind kind =
                switch (o) {
                  case Completed x -> JobEventKind.COMPLETED;
                  case Failed x when x.retryAt() != null -> JobEventKind.RETRY_SCHEDULED;
                  case Failed x -> JobEventKind.FAILED;
                  case Cancelled x -> JobEventKind.CANCELLED;
                };
            changes.event(ref, kind, to, progress);
            changes.move(ref.ownerId(), JobStatus.RUNNING, to);
            changes.jobsAvailable |= to == JobStatus.PENDING;
            accepted.add(o.id());
          }
        }
      }
    } finally {
      for (PreparedStatement ps : prepared.values()) {
        ps.close();
      }
    }
  }
}
