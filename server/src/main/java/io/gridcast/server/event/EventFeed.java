package io.gridcast.server.event;

import io.gridcast.queue.JobEvent;
import io.gridcast.queue.JobQueue;
import io.gridcast.queue.event.EventSubscription;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The latest job-event sequence this process has seen, and a way to wait until it moves past a
 * position. It follows one queue subscription, which delivers every process's events in order
 * (PostgreSQL NOTIFY or the in-process signal, with a slow poll as the safety net, and waiting out
 * sequence gaps of uncommitted transactions), so a stream that reads events up to {@link #latest()}
 * never skips one.
 *
 * <p>It also keeps the events it was delivered in the last {@code recentAge} (at most {@code
 * recentCapacity} to {@code 2 * recentCapacity} of them), in order, so that every open stream of
 * this process reads new events from memory ({@link #recentAfter}) instead of each querying the
 * event table at every wake-up: 200 streams cost one read of the table (the subscription's), not
 * 200. A stream resumed from a position older than the kept window reads the table itself.
 * Thread-safe; {@link #close()} is idempotent.
 */
public final class EventFeed implements AutoCloseable {
  /** Events kept in memory by default, at most (a few MiB). */
  public static final int DEFAULT_RECENT = 20_000;

  /**
   * How long an event stays in memory by default: a stream that reconnects within it resumes from
   * memory. Without an age bound a steady trickle of events fills the window to its count bound
   * (~12 MiB an API process) in half an hour and keeps it there; with it, memory follows the last
   * minutes' event rate.
   */
  public static final Duration DEFAULT_RECENT_AGE = Duration.ofMinutes(5);

  /**
   * The events of one second of arrivals: they began at {@code startMillis}; the last of them,
   * {@code seq}, arrived at {@code lastMillis}. Marks are a second apart at least.
   */
  private static final class Mark {
    final long startMillis;
    long lastMillis;
    long seq;

    Mark(long now, long seq) {
      this.startMillis = now;
      this.lastMillis = now;
      this.seq = seq;
    }
  }

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition moved = lock.newCondition();
  private final JobQueue queue;
  private final EventSubscription subscription;
  private final int recentCapacity;
  private final long recentAgeMillis;
  private final InstantSource clock;
  private final List<JobEvent> recent = new ArrayList<>(); // guarded by lock, seq increasing
  private final Deque<Mark> marks = new ArrayDeque<>(); // guarded by lock, oldest first
  private long floor; // guarded by lock: every event with seq in (floor, latest] is in recent
  private volatile long latest;
  private volatile boolean closed;
  private long nudges;

  private EventFeed(Builder b) {
    this.recentCapacity = b.recentCapacity;
    this.recentAgeMillis = b.recentAge.toMillis();
    this.clock = b.clock;
    this.queue = b.queue;
    this.latest = queue.store().eventLatestSeq();
    this.floor = latest;
    this.subscription = queue.subscribe(latest, this::advance);
  }

  /** A feed of {@code queue}'s events; {@link Builder#start()} subscribes from the latest one. */
  public static Builder follow(JobQueue queue) {
    return new Builder(queue);
  }

  /** Settings of a feed; each setter refuses a bad value at once, naming it. Not thread-safe. */
  public static final class Builder {
    private final JobQueue queue;
    private int recentCapacity = DEFAULT_RECENT;
    private Duration recentAge = DEFAULT_RECENT_AGE;
    private InstantSource clock = InstantSource.system();

    private Builder(JobQueue queue) {
      this.queue = Objects.requireNonNull(queue, "queue must not be null");
    }

    /** Events kept in memory for the streams, at least 1 (default {@value #DEFAULT_RECENT}). */
    public Builder recentCapacity(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("recentCapacity must be >= 1: " + n);
      }
      recentCapacity = n;
      return this;
    }

    /**
     * How long after its arrival an event is dropped from memory, at least 1 s (default 5 min); it
     * goes within a second after that, when a later event arrives.
     */
    public Builder recentAge(Duration age) {
      if (age == null || age.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException("recentAge must be >= 1s: " + age);
      }
      recentAge = age;
      return this;
    }

    /** The clock of the arrival times (default: the system clock). */
    public Builder clock(InstantSource c) {
      clock = Objects.requireNonNull(c, "clock must not be null");
      return this;
    }

    /** Subscribes to the queue's events from the latest one. */
    public EventFeed start() {
      return new EventFeed(this);
    }
  }

  private void advance(JobEvent e) {
    lock.lock();
    try {
      if (e.seq() > latest) {
        recent.add(e);
        if (recent.size() >= 2 * recentCapacity) {
          // Drop the older half in one copy (amortised O(1) per event).
          dropThrough(recent.get(recent.size() - recentCapacity - 1).seq());
        }
        long now = clock.millis();
        Mark last = marks.peekLast();
        if (last != null && now - last.startMillis < 1000) {
          last.lastMillis = now;
          last.seq = e.seq();
        } else {
          marks.addLast(new Mark(now, e.seq()));
        }
        // Marks are a second apart at least, so this copies the list once a second at most.
        while (!marks.isEmpty() && now - marks.peekFirst().lastMillis > recentAgeMillis) {
          dropThrough(marks.pollFirst().seq);
        }
        latest = e.seq();
        moved.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Drops the kept events with a sequence up to {@code seq}; the floor moves up to it. */
  private void dropThrough(long seq) {
    if (seq <= floor) {
      return;
    }
    recent.subList(0, indexAfter(seq)).clear();
    floor = seq;
  }

  /** The first index of {@link #recent} whose sequence is above {@code pos}. */
  private int indexAfter(long pos) {
    int lo = 0;
    int hi = recent.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (recent.get(mid).seq() <= pos) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Events kept in memory now. */
  public int recentSize() {
    lock.lock();
    try {
      return recent.size();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Up to {@code limit} delivered events with a sequence above {@code pos}, oldest first; null when
   * {@code pos} is older than the kept window (the caller reads the store instead).
   */
  public List<JobEvent> recentAfter(long pos, int limit) {
    lock.lock();
    try {
      if (pos < floor) {
        return null;
      }
      int lo = indexAfter(pos);
      return List.copyOf(recent.subList(lo, Math.min(recent.size(), lo + limit)));
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

  /** Moves whenever this process commits a job change: {@link JobQueue#localChangeVersion()}. */
  public long localChangeVersion() {
    return queue.localChangeVersion();
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
