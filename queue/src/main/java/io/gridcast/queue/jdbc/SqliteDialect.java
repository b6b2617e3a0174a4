package io.gridcast.queue.jdbc;

import com.zaxxer.hikari.HikariConfig;
import io.gridcast.queue.Job;
import io.gridcast.queue.JobEventKind;
import io.gridcast.queue.JobStatus;
import io.gridcast.queue.JobStore.JobClaimParams;
import io.gridcast.queue.JobStore.JobFinishManyParams;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * SQLite: instants as epoch milliseconds, UUIDs as text, one writer per database file. Pools use
 * WAL, {@code synchronous=NORMAL} (durable across process crashes; the last commits may be lost on
 * power loss), a busy timeout of {@value #BUSY_TIMEOUT_MS} ms, foreign keys on and {@code BEGIN
 * IMMEDIATE} for every transaction; a small pool, since SQLite has one writer (readers run in
 * parallel under WAL). The writers of one process also take a fair in-process lock (held by {@link
 * JdbcDatabase}) before {@code BEGIN IMMEDIATE}, so they queue instead of sleeping in SQLite's busy
 * handler; other processes on the same file still meet the busy timeout. Other processes learn of
 * changes by their poll.
 */
final class SqliteDialect extends Dialect {
  static final String URL_PREFIX = "jdbc:sqlite:";
  static final int BUSY_TIMEOUT_MS = 10_000;
  static final int DEFAULT_POOL_SIZE = 4;

  @Override
  public String toString() {
    return "sqlite";
  }

  @Override
  void tunePool(HikariConfig cfg, int maxPoolSize) {
    cfg.setDriverClassName("org.sqlite.JDBC");
    cfg.addDataSourceProperty("journal_mode", "WAL");
    cfg.addDataSourceProperty("synchronous", "NORMAL");
    cfg.addDataSourceProperty("busy_timeout", String.valueOf(BUSY_TIMEOUT_MS));
    cfg.addDataSourceProperty("foreign_keys", "true");
    cfg.addDataSourceProperty("transaction_mode", "IMMEDIATE");
    cfg.setMaximumPoolSize(maxPoolSize > 0 ? maxPoolSize : DEFAULT_POOL_SIZE);
  }

