package io.gridcast.queue.jdbc;

import io.gridcast.queue.ChildFailurePolicy;
import io.gridcast.queue.Continuation;
import io.gridcast.queue.Job;
import io.gridcast.queue.JobEvent;
import io.gridcast.queue.JobEventKind;
import io.gridcast.queue.JobStatus;
import io.gridcast.queue.jdbc.ChangeBuffer.JobRef;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** Maps rows to records. Stateless. */
final class JobRows {
  private JobRows() {}

  static Job job(ResultSet rs, Dialect d) throws SQLException {
    return new Job(
        d.getUuid(rs, "id"),
        rs.getString("owner_id"),
        rs.getString("type"),
        JobStatus.parse(rs.getString("status")),
        rs.getInt("priority"),
        rs.getString("reason"),
        d.getUuid(rs, "batch_id"),
        rs.getString("label"),
        rs.getString("payload"),
        rs.getString("progress"),
        rs.getString("result"),
        rs.getString("error"),
        rs.getInt("attempt"),
        rs.getInt("max_attempts"),
        d.getInstant(rs, "run_after"),
        rs.getString("lease_owner"),
        d.getInstant(rs, "lease_expires_at"),
        rs.getBoolean("cancel_requested"),
        rs.getString("idempotency_key"),
        d.getInstant(rs, "created_at"),
        d.getInstant(rs, "started_at"),
        d.getInstant(rs, "updated_at"),
        d.getInstant(rs, "finished_at"),
        continuation(rs, d));
  }

  /** The row's continuation, or null when it runs after no batch. */
  static Continuation continuation(ResultSet rs, Dialect d) throws SQLException {
    UUID batch = d.getUuid(rs, "after_batch_id");
    return batch == null
        ? null
        : new Continuation(batch, ChildFailurePolicy.parse(rs.getString("after_batch_policy")));
  }

  static JobRef ref(ResultSet rs, Dialect d) throws SQLException {
    return new JobRef(
        d.getUuid(rs, "id"),
        rs.getString("owner_id"),
        rs.getString("type"),
        d.getUuid(rs, "batch_id"),
        rs.getString("label"));
  }

  static JobRef ref(Job j) {
    return new JobRef(j.id(), j.ownerId(), j.type(), j.batchId(), j.label());
  }

  static JobEvent event(ResultSet rs, Dialect d) throws SQLException {
    return new JobEvent(
        rs.getLong("seq"),
        d.getUuid(rs, "job_id"),
        rs.getString("owner_id"),
        rs.getString("type"),
        JobEventKind.valueOf(rs.getString("kind")),
        JobStatus.parse(rs.getString("status")),
        d.getUuid(rs, "batch_id"),
        rs.getString("label"),
        rs.getString("progress"),
        d.getInstant(rs, "at"));
  }
}
