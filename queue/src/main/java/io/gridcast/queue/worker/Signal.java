package io.gridcast.queue.worker;

import java.time.Duration;

/**
 * A broadcast wake-up: {@link #fire()} bumps a version, {@link #await} returns once the version
 * differs from the one the caller saw or the timeout passes. No lost wake-ups: read {@link
 * #version()} before checking for work, then await that version. Thread-safe.
 */
public final class Signal {
  private long version;

  public synchronized long version() {
    return version;
  }

  public synchronized void fire() {
    version++;
    notifyAll();
  }

  /** Waits until the version moved past {@code seen} or the timeout passed. */
  public synchronized void await(long seen, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (version == seen) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return;
      }
      wait(Math.max(1, left / 1_000_000), 0);
    }
  }
}
