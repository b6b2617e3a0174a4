package io.gridcast.server.db;

import com.zaxxer.hikari.HikariDataSource;
import io.gridcast.queue.jdbc.QueueDatabase;
import io.gridcast.server.config.DatabaseUrl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * One process's connection pool on the job database, and the server schema migrations.
 *
 * <p>SQLite: WAL journal, a busy timeout and {@code BEGIN IMMEDIATE} transactions so that writers
 * queue on the file lock instead of failing on a read-to-write upgrade. PostgreSQL: a plain pool.
 * Thread-safe; {@link #close()} is idempotent.
 */
public final class Database implements AutoCloseable {

  /** Flyway history table of the server's own tables (the queue keeps its own). */
  public static final String HISTORY_TABLE = "server_schema_history";

  private final DatabaseUrl url;
  private final HikariDataSource pool;
  private io.gridcast.queue.jdbc.Dialect queueDialect;

  private Database(DatabaseUrl url, HikariDataSource pool) {
    this.url = url;
    this.pool = pool;
  }

  /**
   * Opens a pool on {@code url} (the queue's tuning: SQLite WAL, busy timeout, {@code BEGIN
   * IMMEDIATE}; PostgreSQL batched inserts), at most {@code maxConnections}, and applies the
   * queue's and the server's migrations.
   */
  public static Database open(DatabaseUrl url, int maxConnections) {
    if (!url.postgres()) {
      createParentDirectory(url.jdbcUrl().substring("jdbc:sqlite:".length()));
    }
    HikariDataSource pool =
        QueueDatabase.pool(
            url.jdbcUrl(),
            url.user().isEmpty() ? null : url.user(),
            url.password().isEmpty() ? null : url.password(),
            maxConnections);
    Database db = new Database(url, pool);
    try {
      db.queueDialect = QueueDatabase.detect(pool);
      QueueDatabase.migrate(pool, db.queueDialect);
      db.migrate();
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    return db;
  }

  private static void createParentDirectory(String file) {
    if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) {
      return;
    }
    Path parent = Path.of(file).toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new DatabaseException("cannot create the data directory " + parent, e);
    }
  }

  /** The queue's dialect object for this database (the job store needs it). */
  public io.gridcast.queue.jdbc.Dialect queueDialect() {
    return queueDialect;
  }

  /** Applies the server's migrations for this database's dialect. */
  private void migrate() {
    Flyway.configure()
        .dataSource(pool)
        .table(HISTORY_TABLE)
        .locations(
            "classpath:db/migration/server/" + dialect().name().toLowerCase(java.util.Locale.ROOT))
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
  }

  /** True when the database answers a trivial query (readiness). */
  public boolean ping() {
    try (java.sql.Connection c = pool.getConnection();
        java.sql.Statement st = c.createStatement()) {
      st.execute("SELECT 1");
      return true;
    } catch (java.sql.SQLException e) {
      return false;
    }
  }

  public DataSource dataSource() {
    return pool;
  }

  public Dialect dialect() {
    return url.postgres() ? Dialect.POSTGRESQL : Dialect.SQLITE;
  }

  public DatabaseUrl url() {
    return url;
  }

  @Override
  public void close() {
    pool.close();
  }
}
