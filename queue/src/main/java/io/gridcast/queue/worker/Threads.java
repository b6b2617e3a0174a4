package io.gridcast.queue.worker;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/** The pool's thread chores: named daemon threads, bounded waits, loops that survive anything. */
final class Threads {
  private Threads() {}

  static Thread named(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** Runs {@code r}; any throwable is logged as a warning and the caller's loop goes on. */
  static void guarded(Logger log, String what, Runnable r) {
    try {
      r.run();
    } catch (Throwable t) {
      log.warn("queue {} failed; will retry", what, t);
    }
  }

  static void join(Thread t, Duration bound) {
    if (t == null) {
      return;
    }
    try {
      t.join(bound.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void awaitQuietly(ExecutorService ex, Duration bound) {
    try {
      ex.awaitTermination(bound.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void sleepQuietly(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
