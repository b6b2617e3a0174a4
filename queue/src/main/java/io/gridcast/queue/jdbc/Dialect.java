package io.gridcast.queue.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.locks.Lock;

/**
 * What differs between SQLite and PostgreSQL: value binding, JSON casts, row locking, wake-ups and
 * the single-writer rule of SQLite. Instances are immutable and thread-safe.
 */
public sealed interface Dialect permits SqliteDialect, PostgresDialect {

  /** Flyway location of this dialect's migrations. */
  String migrationLocation();

  void setUuid(PreparedStatement ps, int index, UUID value) throws SQLException;

  UUID getUuid(ResultSet rs, String column) throws SQLException;

  void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException;

  Instant getInstant(ResultSet rs, String column) throws SQLException;

  void setBoolean(PreparedStatement ps, int index, boolean value) throws SQLException;

  /** The placeholder for a JSON parameter bound as a string. */
  String jsonParam();

  /** The placeholder for an instant parameter where the type cannot be inferred (CASE). */
  String instantParam();

  /** The placeholder for a UUID parameter. */
  default String uuidParam() {
    return "?";
  }

  /** Appended to a sub-select that picks rows to update, so concurrent claimers skip each other. */
  String skipLocked();

  /** Table reference for the claim's sub-select, pinning the claim index where the planner errs. */
  String claimFrom();

  /** Runs before the claim statement in its transaction (planner settings). */
  void beforeClaim(Connection c) throws SQLException;

  /** The literal for boolean true. */
  String trueLiteral();

  /** The statement adding (owner, status, delta) to {@code job_count}. */
  String countAddSql();

  /** Folds the {@code job_count} deltas inside an open transaction. */
  void compactCounts(Connection c) throws SQLException;

  /** Wakes other processes after commit (inside the transaction: NOTIFY is delivered at commit). */
  void notifyOthers(Connection c, String payload) throws SQLException;

  /** Serialises this process's writers (SQLite) so they never spin in the busy handler. */
  Lock writeLock();

  /** True when a reader can see seq n+1 committed before seq n (PostgreSQL). */
  boolean eventGapsPossible();
}
