package io.gridcast.server.db;

import io.gridcast.queue.StoreException;
import io.gridcast.queue.jdbc.Dialect;
import io.gridcast.queue.jdbc.JdbcDatabase;
import io.gridcast.queue.jdbc.QueueSchema;
import io.gridcast.server.config.DatabaseUrl;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * One process's job database: the {@link JdbcDatabase} every component of the process shares (the
 * pool, the one {@link Dialect}, SQLite's writer lock, local wake-ups), with the queue's and the
 * server's migrations applied. The queue and the server's stores are all given {@link #jdbc()}, so
 * the database is recognised once per process and each SQL difference is asked of the same dialect.
 * Thread-safe; {@link #close()} is idempotent.
 */
public final class Database implements AutoCloseable {

  /** Flyway history table of the server's own tables (the queue keeps its own). */
  public static final String HISTORY_TABLE = "server_schema_history";

  /** Where the server's migrations live: {@code <this>/sqlite} and {@code <this>/postgresql}. */
  public static final String MIGRATIONS = "classpath:db/migration/server";

  private final DatabaseUrl url;
  private final JdbcDatabase jdbc;

  private Database(DatabaseUrl url, JdbcDatabase jdbc) {
    this.url = url;
    this.jdbc = jdbc;
  }

  /**
   * Opens a pool on {@code url} (the dialect's tuning: SQLite WAL, busy timeout, {@code BEGIN
   * IMMEDIATE}, its directory created; PostgreSQL batched inserts), at most {@code maxConnections},
   * and applies the queue's and the server's migrations.
   */
  public static Database open(DatabaseUrl url, int maxConnections) {
    JdbcDatabase jdbc;
    try {
      jdbc =
          JdbcDatabase.open(
              url.jdbcUrl(),
              url.user().isEmpty() ? null : url.user(),
              url.password().isEmpty() ? null : url.password(),
              maxConnections);
    } catch (StoreException e) {
      throw new DatabaseException("cannot open the database " + url + ": " + e.getMessage(), e);
    }
    try {
      QueueSchema.migrate(jdbc);
      RewordedMigrations.realign(jdbc.dataSource(), HISTORY_TABLE, RewordedMigrations.SERVER);
      jdbc.migrate(jdbc.dialect().migrationLocation(MIGRATIONS), HISTORY_TABLE);
    } catch (RuntimeException e) {
      jdbc.close();
      throw e;
    }
    return new Database(url, jdbc);
  }

  /** True when the database answers a trivial query (readiness). */
  public boolean ping() {
    try (Connection c = jdbc.dataSource().getConnection();
        Statement st = c.createStatement()) {
      st.execute("SELECT 1");
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  /** The shared database object: what the queue and every store of this process are built on. */
  public JdbcDatabase jdbc() {
    return jdbc;
  }

  public DataSource dataSource() {
    return jdbc.dataSource();
  }

  public Dialect dialect() {
    return jdbc.dialect();
  }

  public DatabaseUrl url() {
    return url;
  }

  @Override
  public void close() {
    jdbc.close();
  }
}
