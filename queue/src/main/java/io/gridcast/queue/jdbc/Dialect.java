package io.gridcast.queue.jdbc;

import com.zaxxer.hikari.HikariConfig;
import io.gridcast.queue.Job;
import io.gridcast.queue.JobStore.JobClaimParams;
import io.gridcast.queue.JobStore.JobFinishManyParams;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.Lock;
import javax.sql.DataSource;

/**
 * Everything that differs between SQLite and PostgreSQL, behind one object per database (the idea
 * of db-scheduler's {@code JdbcCustomization} and River's per-backend driver): how values are bound
 * and read, the SQL fragments that are spelled differently (text search, row locking, JSON casts),
 * how a streamed read and an ordered append are framed, how a pool is tuned, how other processes
 * are woken, and the queue's hot-path statements (claim, heartbeat, completion batches, count
 * deltas), which each dialect writes, binds and frames itself.
 *
 * <p>The database is recognised in exactly one place, {@link #forUrl}, from the JDBC URL (a
 * connection's URL for a caller's data source, {@link #of}); {@link JdbcDatabase} asks once per
 * database and hands the one dialect to the queue and to the server's stores. The two
 * implementations are package-private, so no caller can branch on which one it holds: callers ask
 * the dialect, they never test it. Immutable and thread-safe.
 */
public abstract sealed class Dialect permits SqliteDialect, PostgresDialect {
  Dialect() {}

  /**
   * The dialect of a JDBC URL: {@code jdbc:sqlite:...} or {@code jdbc:postgresql:...}.
   *
   * @throws IllegalArgumentException naming the URL when it is neither
   */
  public static Dialect forUrl(String jdbcUrl) {
    if (jdbcUrl != null && jdbcUrl.startsWith(SqliteDialect.URL_PREFIX)) {
      return new SqliteDialect();
    }
    if (jdbcUrl != null && jdbcUrl.startsWith(PostgresDialect.URL_PREFIX)) {
      return new PostgresDialect();
    }
    throw new IllegalArgumentException(
        "unsupported JDBC URL '"
            + (jdbcUrl == null ? null : jdbcUrl.replaceAll("password=[^&]*", "password=****"))
            + "'; expected "
            + SqliteDialect.URL_PREFIX
            + "... or "
            + PostgresDialect.URL_PREFIX
            + "...");
  }

  /** The dialect of the database {@code c} is connected to, read from its URL. */
  public static Dialect of(Connection c) throws SQLException {
    return forUrl(c.getMetaData().getURL());
  }

  /** The short name ({@code sqlite}, {@code postgresql}), for logs. */
  @Override
  public abstract String toString();

  /**
   * Where this dialect's migrations live under {@code base} (e.g. {@code classpath:db/migration}
   * gives {@code classpath:db/migration/sqlite}): each database has its own scripts, kept in step.
   */
  public final String migrationLocation(String base) {
    return base + "/" + this;
  }

  // ---- values ----

  public abstract void setUuid(PreparedStatement ps, int index, UUID value) throws SQLException;

  public abstract UUID getUuid(ResultSet rs, String column) throws SQLException;

  public abstract void setInstant(PreparedStatement ps, int index, Instant value)
      throws SQLException;

  public abstract Instant getInstant(ResultSet rs, String column) throws SQLException;

  public abstract void setBoolean(PreparedStatement ps, int index, boolean value)
      throws SQLException;

  /** The placeholder for a JSON parameter bound as a string (validated by the database). */
  public abstract String jsonParam();

  /** The placeholder for an instant parameter where the type cannot be inferred (CASE). */
  public abstract String instantParam();

  /** The placeholder for a UUID parameter. */
  public String uuidParam() {
    return "?";
  }

  /** The literal for boolean true. */
  public abstract String trueLiteral();

  // ---- fragments and frames ----

  /**
   * A condition that holds when text {@code column} contains the next parameter, case-sensitively
   * ({@code strpos} on PostgreSQL, {@code instr} on SQLite, whose {@code LIKE} ignores case).
   */
  public abstract String containsParam(String column);

  /** Appended to a sub-select that picks rows to change, so concurrent writers skip each other. */
  public abstract String skipLocked();

  /**
   * Appended to a select whose rows this transaction changes next, so a concurrent writer waits for
   * them (empty on SQLite, whose {@code BEGIN IMMEDIATE} already holds the one write lock).
   */
  abstract String lockRows();

  /**
   * Appended to a select whose rows must not change until this transaction ends, so a concurrent
   * writer of them waits, and this select waits for one already writing them (empty on SQLite).
   */
  abstract String shareRows();

