package io.gridcast.queue.worker;

import io.gridcast.queue.Job;
import io.gridcast.queue.JobStore;
import io.gridcast.queue.JobStore.JobReleaseParams;
import io.gridcast.queue.JobStore.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One process's workers: the {@link Dispatcher} claims due jobs for free slots and runs them, the
 * {@link Completer} writes their outcomes in batches, {@code gridcast-queue-heartbeat} renews the
 * leases of held jobs (and passes on cancellation), {@code gridcast-queue-maintenance} runs {@link
 * Maintenance} and folds counts. {@link #stop} is idempotent, every wait in it bounded. Without
 * {@link #start} the pool is manual: tests call {@link #runDueJobsOnce()} and {@link
 * #heartbeatOnce()}.
 */
public final class WorkerPool {
  private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);

  /** Status-count deltas are folded this often, so a count reads a few rows per owner. */
  static final Duration COUNT_FOLD_INTERVAL = Duration.ofSeconds(1);

  private static final Duration SCHEDULER_STOP_BOUND = Duration.ofSeconds(5);
  private static final Duration INTERRUPTED_HANDLERS_BOUND = Duration.ofSeconds(2);
  private static final Duration COMPLETER_STOP_BOUND = Duration.ofSeconds(10);

  private final JobStore store;
  private final PoolSettings settings;
  private final InstantSource clock;
  private final JobRunner runner;
  private final Maintenance maintenance;

  /** The attempts this pool holds: running, or claimed ahead and waiting for a worker thread. */
  private final Map<UUID, RunningJob> held = new ConcurrentHashMap<>();

  private final Completer completer;
  private final Dispatcher dispatcher;
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean stopped = new AtomicBoolean();
  private ScheduledExecutorService scheduler;
  private ScheduledExecutorService heartbeats;

  public WorkerPool(JobStore store, PoolSettings settings, InstantSource clock, Signal jobsSignal) {
    this.store = store;
    this.settings = settings;
    this.clock = clock;
    this.runner = new JobRunner(settings, clock);
    this.maintenance = new Maintenance(store, settings, clock);
    this.completer = new Completer(store, settings.workerId(), clock, held);
    this.dispatcher = new Dispatcher(store, settings, clock, jobsSignal, runner, completer, held);
  }

  public Maintenance maintenance() {
    return maintenance;
  }

  /** Rescues expired leases (recovery at start), then starts the threads. */
  public void start() {
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("worker pool " + settings.workerId() + " already started");
    }
    maintenance.rescueExpired();
    heartbeats =
        Executors.newSingleThreadScheduledExecutor(
            r -> Threads.named(r, "gridcast-queue-heartbeat"));
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> Threads.named(r, "gridcast-queue-maintenance"));
    every(heartbeats, settings.heartbeat(), "heartbeat", this::heartbeatOnce);
    every(scheduler, settings.maintenanceInterval(), "maintenance", maintenance::runOnce);
    every(scheduler, COUNT_FOLD_INTERVAL, "count folding", maintenance::foldCounts);
    if (settings.slots() > 0) {
      completer.start();
      dispatcher.start();
    }
  }

  private static void every(
      ScheduledExecutorService on, Duration period, String what, Runnable chore) {
    on.scheduleWithFixedDelay(
        () -> Threads.guarded(LOG, what, chore),
        period.toMillis(),
        period.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** Renews the leases of held jobs; marks lost ones; passes on cancellation requests. */
  public void heartbeatOnce() {
    if (held.isEmpty()) {
      return;
    }
    Map<UUID, Integer> attempts = new HashMap<>();
    for (RunningJob rj : held.values()) {
      attempts.put(rj.id(), rj.attempt());
    }
    Instant now = clock.instant();
    JobStore.HeartbeatResult r =
        store.jobHeartbeat(
            new JobStore.JobHeartbeatParams(
                settings.workerId(), attempts, now, now.plus(settings.lease())));
    for (UUID id : attempts.keySet()) {
      RunningJob rj = held.get(id);
      if (rj == null) {
        continue;
      }
      if (!r.held().contains(id)) {
        rj.markLeaseLost();
      } else if (r.cancelRequested().contains(id)) {
        rj.requestCancel();
      }
    }
  }

  /**
   * Manual mode: claims and runs every due job on the calling thread, writing outcomes as it goes;
   * returns how many attempts ran.
   */
  public int runDueJobsOnce() {
    if (started.get()) {
      throw new IllegalStateException("runDueJobsOnce is for a manual (unstarted) pool");
    }
    Claimer claimer = new Claimer(store, settings, clock, Claimer.busyCounters(settings));
    int ran = 0;
    int slots = Math.max(1, settings.slots());
    while (true) {
      List<Job> jobs = claimer.claim(slots);
      if (jobs.isEmpty()) {
        return ran;
      }
      List<Outcome> batch = new ArrayList<>();
      for (Job job : jobs) {
        RunningJob rj = new RunningJob(job, store, settings.workerId(), clock);
        held.put(job.id(), rj);
        Outcome o = runner.run(rj);
        if (o == null) {
          held.remove(job.id());
        } else {
          batch.add(o);
        }
        ran++;
      }
      completer.write(batch);
    }
  }

  /**
   * Graceful stop: stop claiming, let running handlers finish within {@code grace}, give the rest
   * back to the queue (attempt not counted), write every outcome, stop the threads. Idempotent.
   */
  public void stop(Duration grace) {
    if (!started.get() || !stopped.compareAndSet(false, true)) {
      return;
    }
    completer.stopWhenIdle();
    if (settings.slots() > 0) {
      dispatcher.stopClaiming();
      dispatcher.awaitHandlers(grace);
      releaseUnfinished();
      dispatcher.interruptHandlers(INTERRUPTED_HANDLERS_BOUND);
      completer.finishAndStop(COMPLETER_STOP_BOUND);
    }
    heartbeats.shutdownNow();
    scheduler.shutdownNow();
    Threads.awaitQuietly(heartbeats, SCHEDULER_STOP_BOUND);
    Threads.awaitQuietly(scheduler, SCHEDULER_STOP_BOUND);
  }

  /** Gives back every held job without an outcome; their handlers must not write one. */
  private void releaseUnfinished() {
    Map<UUID, Integer> left = new HashMap<>();
    for (RunningJob rj : held.values()) {
      if (!completer.queued(rj.id())) {
        rj.markReleased();
        left.put(rj.id(), rj.attempt());
      }
    }
    if (!left.isEmpty()) {
      Threads.guarded(
          LOG,
          "release",
          () ->
              LOG.info(
                  "released {} running jobs on stop",
                  store.jobRelease(
                      new JobReleaseParams(settings.workerId(), left, clock.instant()))));
    }
  }
}
