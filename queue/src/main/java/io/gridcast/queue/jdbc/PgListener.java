package io.gridcast.queue.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds one connection that {@code LISTEN}s on {@link PostgresDialect#CHANNEL} and turns
 * notifications into in-process wake-ups (thread {@code gridcast-queue-listen}). Reconnects after
 * failures and then fires both callbacks, since notifications may have been missed.
 */
final class PgListener implements JdbcDatabase.Registration {
  private static final Logger LOG = LoggerFactory.getLogger(PgListener.class);
  private static final int WAIT_MS = 500;

  private final DataSource dataSource;
  private final Runnable onJobs;
  private final Runnable onEvents;
  private final Thread thread;
  private volatile boolean closed;

  PgListener(DataSource dataSource, Runnable onJobs, Runnable onEvents) {
    this.dataSource = dataSource;
    this.onJobs = onJobs;
    this.onEvents = onEvents;
    this.thread = new Thread(this::loop, "gridcast-queue-listen");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    while (!closed) {
      try (Connection c = dataSource.getConnection()) {
        try (Statement s = c.createStatement()) {
          s.execute("LISTEN " + PostgresDialect.CHANNEL);
        }
        onJobs.run();
        onEvents.run();
        PGConnection pg = c.unwrap(PGConnection.class);
        while (!closed) {
          PGNotification[] ns = pg.getNotifications(WAIT_MS);
          if (ns == null) {
            continue;
          }
          boolean jobs = false;
          boolean events = false;
          for (PGNotification n : ns) {
            jobs |= n.getParameter().contains("p");
            events |= n.getParameter().contains("e");
          }
          if (jobs) {
            onJobs.run();
          }
          if (events) {
            onEvents.run();
          }
        }
      } catch (SQLException | RuntimeException e) {
        if (!closed) {
          LOG.warn("LISTEN connection failed; reconnecting in 1 s", e);
          try {
            Thread.sleep(1000);
          } catch (InterruptedException ie) {
            return;
          }
        }
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      thread.join(2 * WAIT_MS + 1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