  /**
   * Makes the generated ids of rows this transaction appends to {@code table} become visible in id
   * order, so a reader following the table by id never passes an id still uncommitted: PostgreSQL
   * makes such appends take turns (readers are not blocked); SQLite's single writer already does.
   * Call inside the transaction, before the appends.
   */
  public abstract void lockForOrderedAppend(Connection c, String table) throws SQLException;

  /**
   * Runs a read whose rows are streamed (with a fetch size) rather than loaded at once: PostgreSQL
   * streams with a cursor only inside a transaction; SQLite streams anyway, and a transaction there
   * would take the write lock for the whole scan.
   */
  public abstract <T> T streaming(Connection c, SqlWork<T> work) throws SQLException;

  /** True when a reader can see seq n+1 committed before seq n (PostgreSQL's sequences). */
  public abstract boolean eventGapsPossible();

  // ---- setup (JdbcDatabase) ----

  /** Tunes a pool for this database; {@code maxPoolSize} 0 takes the dialect's default. */
  abstract void tunePool(HikariConfig cfg, int maxPoolSize);

  /** Makes the URL openable before the first connection (SQLite: the file's directory). */
  abstract void prepareLocation(String jdbcUrl) throws IOException;

  /** The lock every writer of one database in this process takes before its transaction. */
  abstract Lock newWriterLock();

  /**
   * Wakes this process when another process committed new jobs or events, until closed (PostgreSQL
   * {@code LISTEN}); SQLite has no such channel and relies on the poll interval.
   */
  abstract JdbcDatabase.Registration listen(DataSource ds, Runnable onJobs, Runnable onEvents);

  // ---- the queue's hot path (JdbcJobStore) ----

  /**
   * Claims up to {@code p.limit()} due jobs of {@code p.types()}, in claim order, with their
   * STARTED events and count moves; framed as this database needs (a transaction, or one
   * autocommitted statement that writes its own events).
   */
  abstract List<Job> jobClaim(Transactions tx, JobClaimParams p, Instant now);

  /** Writes the outcomes (fenced); returns the ids whose fence held. */
  abstract Set<UUID> jobFinishMany(Transactions tx, JobFinishManyParams p, Instant now);

  /**
   * The heartbeat statement for {@code ids} job ids. Parameters, in this order on every dialect:
   * the ids, the worker id, the new lease expiry. Returns {@code id, attempt, cancel_requested} of
   * the rows this worker still holds.
   */
  abstract String heartbeatSql(int ids);

  /**
   * The expression of the turn the queue has reached: the lowest turn among due pending jobs, else
   * among all pending jobs, else 0. One parameter: now. See {@link Turns}.
   */
  abstract String turnNowExpr();

  /** The statement adding {@code (owner, status, delta)} to {@code job_count}. */
  abstract String countAddSql();

  /** Folds the {@code job_count} deltas inside an open transaction. */
  abstract void compactCounts(Connection c) throws SQLException;

  /** Wakes other processes after commit (inside the transaction: NOTIFY is delivered at commit). */
  abstract void notifyOthers(Connection c, String payload) throws SQLException;

  /** The claim's {@code types.size()} placeholders, comma-separated. */
  static String marks(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }

  /**
   * Binds a claim statement, whose parameters are in this order on every dialect: now (due
   * cut-off), the types, the limit, the worker id, the lease expiry, now (started), now (updated).
   */
  final void bindClaim(PreparedStatement ps, JobClaimParams p, Instant now) throws SQLException {
    int i = 1;
    setInstant(ps, i++, now);
    for (String t : p.types()) {
      ps.setString(i++, t);
    }
    ps.setInt(i++, p.limit());
    ps.setString(i++, p.workerId());
    setInstant(ps, i++, JdbcJobStore.ms(p.leaseUntil()));
    setInstant(ps, i++, now);
    setInstant(ps, i, now);
  }

  /** The rows a claim returned, in claim order (turn, then id; RETURNING order is arbitrary). */
  final List<Job> claimed(ResultSet rs) throws SQLException {
    record Claimed(long turn, Job job) {}
    List<Claimed> rows = new ArrayList<>();
    while (rs.next()) {
      rows.add(new Claimed(rs.getLong("turn"), JobRows.job(rs, this)));
    }
    rows.sort(Comparator.comparingLong(Claimed::turn).thenComparing(c -> c.job().id()));
    List<Job> jobs = new ArrayList<>(rows.size());
    for (Claimed c : rows) {
      jobs.add(c.job());
    }
    return jobs;
  }
}
