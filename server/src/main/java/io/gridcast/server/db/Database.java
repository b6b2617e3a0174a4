package io.gridcast.server.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
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

  private static final int SQLITE_BUSY_TIMEOUT_MS = 30_000;

  private final DatabaseUrl url;
  private final HikariDataSource pool;

  private Database(DatabaseUrl url, HikariDataSource pool) {
    this.url = url;
    this.pool = pool;
  }

  /** Opens a pool of at most {@code maxConnections} on {@code url}. */
  public static Database open(DatabaseUrl url, int maxConnections) {
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl(url.jdbcUrl());
    hc.setPoolName("gridcast-db");
    hc.setMaximumPoolSize(maxConnections);
    if (url.postgres()) {
      hc.setUsername(url.user());
      hc.setPassword(url.password());
    } else {
      createParentDirectory(url.jdbcUrl().substring("jdbc:sqlite:".length()));
      hc.addDataSourceProperty("journal_mode", "WAL");
      hc.addDataSourceProperty("busy_timeout", Integer.toString(SQLITE_BUSY_TIMEOUT_MS));
      hc.addDataSourceProperty("foreign_keys", "true");
      hc.addDataSourceProperty("transaction_mode", "IMMEDIATE");
      hc.addDataSourceProperty("synchronous", "NORMAL");
    }
    return new Database(url, new HikariDataSource(hc));
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

  /** Applies the server's migrations for this database's dialect. */
  public void migrate() {
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
