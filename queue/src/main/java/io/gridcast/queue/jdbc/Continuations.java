package io.gridcast.queue.jdbc;

import io.gridcast.queue.ChildFailurePolicy;
import io.gridcast.queue.JobEventKind;
import io.gridcast.queue.JobSpec;
import io.gridcast.queue.JobStatus;
import io.gridcast.queue.jdbc.ChangeBuffer.JobRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Releases batch continuations inside the transaction that made them due, the same SQL on both
 * dialects. A continuation {@code W} awaiting batch {@code B} leaves {@code waiting} when no job of
 * {@code B} but {@code B}'s own continuations is waiting, pending or running:
 *
 * <pre>
 *   open(B)  = exists j : j.batch = B, j.status in (waiting, pending, running), j.after_batch != B
 *   W due   &lt;=&gt; W.status = waiting and not open(W.after_batch)
 * </pre>
 *
 * <p>Exactly once: the release is {@code UPDATE ... WHERE status = 'waiting'}, so of any number of
 * transactions at most one moves {@code W}. None is missed: every transaction that finishes a job
 * of {@code B} (completion, failure, cancel, rescue) first writes that job, then locks {@code B}'s
 * waiting continuations ({@code FOR UPDATE}, in id order), then reads {@code open(B)} in a new
 * statement. The locks make these transactions take turns, and each one's read (a fresh snapshot
 * under PostgreSQL's read committed; SQLite has one writer) sees every job finished by those before
 * it, so the last one to finish a job of {@code B} sees {@code B} closed. A transaction that makes
 * {@code W} waiting (insert, retry) reads {@code open(B)} while share-locking the open job it finds
 * ({@code FOR SHARE}): a job being finished concurrently makes it wait and then skip that job, and
 * a job it locked first cannot be finished until {@code W} is committed and visible to the
 * finisher. The maintenance sweep ({@link JdbcJobStore#jobContinuationRelease}) runs the same
 * release for any batch that is closed while a continuation still waits.
 *
 * <p>A continuation settled {@code cancelled} or {@code failed} finishes a job of its own batch, so
 * releases repeat until no batch finishes. Stateless.
 */
final class Continuations {
  /**
   * The unfinished statuses, spelled as {@code job_batch_open_idx}'s predicate (SQLite needs it).
   */
  static final String OPEN = "status IN ('waiting','pending','running')";

  /** The jobs a batch's continuations await: all but the batch's own continuations. */
  private static final String AWAITED =
      "batch_id = ? AND (after_batch_id IS NULL OR after_batch_id <> batch_id)";

  private static final String WAITING_COLUMNS =
      "id, owner_id, type, batch_id, label, priority, after_batch_id, after_batch_policy";

  private static final int CHUNK = 500;

  private Continuations() {}

  private record Waiting(JobRef ref, int priority, UUID awaited, ChildFailurePolicy policy) {}

  /** Releases what {@code changes} may have made due; returns how many left {@code waiting}. */
  static int settle(Connection c, Dialect d, ChangeBuffer changes, Instant now)
      throws SQLException {
    int released = 0;
    while (changes.continuationsToCheck()) {
      Set<UUID> fresh = new TreeSet<>(changes.newlyWaiting);
      Set<UUID> batches = new TreeSet<>(changes.finishedBatches);
      changes.newlyWaiting.clear();
      changes.finishedBatches.clear();
      Map<UUID, Waiting> candidates = new LinkedHashMap<>();
      for (Waiting w : select(c, d, "id", fresh, "")) {
        candidates.put(w.ref().id(), w);
      }
      for (Waiting w : select(c, d, "after_batch_id", batches, d.lockRows())) {
        candidates.putIfAbsent(w.ref().id(), w);
      }
      Map<UUID, List<Waiting>> byBatch = new TreeMap<>();
      for (Waiting w : candidates.values()) {
        byBatch.computeIfAbsent(w.awaited(), b -> new ArrayList<>()).add(w);
      }
      for (Map.Entry<UUID, List<Waiting>> e : byBatch.entrySet()) {
        UUID batch = e.getKey();
        boolean newlyAwaited = e.getValue().stream().anyMatch(w -> fresh.contains(w.ref().id()));
        if (open(c, d, batch, newlyAwaited ? d.shareRows() : "")) {
          continue;
        }
        released += release(c, d, changes, batch, e.getValue(), now);
      }
    }
    return released;
  }

  /**
   * A continuation may await its own insert's batch or an earlier batch of the same owner: one that
   * holds jobs, all of them the owner's.
   *
   * @throws IllegalArgumentException naming the batch and the owner otherwise
   */
  static void checkAwaited(
      Connection c, Dialect dialect, String ownerId, List<JobSpec> specs, UUID batch)
      throws SQLException {
    Set<UUID> awaited = new TreeSet<>();
    for (JobSpec s : specs) {
      if (s.continuation() != null && !s.continuation().batchId().equals(batch)) {
        awaited.add(s.continuation().batchId());
      }
    }
    for (UUID b : awaited) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT coalesce(sum(CASE WHEN owner_id = ? THEN 1 ELSE 0 END), 0),"
                  + " coalesce(sum(CASE WHEN owner_id <> ? THEN 1 ELSE 0 END), 0) FROM job"
                  + " WHERE batch_id = "
                  + dialect.uuidParam())) {
        ps.setString(1, ownerId);
        ps.setString(2, ownerId);
        dialect.setUuid(ps, 3, b);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          if (rs.getLong(1) == 0 || rs.getLong(2) > 0) {
            throw new IllegalArgumentException(
                "a continuation awaits batch "
                    + b
                    + ", which holds no jobs of owner '"
                    + ownerId
                    + "'"
                    + (rs.getLong(2) > 0 ? " (it is another owner's)" : ""));
          }
        }
      }
    }
  }

  /** Up to {@code limit} batches that waiting continuations await and that are closed. */
  static List<UUID> closedBatches(Connection c, Dialect d, int limit) throws SQLException {
    List<UUID> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT DISTINCT after_batch_id FROM job w WHERE status = 'waiting' AND NOT EXISTS"
                + " (SELECT 1 FROM job ch WHERE ch.batch_id = w.after_batch_id AND ch."
                + OPEN
                + " AND (ch.after_batch_id IS NULL OR ch.after_batch_id <> ch.batch_id)) LIMIT ?")) {
      ps.setInt(1, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(d.getUuid(rs, "after_batch_id"));
        }
      }
    }
    return out;
  }

  /**
   * The waiting continuations whose {@code column} is one of {@code keys}, in id order, with the
   * lock clause {@code lock}.
   */
  private static List<Waiting> select(
      Connection c, Dialect d, String column, Set<UUID> keys, String lock) throws SQLException {
    List<Waiting> out = new ArrayList<>();
    List<UUID> all = new ArrayList<>(keys);
    for (int from = 0; from < all.size(); from += CHUNK) {
      List<UUID> part = all.subList(from, Math.min(all.size(), from + CHUNK));
      String marks = String.join(", ", Collections.nCopies(part.size(), d.uuidParam()));
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT "
                  + WAITING_COLUMNS
                  + " FROM job WHERE status = 'waiting' AND "
                  + column
                  + " IN ("
                  + marks
                  + ") ORDER BY id"
                  + lock)) {
        for (int i = 0; i < part.size(); i++) {
          d.setUuid(ps, i + 1, part.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(
                new Waiting(
                    JobRows.ref(rs, d),
                    rs.getInt("priority"),
                    d.getUuid(rs, "after_batch_id"),
                    ChildFailurePolicy.parse(rs.getString("after_batch_policy"))));
          }
        }
      }
    }
    return out;
  }

  /** True when a job {@code batch}'s continuations await is unfinished. */
  static boolean open(Connection c, Dialect d, UUID batch, String lock) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id FROM job WHERE " + AWAITED + " AND " + OPEN + " LIMIT 1" + lock)) {
      d.setUuid(ps, 1, batch);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** Moves the batch's waiting continuations out of {@code waiting}, each by its policy. */
  private static int release(
      Connection c, Dialect d, ChangeBuffer changes, UUID batch, List<Waiting> waiting, Instant now)
      throws SQLException {
    long total;
    long bad;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT count(*), coalesce(sum(CASE WHEN status IN ('failed','cancelled') THEN 1"
                + " ELSE 0 END), 0) FROM job WHERE "
                + AWAITED)) {
      d.setUuid(ps, 1, batch);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        total = rs.getLong(1);
        bad = rs.getLong(2);
      }
    }
    String why = bad + " of " + total + " jobs of batch " + batch + " failed or were cancelled";
    Map<String, List<Waiting>> dueByOwner = new TreeMap<>();
    List<Waiting> settled = new ArrayList<>();
    for (Waiting w : waiting) {
      if (bad == 0 || w.policy() == ChildFailurePolicy.RUN) {
        dueByOwner.computeIfAbsent(w.ref().ownerId(), o -> new ArrayList<>()).add(w);
      } else {
        settled.add(w);
      }
    }
    int n = 0;
    for (Map.Entry<String, List<Waiting>> e : dueByOwner.entrySet()) {
      List<Waiting> due = e.getValue();
      Integer[] priorities = due.stream().map(Waiting::priority).toArray(Integer[]::new);
      long[] turns = Turns.assign(c, d, e.getKey(), priorities, now);
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE job SET status = 'pending', turn = ?, run_after = CASE WHEN run_after < "
                  + d.instantParam()
                  + " THEN "
                  + d.instantParam()
                  + " ELSE run_after END, updated_at = ? WHERE id = "
                  + d.uuidParam()
                  + " AND status = 'waiting'")) {
        for (int k = 0; k < due.size(); k++) {
          ps.setLong(1, turns[k]);
          d.setInstant(ps, 2, now);
          d.setInstant(ps, 3, now);
          d.setInstant(ps, 4, now);
          d.setUuid(ps, 5, due.get(k).ref().id());
          if (ps.executeUpdate() == 1) {
            changes.event(due.get(k).ref(), JobEventKind.READY, JobStatus.PENDING, null);
            changes.move(e.getKey(), JobStatus.WAITING, JobStatus.PENDING);
            changes.jobsAvailable = true;
            n++;
          }
        }
      }
    }
    for (Waiting w : settled) {
      JobStatus to =
          switch (w.policy()) {
            case SKIP -> JobStatus.CANCELLED;
            case FAIL, RUN -> JobStatus.FAILED;
          };
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE job SET status = ?, error = ?, finished_at = ?, updated_at = ? WHERE id = "
                  + d.uuidParam()
                  + " AND status = 'waiting'")) {
        ps.setString(1, to.dbValue());
        ps.setString(2, why);
        d.setInstant(ps, 3, now);
        d.setInstant(ps, 4, now);
        d.setUuid(ps, 5, w.ref().id());
        if (ps.executeUpdate() == 1) {
          JobEventKind kind =
              to == JobStatus.CANCELLED ? JobEventKind.CANCELLED : JobEventKind.FAILED;
          changes.event(w.ref(), kind, to, null);
          changes.move(w.ref().ownerId(), JobStatus.WAITING, to);
          n++;
        }
      }
    }
    return n;
  }
}
