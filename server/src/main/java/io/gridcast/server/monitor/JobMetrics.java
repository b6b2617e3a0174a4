package io.gridcast.server.monitor;

import io.gridcast.queue.JobCancelledException;
import io.gridcast.queue.JobHandler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/**
 * Job durations by type and outcome ({@code gridcast_job_duration_seconds}, a histogram whose count
 * is the throughput), measured by wrapping each handler: one {@code nanoTime} pair per attempt.
 * Also keeps window counts (finished, failed) for the error-rate rule. Thread-safe.
 */
public final class JobMetrics {
  static final String TIMER = "gridcast.job.duration";

  private final MeterRegistry registry;
  private final LongAdder finished = new LongAdder();
  private final LongAdder failed = new LongAdder();

  JobMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** The handler, timed: outcome {@code completed}, {@code cancelled} or {@code failed}. */
  public JobHandler timed(String type, JobHandler handler) {
    Timer completed = timer(type, "completed");
    Timer cancelled = timer(type, "cancelled");
    Timer failedTimer = timer(type, "failed");
    return ctx -> {
      long t0 = System.nanoTime();
      Timer outcome = failedTimer;
      try {
        String result = handler.handle(ctx);
        outcome = completed;
        return result;
      } catch (JobCancelledException e) {
        outcome = cancelled;
        throw e;
      } finally {
        outcome.record(Duration.ofNanos(System.nanoTime() - t0));
        finished.increment();
        if (outcome == failedTimer) {
          failed.increment();
        }
      }
    };
  }

  private Timer timer(String type, String outcome) {
    return Timer.builder(TIMER)
        .description("Job attempts by type and outcome")
        .tag("type", type)
        .tag("outcome", outcome)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofHours(1))
        .register(registry);
  }

  /** Attempts finished and failed since the previous drain. */
  record Window(long finished, long failed) {}

  Window drain() {
    return new Window(finished.sumThenReset(), failed.sumThenReset());
  }
}
