package io.gridcast.server.event;

import io.gridcast.queue.JobStore;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The latest event sequence of the job database, as this process last saw it, and a way to wait
 * until it moves past a position. One background thread polls {@code eventLatestSeq()} (one index
 * lookup) every {@code poll}; {@link #signal()} (called on local commits) checks at once.
 * Thread-safe; {@link #close()} is idempotent.
 */
public final class EventFeed implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EventFeed.class);

  private final JobStore store;
  private final Duration poll;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition moved = lock.newCondition();
  private final Thread thread;
  private volatile long latest;
  private volatile boolean kick;
  private volatile boolean closed;

  public EventFeed(JobStore store, Duration poll) {
    this.store = store;
    this.poll = poll;
    this.latest = store.eventLatestSeq();
    this.thread = Thread.ofPlatform().daemon().name("gridcast-event-feed").start(this::loop);
  }

  /** True once {@link #close()} was called: streams end. */
  public boolean closed() {
    return closed;
  }

  /** The highest sequence seen so far. */
  public long latest() {
    return latest;
  }

  /** Tells the feed that something may have changed (a local commit): it looks at once. */
  public void signal() {
    kick = true;
    lock.lock();
    try {
      moved.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until the latest sequence is above {@code seq}, or the timeout passes.
   *
   * @return the latest sequence (may still be {@code <= seq} after a timeout)
   */
  public long awaitAfter(long seq, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    lock.lock();
    try {
      while (latest <= seq && !closed) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        moved.awaitNanos(left);
      }
      return latest;
    } finally {
      lock.unlock();
    }
  }

  private void loop() {
    while (!closed) {
      try {
        long now = store.eventLatestSeq();
        if (now != latest) {
          lock.lock();
          try {
            latest = now;
            moved.signalAll();
          } finally {
            lock.unlock();
          }
        }
      } catch (RuntimeException e) {
        LOG.warn("event feed: reading the latest sequence failed: {}", e.toString());
      }
      lock.lock();
      try {
        if (!kick && !closed) {
          moved.await(poll.toNanos(), TimeUnit.NANOSECONDS);
        }
        kick = false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        lock.unlock();
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    signal();
    try {
      thread.join(Duration.ofSeconds(2));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
