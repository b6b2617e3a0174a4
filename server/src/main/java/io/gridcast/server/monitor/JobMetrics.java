package io.gridcast.server.monitor;

import io.gridcast.queue.JobCancelledException;
import io.gridcast.queue.JobHandler;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The jobs this process runs, measured by wrapping each handler:
 *
 * <ul>
 *   <li>{@code gridcast_job_duration_seconds{type,outcome}}: attempts by type and outcome (a
 *       histogram whose count is the throughput), one {@code nanoTime} pair per attempt;
 *   <li>{@code gridcast_job_enqueue_to_start_seconds{type}}: the wait from the moment the attempt
 *       was due (enqueue, or a retry's end of backoff; {@link io.gridcast.queue.JobContext#dueAt})
 *       to its handler's start, by this process's clock; buckets {@link #WAIT_BUCKETS} from 50 ms
 *       to 12 h, since a backlog of a million SKUs waits hours by design;
 *   <li>{@code gridcast_jobs_running}: handlers running in this process now.
 * </ul>
 *
 * Also keeps window counts (finished, failed) for the error-rate rule. Thread-safe.
 */
public final class JobMetrics {
  static final String TIMER = "gridcast.job.duration";
  static final String WAIT = "gridcast.job.enqueue.to.start";

  /** The upper bounds of the enqueue-to-start histogram's buckets (plus {@code +Inf}). */
  public static final Duration[] WAIT_BUCKETS = {
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10),
    Duration.ofSeconds(30),
    Duration.ofMinutes(1),
    Duration.ofMinutes(2),
    Duration.ofMinutes(5),
    Duration.ofMinutes(10),
    Duration.ofMinutes(30),
    Duration.ofHours(1),
    Duration.ofHours(2),
    Duration.ofHours(4),
    Duration.ofHours(8),
    Duration.ofHours(12)
  };

  private final MeterRegistry registry;
  private final InstantSource clock;
  private final AtomicInteger running = new AtomicInteger();
  private final LongAdder finished = new LongAdder();
  private final LongAdder failed = new LongAdder();

  JobMetrics(MeterRegistry registry, InstantSource clock) {
    this.registry = registry;
    this.clock = clock;
    Gauge.builder("gridcast.jobs.running", running, AtomicInteger::get)
        .description("Job handlers running in this process")
        .register(registry);
  }

  /**
   * The handler, timed: its wait since due, then its run with outcome {@code completed}, {@code
   * cancelled} or {@code failed}.
   */
  public JobHandler timed(String type, JobHandler handler) {
    Timer completed = timer(type, "completed");
    Timer cancelled = timer(type, "cancelled");
    Timer failedTimer = timer(type, "failed");
    Timer wait =
        Timer.builder(WAIT)
            .description("Wait from a job attempt's due time to its start, by type")
            .tag("type", type)
            .serviceLevelObjectives(WAIT_BUCKETS)
            .register(registry);
    return ctx -> {
      wait.record(sinceDue(ctx.dueAt()));
      running.incrementAndGet();
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
        running.decrementAndGet();
        finished.increment();
        if (outcome == failedTimer) {
          failed.increment();
        }
      }
    };
  }

  /** Zero when the due time is ahead of this clock (another machine's clock running fast). */
  private Duration sinceDue(Instant due) {
    Duration d = Duration.between(due, clock.instant());
    return d.isNegative() ? Duration.ZERO : d;
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

  /** Handlers running now. */
  int running() {
    return running.get();
  }

  /** Attempts finished and failed since the previous drain. */
  record Window(long finished, long failed) {}

  Window drain() {
    return new Window(finished.sumThenReset(), failed.sumThenReset());
  }
}
