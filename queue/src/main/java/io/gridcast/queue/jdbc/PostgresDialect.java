package io.gridcast.queue.jdbc;

import com.zaxxer.hikari.HikariConfig;
import io.gridcast.queue.Job;
import io.gridcast.queue.JobStore.Completed;
import io.gridcast.queue.JobStore.JobClaimParams;
import io.gridcast.queue.JobStore.JobFinishManyParams;
import io.gridcast.queue.JobStore.Outcome;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import javax.sql.DataSource;

/**
 * PostgreSQL: native uuid, timestamptz and jsonb; {@code FOR UPDATE SKIP LOCKED} claims; {@code
 * NOTIFY} on channel {@value #CHANNEL} at commit, heard by {@link PgListener}. Writers need no
 * process lock (row locks do the work). Pools rewrite batched inserts to multi-row statements. The
 * claim runs as ONE autocommitted statement that also writes its events, count deltas and NOTIFY
 * ({@link PgStatements}): one round trip per batch; a batch of completions is one such statement
 * too, framed in a transaction with the release of the continuations it makes due.
 */
final class PostgresDialect extends Dialect {
  static final String URL_PREFIX = "jdbc:postgresql:";
  static final int DEFAULT_POOL_SIZE = 20;

  /** The LISTEN/NOTIFY channel. Payload {@code p}: new pending jobs; {@code e}: new events. */
  static final String CHANNEL = "gridcast_queue";

  private static final Lock NO_LOCK = new NoLock();

  @Override
  public String toString() {
    return "postgresql";
  }

  @Override
  void tunePool(HikariConfig cfg, int maxPoolSize) {
    cfg.setDriverClassName("org.postgresql.Driver");
    cfg.addDataSourceProperty("reWriteBatchedInserts", "true");
    cfg.setMaximumPoolSize(maxPoolSize > 0 ? maxPoolSize : DEFAULT_POOL_SIZE);
  }

  @Override
  void prepareLocation(String jdbcUrl) {}

  @Override
  Lock newWriterLock() {
    return NO_LOCK;
  }

  @Override
  JdbcDatabase.Registration listen(DataSource ds, Runnable onJobs, Runnable onEvents) {
    return new PgListener(ds, onJobs, onEvents);
  }

