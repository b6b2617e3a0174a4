package io.gridcast.server.event;

import io.gridcast.queue.JobQueue;
import io.gridcast.queue.event.EventSubscription;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The latest job-event sequence this process has seen, and a way to wait until it moves past a
 * position. It follows one queue subscription, which delivers every process's events in order
 * (PostgreSQL NOTIFY or the in-process signal, with a slow poll as the safety net, and waiting out
 * sequence gaps of uncommitted transactions), so a stream that reads events up to {@link #latest()}
 * never skips one. Thread-safe; {@link #close()} is idempotent.
 */
public final class EventFeed implements AutoCloseable {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition moved = lock.newCondition();
  private final EventSubscription subscription;
  private volatile long latest;
  private volatile boolean closed;
  private long nudges;

  public EventFeed(JobQueue queue) {
    this.latest = queue.store().eventLatestSeq();
    this.subscription = queue.subscribe(latest, e -> advance(e.seq()));
  }

  private void advance(long seq) {
    lock.lock();
    try {
      if (seq > latest) {
        latest = seq;
        moved.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Wakes every stream waiting in {@link #awaitAfter} without a job event: something else for them
   * to send (an alert was raised or cleared).
   */
  public void nudge() {
    lock.lock();
    try {
      nudges++;
      moved.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** True once {@link #close()} was called: streams end. */
  public boolean closed() {
    return closed;
  }

  /** The highest sequence delivered so far; every event up to it is committed. */
  public long latest() {
    return latest;
  }

  /**
   * Waits until the latest sequence is above {@code seq}, the timeout passes, {@link #nudge()} is
   * called or the feed closes.
   *
   * @return the latest sequence (may still be {@code <= seq} after a timeout)
   */
  public long awaitAfter(long seq, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    lock.lock();
    try {
      long nudged = nudges;
      while (latest <= seq && !closed && nudges == nudged) {
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

  @Override
  public void close() {
    closed = true;
    subscription.close();
    lock.lock();
    try {
      moved.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
