package io.gridcast.queue.event;

import io.gridcast.queue.JobEvent;
import io.gridcast.queue.JobStore;
import io.gridcast.queue.JobStore.EventListAfterParams;
import io.gridcast.queue.worker.Signal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers events with {@code seq > afterSeq} to one listener, in order, on its own thread ({@code
 * gridcast-queue-events-N}), from every process writing to the database.
 *
 * <p>On PostgreSQL a sequence value is drawn before commit, so seq n+1 may become visible before
 * seq n. The reader delivers only the gap-free prefix and re-reads every {@link #GAP_RECHECK}; a
 * gap still open after {@code gapTimeout} (a rolled-back transaction, or events pruned by
 * retention) is skipped. A listener that throws is logged and keeps receiving.
 */
public final class EventSubscription implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EventSubscription.class);
  private static final AtomicInteger THREADS = new AtomicInteger();
  static final Duration GAP_RECHECK = Duration.ofMillis(2);
  private static final int PAGE = 1000;

  private final JobStore store;
  private final Signal signal;
  private final Consumer<JobEvent> listener;
  private final Duration pollInterval;
  private final boolean gapsPossible;
  private final Duration gapTimeout;
  private final Thread thread;
  private volatile boolean closed;
  private volatile long cursor;

  public EventSubscription(
      JobStore store,
      Signal signal,
      long afterSeq,
      Consumer<JobEvent> listener,
      Duration pollInterval,
      boolean gapsPossible,
      Duration gapTimeout) {
    this.store = store;
    this.signal = signal;
    this.listener = listener;
    this.pollInterval = pollInterval;
    this.gapsPossible = gapsPossible;
    this.gapTimeout = gapTimeout;
    this.cursor = afterSeq;
    this.thread = new Thread(this::loop, "gridcast-queue-events-" + THREADS.incrementAndGet());
    thread.setDaemon(true);
    thread.start();
  }

  /** The seq of the last event delivered. */
  public long cursor() {
    return cursor;
  }

  private void loop() {
    long gapSince = 0;
    while (!closed) {
      try {
        long seen = signal.version();
        List<JobEvent> page = store.eventListAfter(new EventListAfterParams(cursor, PAGE));
        boolean gapOpen = false;
        for (JobEvent e : page) {
          if (gapsPossible && e.seq() != cursor + 1) {
            long now = System.nanoTime();
            if (gapSince == 0) {
              gapSince = now;
            }
            if (now - gapSince < gapTimeout.toNanos()) {
              gapOpen = true;
              break;
            }
          }
          gapSince = 0;
          deliver(e);
          cursor = e.seq();
        }
        if (gapOpen) {
          signal.await(seen, GAP_RECHECK);
        } else if (page.size() < PAGE) {
          signal.await(seen, pollInterval);
        }
      } catch (InterruptedException e) {
        return;
      } catch (Throwable t) {
        LOG.warn("event subscription read failed; retrying", t);
        try {
          Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException ie) {
          return;
        }
      }
    }
  }

  private void deliver(JobEvent e) {
    try {
      listener.accept(e);
    } catch (RuntimeException ex) {
      LOG.warn("event listener threw on seq {}", e.seq(), ex);
    }
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
    try {
      thread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
