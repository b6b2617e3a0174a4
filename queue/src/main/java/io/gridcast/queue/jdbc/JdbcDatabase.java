package io.gridcast.queue.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.gridcast.queue.StoreException;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.Lock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One database as this process uses it: its connection pool, its {@link Dialect} (recognised once,
 * here), and the state every component writing it from this process shares:
 *
 * <ul>
 *   <li>the writer lock: on SQLite the writers of one process queue on a fair lock before {@code
 *       BEGIN IMMEDIATE} instead of sleeping in SQLite's busy handler (on PostgreSQL it never
 *       blocks);
 *   <li>local wake-ups: after a commit that made jobs due or wrote events, every {@link
 *       CommitListener} registered here hears of it at once, whichever queue or store committed
 *       (other processes learn of it by {@code NOTIFY} on PostgreSQL, by their poll on SQLite).
 * </ul>
 *
 * Hand the same instance to every queue and store of a process: two job queues on one SQLite file
 * share a writer lock, and wake each other, only through the instance they are both given. {@link
 * #inTx} is the one transaction frame of the queue and the server's stores. Thread-safe; {@link
 * #close} closes the pool only when {@link #open} built it.
 */
public final class JdbcDatabase implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcDatabase.class);

  /** Hears of this process's commits: whether they made jobs due, whether they wrote events. */
  @FunctionalInterface
  public interface CommitListener {
    void committed(boolean newJobs, boolean newEvents);
  }

  /** Something to undo later: a registration, a listening connection. Closing twice is harmless. */
  @FunctionalInterface
  public interface Registration extends AutoCloseable {
    @Override
    void close();
  }

  private final DataSource dataSource;
  private final HikariDataSource ownedPool;
  private final Dialect dialect;
  private final Lock writerLock;
  private final List<CommitListener> listeners = new CopyOnWriteArrayList<>();

  private JdbcDatabase(DataSource dataSource, HikariDataSource ownedPool, Dialect dialect) {
    this.dataSource = dataSource;
    this.ownedPool = ownedPool;
    this.dialect = dialect;
    this.writerLock = dialect.newWriterLock();
  }

  /**
   * Opens (and owns) a Hikari pool on {@code jdbc:sqlite:/path/file.db} or {@code
   * jdbc:postgresql://host:port/db}, tuned for its dialect; SQLite's directory is created.
   *
   * @param maxPoolSize 0 for the dialect's default (SQLite 4, PostgreSQL 20)
   * @throws IllegalArgumentException naming the URL when it is neither SQLite nor PostgreSQL
   */
  public static JdbcDatabase open(String jdbcUrl, String user, String password, int maxPoolSize) {
    Dialect dialect = Dialect.forUrl(jdbcUrl);
    try {
      dialect.prepareLocation(jdbcUrl);
    } catch (IOException e) {
      throw new StoreException("creating the directory of " + jdbcUrl, e);
    }
    HikariConfig cfg = new HikariConfig();
    cfg.setJdbcUrl(jdbcUrl);
    cfg.setPoolName("gridcast-queue");
    cfg.setConnectionTimeout(Duration.ofSeconds(30).toMillis());
    dialect.tunePool(cfg, maxPoolSize);
    if (user != null) {
      cfg.setUsername(user);
    }
    if (password != null) {
      cfg.setPassword(password);
    }
    LOG.info(
        "database pool: url={} user={} password={} maxPoolSize={}",
        jdbcUrl.replaceAll("password=[^&]*", "password=****"),
        user,
        password == null ? "(none)" : "****",
        cfg.getMaximumPoolSize());
    HikariDataSource pool = new HikariDataSource(cfg);
    return new JdbcDatabase(pool, pool, dialect);
  }

  /** A caller-owned data source; its dialect is read from a connection's URL. */
  public static JdbcDatabase over(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      return new JdbcDatabase(dataSource, null, Dialect.of(c));
    } catch (SQLException e) {
      throw new StoreException("detecting the database", e);
    }
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public Dialect dialect() {
    return dialect;
  }

  /**
   * Runs {@code work} in one transaction on a pooled connection: commit when it returns, rollback
   * when it throws. Writers of this process take the writer lock first (SQLite: one at a time). Do
   * not nest: work that needs more statements runs them on the connection it is given.
   */
  public <T> T inTx(SqlWork<T> work) throws SQLException {
    writerLock.lock();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } finally {
      writerLock.unlock();
    }
  }

  /** Runs {@code work} on a pooled connection in autocommit mode (reads, single statements). */
  public <T> T read(SqlWork<T> work) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return work.run(c);
    }
  }

  /**
   * Runs a read whose rows are streamed, framed as the dialect needs ({@link Dialect#streaming}).
   */
  public <T> T stream(SqlWork<T> work) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return dialect.streaming(c, work);
    }
  }

  /**
   * Applies the migrations at {@code location} under the Flyway history table {@code historyTable},
   * baselining at version 0 when the schema already holds other tables.
   */
  public void migrate(String location, String historyTable) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations(location)
        .table(historyTable)
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
  }

  /** Registers a listener of this process's commits; closing the handle removes it. */
  public Registration onCommit(CommitListener listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** Tells every listener of a commit that made jobs due or wrote events. */
  void committed(boolean newJobs, boolean newEvents) {
    if (newJobs || newEvents) {
      for (CommitListener l : listeners) {
        l.committed(newJobs, newEvents);
      }
    }
  }

  /**
   * Wakes this process when another process commits new jobs or events (PostgreSQL {@code LISTEN}
   * on its own connection, reconnecting after failures); on SQLite nothing: other processes'
   * changes are found by polling. Close the handle to stop.
   */
  public Registration listen(Runnable onJobs, Runnable onEvents) {
    return dialect.listen(dataSource, onJobs, onEvents);
  }

  /** Closes the pool if {@link #open} built it. */
  @Override
  public void close() {
    if (ownedPool != null) {
      ownedPool.close();
    }
  }

  @Override
  public String toString() {
    return "JdbcDatabase[" + dialect + "]";
  }
}