  /** Creates the directory of the database file (not for in-memory or {@code file:} URIs). */
  @Override
  void prepareLocation(String jdbcUrl) throws IOException {
    String file = jdbcUrl.substring(URL_PREFIX.length());
    if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) {
      return;
    }
    int query = file.indexOf('?');
    Path parent = Path.of(query < 0 ? file : file.substring(0, query)).toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
  }

  @Override
  Lock newWriterLock() {
    return new ReentrantLock(true);
  }

  @Override
  JdbcDatabase.Registration listen(DataSource ds, Runnable onJobs, Runnable onEvents) {
    return () -> {};
  }

  @Override
  public void setUuid(PreparedStatement ps, int index, UUID value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.VARCHAR);
    } else {
      ps.setString(index, value.toString());
    }
  }

  @Override
  public UUID getUuid(ResultSet rs, String column) throws SQLException {
    String s = rs.getString(column);
    return s == null ? null : UUID.fromString(s);
  }

  @Override
  public void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.BIGINT);
    } else {
      ps.setLong(index, value.toEpochMilli());
    }
  }

  @Override
  public Instant getInstant(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(v);
  }

  @Override
  public void setBoolean(PreparedStatement ps, int index, boolean value) throws SQLException {
    ps.setInt(index, value ? 1 : 0);
  }

  /** {@code json(?)} rejects malformed JSON as PostgreSQL's jsonb does, and minifies it. */
  @Override
  public String jsonParam() {
    return "json(?)";
  }

  @Override
  public String instantParam() {
    return "?";
  }

  @Override
  public String trueLiteral() {
    return "1";
  }

  @Override
  public String containsParam(String column) {
    return "instr(" + column + ", ?) > 0";
  }

  @Override
  public String skipLocked() {
    return "";
  }

  @Override
  String shareRows() {
    return "";
  }

  @Override
  String lockRows() {
    return "";
  }

  @Override
  public void lockForOrderedAppend(Connection c, String table) {
    // BEGIN IMMEDIATE: one writer at a time, so appends commit in id order already.
  }

  @Override
  public <T> T streaming(Connection c, SqlWork<T> work) throws SQLException {
    return work.run(c);
  }

  @Override
  public boolean eventGapsPossible() {
    return false;
  }

  /**
   * One {@code UPDATE ... RETURNING} under {@code BEGIN IMMEDIATE}; the transaction frame writes
   * the STARTED events and count moves. The pick names the partial claim index: without statistics
   * SQLite prefers the (status, id) index and sorts every pending row, while the claim index yields
   * rows already in claim order, so LIMIT stops early.
   */
  @Override
  List<Job> jobClaim(Transactions tx, JobClaimParams p, Instant now) {
    String sql =
        "WITH c AS (SELECT id FROM job INDEXED BY job_claim_idx WHERE status = 'pending'"
            + " AND run_after <= ? AND type IN ("
            + marks(p.types().size())
            + ") ORDER BY turn, id LIMIT ?)"
            + " UPDATE job SET status = 'running', attempt = attempt + 1, lease_owner = ?,"
            + " lease_expires_at = ?, started_at = ?, updated_at = ?"
            + " WHERE id IN (SELECT id FROM c) AND status = 'pending' RETURNING *";
    return tx.inTx(
        "jobClaim",
        now,
        (c, changes) -> {
          List<Job> claimed;
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            bindClaim(ps, p, now);
            try (ResultSet rs = ps.executeQuery()) {
              claimed = claimed(rs);
            }
          }
          for (Job j : claimed) {
            changes.event(
                JobRows.ref(j), JobEventKind.STARTED, JobStatus.RUNNING, j.progressJson());
            changes.move(j.ownerId(), JobStatus.PENDING, JobStatus.RUNNING);
          }
          return claimed;
        });
  }

  /** One fenced update per outcome, in one transaction. */
  @Override
  Set<UUID> jobFinishMany(Transactions tx, JobFinishManyParams p, Instant now) {
    return tx.inTx(
        "jobFinishMany",
        now,
        (c, changes) -> {
          Set<UUID> accepted = new HashSet<>();
          OutcomeWrites.each(c, this, changes, p.outcomes(), p.workerId(), now, accepted);
          return accepted;
        });
  }

  @Override
  String heartbeatSql(int ids) {
    return "WITH l AS (SELECT id FROM job WHERE id IN ("
        + marks(ids)
        + ") AND lease_owner = ? AND status = 'running')"
        + " UPDATE job SET lease_expires_at = ? WHERE id IN (SELECT id FROM l)"
        + " RETURNING id, attempt, cancel_requested";
  }

  @Override
  String turnNowExpr() {
    String lowest =
        "(SELECT turn FROM job INDEXED BY job_claim_idx WHERE status = 'pending'%s"
            + " ORDER BY turn, id LIMIT 1)";
    return "coalesce("
        + lowest.formatted(" AND run_after <= ?")
        + ", "
        + lowest.formatted("")
        + ", 0)";
  }

  /** Counts are upserted in place: SQLite has one writer, so the hot rows cost nothing. */
  @Override
  String countAddSql() {
    return "INSERT INTO job_count (owner_id, status, delta) VALUES (?, ?, ?) ON CONFLICT (owner_id,"
        + " status) DO UPDATE SET delta = delta + excluded.delta";
  }

  /** Nothing to fold: counts are upserted in place. */
  @Override
  void compactCounts(Connection c) {}

  @Override
  void notifyOthers(Connection c, String payload) {
    // Other processes on the same file find changes by their poll.
  }
}
