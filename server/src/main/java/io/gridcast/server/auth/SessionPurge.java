package io.gridcast.server.auth;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes dead sessions ({@link SessionStore#purge()}: expired, or of a revoked user) at start and
 * then every {@link #EVERY} on one named daemon thread, so the table holds only sessions that can
 * still be used. A failed purge is logged and tried again at the next turn. {@link #close()} is
 * idempotent and does not wait for a purge in progress.
 */
public final class SessionPurge implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SessionPurge.class);

  /** How often dead sessions are deleted. */
  public static final Duration EVERY = Duration.ofMinutes(10);

  private final ScheduledExecutorService scheduler;

  private SessionPurge(SessionStore sessions, Duration every) {
    scheduler =
        Executors.newSingleThreadScheduledExecutor(r -> {
          Thread t = new Thread(r, "gridcast-session-purge");
          t.setDaemon(true);
          return t;
        });
    scheduler.scheduleWithFixedDelay(
        () -> purgeOnce(sessions), 0, every.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Starts purging {@code sessions} every {@link #EVERY}. */
  public static SessionPurge start(SessionStore sessions) {
    return new SessionPurge(sessions, EVERY);
  }

  private static void purgeOnce(SessionStore sessions) {
    try {
      int n = sessions.purge();
      if (n > 0) {
        LOG.info("purged {} expired or revoked sessions", n);
      }
    } catch (RuntimeException e) {
      LOG.warn("session purge failed, retried in {}: {}", EVERY, e.toString());
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
