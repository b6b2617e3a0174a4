package io.gridcast.server.schedule;

import io.gridcast.forecast.ForecastException;
import io.gridcast.queue.JobStore.JobInsertResult;
import io.gridcast.server.dataset.Dataset;
import io.gridcast.server.dataset.DatasetStore;
import io.gridcast.server.db.DatabaseException;
import io.gridcast.server.error.ServerException;
import io.gridcast.server.job.JobService;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires due schedules. Every API process runs one: each tick reads the schedules due at the clock's
 * time (one indexed query) and fires each, then waits until the earliest next fire time or one
 * tick, whichever is sooner. A fire claims its (schedule, fire time) row in the transaction that
 * creates the batch, so when several processes fire the same time, one commits and the others roll
 * back ({@link AlreadyFiredException}). A fire runs for the earliest missed time and the next fire
 * time is computed from the clock, so a stop spanning several fire times fires once.
 *
 * <pre>{@code
 * Scheduler s = Scheduler.create(store, datasets, jobs, clock).tick(Duration.ofSeconds(1)).start();
 * }</pre>
 *
 * Thread-safe: {@link #runDueOnce()} may be called from any thread beside the tick thread (tests
 * do, with a manual clock). {@link #close()} is idempotent and waits at most {@link #STOP_WAIT}.
 */
public final class Scheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

  /**
   * The longest the tick thread waits between looks by default: how soon it sees a schedule another
   * process created or moved earlier.
   */
  public static final Duration DEFAULT_TICK = Duration.ofSeconds(1);

  /** The most schedules one tick fires; more wait for the next tick. */
  static final int MAX_FIRES_PER_TICK = 100;

  /** The longest {@link #close()} waits for the tick thread. */
  public static final Duration STOP_WAIT = Duration.ofSeconds(5);

  private final ScheduleStore store;
  private final DatasetStore datasets;
  private final JobService jobs;
  private final InstantSource clock;
  private final Duration tick;
  private final CountDownLatch stop = new CountDownLatch(1);
  private final AtomicLong ticks = new AtomicLong();
  private Thread thread;

  private Scheduler(Builder b) {
    this.store = b.store;
    this.datasets = b.datasets;
    this.jobs = b.jobs;
    this.clock = b.clock;
    this.tick = b.tick;
  }

  public static Builder create(
      ScheduleStore store, DatasetStore datasets, JobService jobs, InstantSource clock) {
    return new Builder(store, datasets, jobs, clock);
  }

  /** The scheduler's settings. Not thread-safe. */
  public static final class Builder {
    private final ScheduleStore store;
    private final DatasetStore datasets;
    private final JobService jobs;
    private final InstantSource clock;
    private Duration tick = DEFAULT_TICK;

    private Builder(
        ScheduleStore store, DatasetStore datasets, JobService jobs, InstantSource clock) {
      this.store = Objects.requireNonNull(store, "store");
      this.datasets = Objects.requireNonNull(datasets, "datasets");
      this.jobs = Objects.requireNonNull(jobs, "jobs");
      this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** How often the tick thread looks for due schedules (default {@link #DEFAULT_TICK}). */
    public Builder tick(Duration v) {
      if (v == null || v.isNegative() || v.isZero() || v.compareTo(Duration.ofMinutes(1)) > 0) {
        throw new IllegalArgumentException("scheduler tick must be in (0, 1 min], got " + v);
      }
      tick = v;
      return this;
    }

    /** A scheduler whose tick thread is not started: tests call {@link #runDueOnce()}. */
    public Scheduler build() {
      return new Scheduler(this);
    }

    /** A scheduler with its tick thread running. */
    public Scheduler start() {
      Scheduler s = build();
      s.thread = Thread.ofPlatform().name("gridcast-scheduler").daemon().start(s::loop);
      return s;
    }
  }

  private void loop() {
    LOG.info("scheduler started: tick {}", tick);
    try {
      Duration wait;
      do {
        wait = tick;
        try {
          runDueOnce();
          wait = untilNextDue();
        } catch (Throwable t) {
          LOG.warn("scheduler tick failed; next tick in {}", tick, t);
        }
      } while (!stop.await(wait.toNanos(), TimeUnit.NANOSECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * How long to wait for the next tick: until the earliest next fire time when that comes sooner
   * than a tick (so a schedule fires within milliseconds of its time), else one tick (so a schedule
   * another process created or changed is seen within a tick).
   */
  private Duration untilNextDue() {
    Duration wait = tick;
    Optional<Instant> next = store.nextDue();
    if (next.isPresent()) {
      Duration d = Duration.between(clock.instant(), next.get());
      if (d.compareTo(wait) < 0) {
        wait = d.isNegative() ? Duration.ZERO : d;
      }
    }
    return wait;
  }

  /** Fires every schedule due at the clock's time; returns how many batches this call created. */
  public int runDueOnce() {
    Instant now = clock.instant();
    int created = 0;
    List<Schedule> due = store.due(now, MAX_FIRES_PER_TICK);
    for (Schedule s : due) {
      if (fire(s, now)) {
        created++;
      }
    }
    ticks.incrementAndGet();
    return created;
  }

  /** How many ticks have completed (by the thread or by {@link #runDueOnce()}). */
  public long ticks() {
    return ticks.get();
  }

  private boolean fire(Schedule s, Instant now) {
    Instant fireAt = s.nextFireAt();
    Instant next;
    try {
      next = ScheduleService.next(FireTimes.parse(s.cron(), s.timeZone()), now);
    } catch (InvalidScheduleException e) {
      // a zone rule change may retire a zone id; park the schedule a year on, with the reason
      return failed(s, fireAt, now, null, e.getMessage(), now.plus(Duration.ofDays(365)));
    }
    Dataset d = datasets.latestNamed(s.ownerId(), s.datasetName()).orElse(null);
    if (d == null) {
      return failed(s, fireAt, now, null, "no dataset named '" + s.datasetName() + "'", next);
    }
    ScheduleStore.Fire claim = new ScheduleStore.Fire(s.id(), fireAt, now, d.id(), null, next);
    JobInsertResult r;
    try {
      r =
          jobs.create(
              s.ownerId(),
              ScheduleOptions.request(s.options(), d.id(), s.type()),
              (c, ids) -> store.claimFireIn(c, claim));
    } catch (AlreadyFiredException e) {
      return false;
    } catch (DatabaseException e) {
      throw e; // not the schedule's fault: the next tick tries again
    } catch (ServerException | ForecastException e) {
      // the request is refused as the dataset now stands (SKUs gone, too many jobs ...)
      return failed(s, fireAt, now, d.id(), e.getMessage(), next);
    }
    store.setBatch(s.id(), fireAt, r.batchId().toString());
    LOG.info(
        "schedule {} ({}) fired for {}: batch {} of {} jobs on dataset {}, {} ms after due",
        s.id(),
        s.name(),
        fireAt,
        r.batchId(),
        r.jobIds().size(),
        d.id(),
        Duration.between(fireAt, now).toMillis());
    return true;
  }

  private boolean failed(
      Schedule s, Instant fireAt, Instant now, String datasetId, String error, Instant next) {
    try {
      store.claimFailedFire(new ScheduleStore.Fire(s.id(), fireAt, now, datasetId, error, next));
    } catch (AlreadyFiredException e) {
      return false;
    }
    LOG.warn(
        "schedule {} ({}) fired for {} and created no jobs: {}", s.id(), s.name(), fireAt, error);
    return false;
  }

  @Override
  public void close() {
    stop.countDown();
    Thread t = thread;
    if (t != null && t != Thread.currentThread()) {
      try {
        if (!t.join(STOP_WAIT)) {
          t.interrupt();
          LOG.warn("scheduler thread still running after {}; interrupted", STOP_WAIT);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
