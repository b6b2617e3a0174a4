package io.gridcast.queue.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * SQLite: instants as epoch milliseconds, UUIDs as text, one writer per database file. Writers of
 * one process take a per-file lock before {@code BEGIN IMMEDIATE}, so within a process they queue
 * fairly instead of sleeping in SQLite's busy handler; other processes still meet the busy timeout.
 */
public final class SqliteDialect implements Dialect {
  private static final ConcurrentMap<String, Lock> LOCKS = new ConcurrentHashMap<>();
  private final Lock writeLock;

  /**
   * @param databaseKey identifies the file (its canonical path), so every store on it in this JVM
   *     shares one lock
   */
  public SqliteDialect(String databaseKey) {
    this.writeLock = LOCKS.computeIfAbsent(databaseKey, k -> new ReentrantLock(true));
  }

  @Override
  public String migrationLocation() {
    return "classpath:db/migration/sqlite";
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
  public String skipLocked() {
    return "";
  }

  /**
   * Without statistics SQLite prefers the (status, id) index and sorts every pending row; the
   * partial claim index yields rows already in claim order, so LIMIT stops early.
   */
  @Override
  public String claimFrom() {
    return "job INDEXED BY job_claim_idx";
  }

  @Override
  public void beforeClaim(Connection c) {}

  @Override
  public String trueLiteral() {
    return "1";
  }

  @Override
  public String countAddSql() {
    return "INSERT INTO job_count (owner_id, status, delta) VALUES (?, ?, ?) ON CONFLICT (owner_id,"
        + " status) DO UPDATE SET delta = delta + excluded.delta";
  }

  /** Nothing to fold: counts are upserted in place. */
  @Override
  public void compactCounts(Connection c) {}

  @Override
  public void notifyOthers(Connection c, String payload) {
    // Other processes on the same file find changes by their slow poll.
  }

  @Override
  public Lock writeLock() {
    return writeLock;
  }

  @Override
  public boolean eventGapsPossible() {
    return false;
  }
}
