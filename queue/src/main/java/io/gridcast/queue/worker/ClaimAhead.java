package io.gridcast.queue.worker;

import java.time.Duration;

/**
 * How many jobs a pool may claim beyond its free slots, from how long its handlers have been
 * taking.
 *
 * <p>Claiming only for free slots costs one claim statement per free slot's worth of jobs: with 2
 * slots and millisecond jobs the pool spends its time in claim round trips. A claimed job waiting
 * in the pool holds work another process might run, so the look-ahead is bounded by time: at most
 * as many jobs as the slots are expected to finish within {@code budget},
 *
 * <pre>ahead = min(maxAhead, floor(slots * budget / meanRun))</pre>
 *
 * where {@code meanRun} is an exponentially weighted mean of handler wall time (weight {@value
 * #WEIGHT} per run). Until {@value #WARM_UP} runs are seen, and whenever jobs take longer than
 * {@code slots * budget} (a forecast optimisation of tens of milliseconds or more), {@code ahead}
 * is 0: the pool claims for free slots only. Thread-safe; recording is a few arithmetic operations.
 */
final class ClaimAhead {
  static final double WEIGHT = 0.05;
  static final int WARM_UP = 16;

  private final int slots;
  private final int maxAhead;
  private final long budgetNanos;
  private long runs;
  private double meanNanos;

  /**
   * @param budget the longest a claimed-ahead job is expected to wait; zero turns look-ahead off
   * @param maxAhead the most jobs claimed beyond free slots, whatever the handlers' speed
   */
  ClaimAhead(int slots, Duration budget, int maxAhead) {
    if (budget.isNegative() || maxAhead < 0) {
      throw new IllegalArgumentException(
          "claim-ahead budget and maximum must be >= 0: " + budget + ", " + maxAhead);
    }
    this.slots = slots;
    this.maxAhead = maxAhead;
    this.budgetNanos = budget.toNanos();
  }

  /** Records one handler run's wall time. */
  synchronized void record(long nanos) {
    runs++;
    meanNanos = runs == 1 ? nanos : meanNanos + WEIGHT * (nanos - meanNanos);
  }

  /** Jobs to claim beyond the free slots now. */
  synchronized int ahead() {
    if (budgetNanos == 0 || maxAhead == 0 || runs < WARM_UP) {
      return 0;
    }
    double fits = slots * (double) budgetNanos / Math.max(meanNanos, 1.0);
    return (int) Math.min(maxAhead, Math.floor(fits));
  }
}
