package io.gridcast.queue.jdbc;

import io.gridcast.queue.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The job store's frames around {@link JdbcDatabase}: a transaction whose continuation releases
 * ({@link Continuations}), events, count deltas and NOTIFY ({@link ChangeBuffer}) are written just
 * before it commits, one autocommitted statement that writes its own, and plain reads; after a
 * commit the process's listeners are told ({@link JdbcDatabase#committed}). A {@link SQLException}
 * becomes a {@link StoreException} naming the operation. Thread-safe.
 */
final class Transactions {
  /** A job-store operation's statements, recording its side effects in {@code changes}. */
  @FunctionalInterface
  interface TxWork<T> {
    T run(Connection c, ChangeBuffer changes) throws SQLException;
  }

  private final JdbcDatabase db;

  Transactions(JdbcDatabase db) {
    this.db = db;
  }

  JdbcDatabase database() {
    return db;
  }

  Dialect dialect() {
    return db.dialect();
  }

  /** {@code work} and its side effects in one transaction ({@link JdbcDatabase#inTx}). */
  <T> T inTx(String op, Instant now, TxWork<T> work) {
    Instant at = now.truncatedTo(ChronoUnit.MILLIS);
    ChangeBuffer changes = new ChangeBuffer();
    T result;
    try {
      result =
          db.inTx(c -> {
            T r = work.run(c, changes);
            if (changes.continuationsToCheck()) {
              Continuations.settle(c, db.dialect(), changes, at);
            }
            changes.flush(c, db.dialect(), at);
            return r;
          });
    } catch (SQLException e) {
      throw new StoreException(op, e);
    }
    db.committed(changes.jobsAvailable, changes.hasEvents());
    return result;
  }

  /**
   * {@code work} as ONE autocommitted statement (its own transaction, one round trip): only for
   * statements that write their own events, count deltas and NOTIFY, and finish no job (a finished
   * job may release a continuation, which needs {@link #inTx}).
   */
  <T> T autocommit(String op, TxWork<T> work) {
    ChangeBuffer changes = new ChangeBuffer();
    T result;
    try {
      result =
          db.read(c -> {
            if (!c.getAutoCommit()) {
              c.setAutoCommit(true);
            }
            return work.run(c, changes);
          });
    } catch (SQLException e) {
      throw new StoreException(op, e);
    }
    db.committed(changes.jobsAvailable, changes.hasEvents());
    return result;
  }

  /** A read on a pooled connection. */
  <T> T read(String op, SqlWork<T> work) {
    try {
      return db.read(work);
    } catch (SQLException e) {
      throw new StoreException(op, e);
    }
  }
}
