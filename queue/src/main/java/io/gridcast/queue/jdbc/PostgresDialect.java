package io.gridcast.queue.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

/**
 * PostgreSQL: native uuid, timestamptz and jsonb; {@code FOR UPDATE SKIP LOCKED} claims; {@code
 * NOTIFY} on channel {@value #CHANNEL} at commit. Writers need no process lock.
 */
public final class PostgresDialect implements Dialect {
  /** The LISTEN/NOTIFY channel. Payload {@code p}: new pending jobs; {@code e}: new events. */
  public static final String CHANNEL = "gridcast_queue";

  private static final Lock NO_LOCK = new NoLock();

  @Override
  public String migrationLocation() {
    return "classpath:db/migration/postgresql";
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
  public String skipLocked() {
    return " FOR UPDATE SKIP LOCKED";
  }

  @Override
  public String claimFrom() {
    return "job";
  }

  /**
   * With stale statistics (a fresh or fast-growing table) the planner bitmap-scans every due row
   * and sorts them; with sorting and bitmap scans off for this transaction it walks the partial
   * claim index in order and stops at LIMIT, so a claim costs the same at 10 or 1,000,000 pending.
   * The store's own claim no longer calls this: it runs autocommitted and its row pick, the
   * function {@code gridcast_claim_pick} (migration V2), carries the same settings.
   */
  @Override
  public void beforeClaim(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("SET LOCAL enable_bitmapscan = off; SET LOCAL enable_sort = off");
    }
  }

  @Override
  public String trueLiteral() {
    return "TRUE";
  }

  @Override
  public String countAddSql() {
    return "INSERT INTO job_count (owner_id, status, delta) VALUES (?, ?, ?)";
  }

  @Override
  public void compactCounts(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeUpdate(
          "WITH d AS (DELETE FROM job_count RETURNING owner_id, status, delta)"
              + " INSERT INTO job_count (owner_id, status, delta)"
              + " SELECT owner_id, status, sum(delta) FROM d GROUP BY owner_id, status"
              + " HAVING sum(delta) <> 0");
    }
  }

  @Override
  public void notifyOthers(Connection c, String payload) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
      ps.setString(1, CHANNEL);
      ps.setString(2, payload);
      ps.execute();
    }
  }

  @Override
  public Lock writeLock() {
    return NO_LOCK;
  }

  @Override
  public boolean eventGapsPossible() {
    return true;
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
