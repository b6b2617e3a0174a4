package io.gridcast.queue.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.gridcast.queue.QueueException;
import io.gridcast.queue.StoreException;
import java.io.File;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connection pools and migrations. Pools built from a URL are tuned per dialect:
 *
 * <ul>
 *   <li>SQLite ({@code jdbc:sqlite:/path/gridcast.db}): WAL, {@code synchronous=NORMAL} (durable
 *       across process crashes; the last commits may be lost on power loss), busy timeout {@value
 *       #SQLITE_BUSY_TIMEOUT_MS} ms, foreign keys on, every transaction {@code BEGIN IMMEDIATE}; a
 *       small pool since SQLite has one writer (readers run in parallel under WAL).
 *   <li>PostgreSQL ({@code jdbc:postgresql://host:port/db}): batched inserts rewritten to multi-row
 *       statements.
 * </ul>
 *
 * Migrations run with Flyway from {@code db/migration/{sqlite,postgresql}} under the history table
 * {@value #HISTORY_TABLE}, so an application can keep its own tables and its own Flyway history in
 * the same database (baseline at version 0 when the schema is not empty).
 */
public final class QueueDatabase {
  /** The queue's Flyway history table. */
  public static final String HISTORY_TABLE = "queue_schema_history";

  public static final int SQLITE_BUSY_TIMEOUT_MS = 10_000;
  public static final int SQLITE_POOL_SIZE = 4;
  public static final int POSTGRES_POOL_SIZE = 20;

  private static final Logger LOG = LoggerFactory.getLogger(QueueDatabase.class);

  private QueueDatabase() {}

  /**
   * A Hikari pool for the URL, tuned for its dialect.
   *
   * @param maxPoolSize 0 for the dialect's default
   * @throws IllegalArgumentException naming the URL when it is neither SQLite nor PostgreSQL
   */
  public static HikariDataSource pool(
      String jdbcUrl, String user, String password, int maxPoolSize) {
    HikariConfig cfg = new HikariConfig();
    cfg.setJdbcUrl(jdbcUrl);
    cfg.setPoolName("gridcast-queue");
    cfg.setConnectionTimeout(Duration.ofSeconds(30).toMillis());
    if (jdbcUrl.startsWith("jdbc:sqlite:")) {
      cfg.setDriverClassName("org.sqlite.JDBC");
      cfg.addDataSourceProperty("journal_mode", "WAL");
      cfg.addDataSourceProperty("synchronous", "NORMAL");
      cfg.addDataSourceProperty("busy_timeout", String.valueOf(SQLITE_BUSY_TIMEOUT_MS));
      cfg.addDataSourceProperty("foreign_keys", "true");
      cfg.addDataSourceProperty("transaction_mode", "IMMEDIATE");
      cfg.setMaximumPoolSize(maxPoolSize > 0 ? maxPoolSize : SQLITE_POOL_SIZE);
    } else if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      cfg.setDriverClassName("org.postgresql.Driver");
      cfg.addDataSourceProperty("reWriteBatchedInserts", "true");
      cfg.setMaximumPoolSize(maxPoolSize > 0 ? maxPoolSize : POSTGRES_POOL_SIZE);
    } else {
      throw new IllegalArgumentException(
          "unsupported JDBC URL '"
              + jdbcUrl
              + "'; expected jdbc:sqlite:... or jdbc:postgresql:...");
    }
    if (user != null) {
      cfg.setUsername(user);
    }
    if (password != null) {
      cfg.setPassword(password);
    }
    LOG.info(
        "queue pool: url={} user={} password={} maxPoolSize={}",
        jdbcUrl.replaceAll("password=[^&]*", "password=****"),
        user,
        password == null ? "(none)" : "****",
        cfg.getMaximumPoolSize());
    return new HikariDataSource(cfg);
  }

  /** The dialect of whatever database the data source reaches. */
  public static Dialect detect(DataSource ds) {
    try (Connection c = ds.getConnection()) {
      String product = c.getMetaData().getDatabaseProductName();
      if ("SQLite".equalsIgnoreCase(product)) {
        return new SqliteDialect(sqliteKey(c.getMetaData().getURL()));
      }
      if ("PostgreSQL".equalsIgnoreCase(product)) {
        return new PostgresDialect();
      }
      throw new QueueException("unsupported database '" + product + "'; use SQLite or PostgreSQL");
    } catch (SQLException e) {
      throw new StoreException("detect database", e);
    }
  }

  private static String sqliteKey(String url) {
    String path = url.substring("jdbc:sqlite:".length());
    int q = path.indexOf('?');
    if (q >= 0) {
      path = path.substring(0, q);
    }
    if (path.startsWith("file:")) {
      path = path.substring("file:".length());
    }
    try {
      return new File(path).getCanonicalPath();
    } catch (IOException e) {
      return path;
    }
  }

  /** Applies the queue's migrations for the dialect; safe to call from many processes. */
  public static void migrate(DataSource ds, Dialect dialect) {
    Flyway.configure()
        .dataSource(ds)
        .locations(dialect.migrationLocation())
        .table(HISTORY_TABLE)
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
  }
}
