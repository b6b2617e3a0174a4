package io.gridcast.server.monitor;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * How long a new API request waits for a thread before its handler runs: the time from starting a
 * virtual thread (the HTTP server runs every request on one) until that thread runs. {@value
 * #TRIES} probe threads start together and the median of their waits is the measurement, so one
 * probe delayed by a page fault or by its place in the queue does not count. Near zero on a healthy
 * process, even with every core busy fitting at nice 19; it grows when the process's own threads
 * cannot get a core (other work at the same priority, a CPU quota, request handlers computing on
 * every carrier thread) or the JVM is paused. Called by the monitor's one sampling thread; waits at
 * most {@link #MAX_WAIT}.
 */
public final class QueueWaitProbe {
  /** Probe threads per measurement; the median ignores one outlier. */
  public static final int TRIES = 3;

  /**
   * The longest a measurement waits; a thread that has not run by then counts as waiting this long.
   */
  public static final Duration MAX_WAIT = Duration.ofSeconds(10);

  private static final long NOT_RUN = Long.MIN_VALUE;

  /** One measurement: the median wait of {@value #TRIES} probe threads started together. */
  public Duration measure() {
    AtomicLongArray ran = new AtomicLongArray(TRIES);
    for (int i = 0; i < TRIES; i++) {
      ran.set(i, NOT_RUN);
    }
    Thread[] probes = new Thread[TRIES];
    long t0 = System.nanoTime();
    for (int i = 0; i < TRIES; i++) {
      int k = i;
      probes[i] =
          Thread.ofVirtual()
              .name("gridcast-queue-wait-probe")
              .start(() -> ran.set(k, System.nanoTime()));
    }
    long deadline = t0 + MAX_WAIT.toNanos();
    try {
      for (Thread p : probes) {
        long left = deadline - System.nanoTime();
        if (left > 0) {
          p.join(Duration.ofNanos(left));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    long[] waits = new long[TRIES];
    long now = System.nanoTime();
    for (int i = 0; i < TRIES; i++) {
      long at = ran.get(i);
      waits[i] = (at == NOT_RUN ? now : at) - t0;
    }
    Arrays.sort(waits);
    return Duration.ofNanos(waits[TRIES / 2]);
  }
}