  @Override
  public void setUuid(PreparedStatement ps, int index, UUID value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.OTHER);
    } else {
      ps.setObject(index, value);
    }
  }

  @Override
  public UUID getUuid(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, UUID.class);
  }

  @Override
  public void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      ps.setTimestamp(index, Timestamp.from(value));
    }
  }

  @Override
  public Instant getInstant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  @Override
  public void setBoolean(PreparedStatement ps, int index, boolean value) throws SQLException {
    ps.setBoolean(index, value);
  }

  @Override
  public String jsonParam() {
    return "?::jsonb";
  }

  @Override
  public String instantParam() {
    return "CAST(? AS timestamptz)";
  }

  @Override
  public String trueLiteral() {
    return "TRUE";
  }

  @Override
  public String containsParam(String column) {
    return "strpos(" + column + ", ?) > 0";
  }

  @Override
  public String skipLocked() {
    return " FOR UPDATE SKIP LOCKED";
  }

  @Override
  String shareRows() {
    return " FOR SHARE";
  }

  @Override
  String lockRows() {
    return " FOR UPDATE";
  }

  /** {@code EXCLUSIVE} mode: appenders take turns, readers ({@code ACCESS SHARE}) go on. */
  @Override
  public void lockForOrderedAppend(Connection c, String table) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("LOCK TABLE " + table + " IN EXCLUSIVE MODE");
    }
  }

  @Override
  public <T> T streaming(Connection c, SqlWork<T> work) throws SQLException {
    c.setAutoCommit(false);
    try {
      T result = work.run(c);
      c.commit();
      return result;
    } finally {
      c.setAutoCommit(true);
    }
  }

  @Override
  public boolean eventGapsPossible() {
    return true;
  }

  /**
   * One autocommitted statement (one round trip): pick, update, events, count deltas and NOTIFY.
   * The pick is the function {@code gridcast_claim_pick} (migrations V2, V4), whose planner
   * settings are pinned in its definition; a CTE that locks rows is evaluated once, where an {@code
   * IN (... LIMIT ...)} sub-select may be re-run and claim more than asked.
   */
  @Override
  List<Job> jobClaim(Transactions tx, JobClaimParams p, Instant now) {
    String sql = PgStatements.claim(p.types().size());
    return tx.autocommit(
        "jobClaim",
        (c, changes) -> {
          List<Job> claimed;
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            bindClaim(ps, p, now);
            try (ResultSet rs = ps.executeQuery()) {
              claimed = claimed(rs);
            }
          }
          changes.statementEvents = !claimed.isEmpty();
          return claimed;
        });
  }

  /**
   * One transaction: the completions as one statement (rows, events, count deltas, NOTIFY) sent
   * together with the lock step of the continuation release, one fenced update per other outcome,
   * then the release of continuations whose batch this finished ({@link Continuations}; nothing
   * more when none waits). The release must share the completions' transaction, so even an
   * all-completed batch is not autocommitted: statements, then COMMIT, two round trips.
   */
  @Override
  Set<UUID> jobFinishMany(Transactions tx, JobFinishManyParams p, Instant now) {
    List<Completed> completed = new ArrayList<>();
    List<Outcome> others = new ArrayList<>();
    for (Outcome o : p.outcomes()) {
      if (o instanceof Completed x) {
        completed.add(x);
      } else {
        others.add(o);
      }
    }
    return tx.inTx(
        "jobFinishMany",
        now,
        (c, changes) -> {
          Set<UUID> accepted = new HashSet<>();
          complete(c, changes, completed, p.workerId(), now, accepted);
          OutcomeWrites.each(c, this, changes, others, p.workerId(), now, accepted);
          return accepted;
        });
  }

  /** All completions in one statement (rows, events, count deltas and NOTIFY). */
  private void complete(
      Connection c,
      ChangeBuffer changes,
      List<Completed> completed,
      String workerId,
      Instant now,
      Set<UUID> accepted)
      throws SQLException {
    if (completed.isEmpty()) {
      return;
    }
    // Two statements in one round trip: the completions, then the lock step of the continuation
    // release (a later statement, so it sees what the transactions it waited for committed).
    String sql =
        PgStatements.complete(completed.size()) + "; " + PgStatements.lockWaiting(completed.size());
    Set<UUID> batches = new HashSet<>();
    boolean waiting;
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      for (Completed x : completed) {
        setUuid(ps, i++, x.id());
        ps.setInt(i++, x.attempt());
        ps.setString(i++, x.result());
        ps.setString(i++, x.progressJson());
      }
      ps.setString(i++, workerId);
      setInstant(ps, i++, now);
      setInstant(ps, i++, now);
      for (Completed x : completed) {
        setUuid(ps, i++, x.id());
      }
      ps.execute();
      try (ResultSet rs = ps.getResultSet()) {
        while (rs.next()) {
          accepted.add(getUuid(rs, "id"));
          batches.add(getUuid(rs, "batch_id"));
        }
      }
      if (!ps.getMoreResults()) {
        throw new SQLException("the completion's lock step returned no rows: " + sql);
      }
      try (ResultSet rs = ps.getResultSet()) {
        waiting = rs.next();
      }
    }
    // No continuation waits for these batches: nothing to release, no further statement.
    if (waiting) {
      changes.finishedBatches.addAll(batches);
    }
    changes.statementEvents |= !accepted.isEmpty();
  }

  @Override
  String heartbeatSql(int ids) {
    return PgStatements.heartbeat(ids);
  }

  /** The function of migration V4, whose planner settings are pinned like the claim's. */
  @Override
  String turnNowExpr() {
    return "gridcast_turn_now(?)";
  }

  /** Deltas are appended, so concurrent writers never wait on a hot counter row. */
  @Override
  String countAddSql() {
    return "INSERT INTO job_count (owner_id, status, delta) VALUES (?, ?, ?)";
  }

  @Override
  void compactCounts(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeUpdate(
          "WITH d AS (DELETE FROM job_count RETURNING owner_id, status, delta)"
              + " INSERT INTO job_count (owner_id, status, delta)"
              + " SELECT owner_id, status, sum(delta) FROM d GROUP BY owner_id, status"
              + " HAVING sum(delta) <> 0");
    }
  }

  @Override
  void notifyOthers(Connection c, String payload) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
      ps.setString(1, CHANNEL);
      ps.setString(2, payload);
      ps.execute();
    }
  }

  /** PostgreSQL's row locks do the work; this lock never blocks. */
  private static final class NoLock implements Lock {
    @Override
    public void lock() {}

    @Override
    public void lockInterruptibly() {}

    @Override
    public boolean tryLock() {
      return true;
    }

    @Override
    public boolean tryLock(long time, TimeUnit unit) {
      return true;
    }

    @Override
    public void unlock() {}

    @Override
    public Condition newCondition() {
      throw new UnsupportedOperationException("no conditions on the no-op lock");
    }
  }
}
