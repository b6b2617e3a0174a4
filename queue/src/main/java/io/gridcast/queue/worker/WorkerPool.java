package io.gridcast.queue.worker;

import io.gridcast.queue.Job;
import io.gridcast.queue.JobStore;
import io.gridcast.queue.JobStore.JobFinishManyParams;
import io.gridcast.queue.JobStore.JobReleaseParams;
import io.gridcast.queue.JobStore.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims due jobs for free slots and runs them. Threads: {@code gridcast-queue-dispatcher} claims
 * (woken by {@code jobsSignal} or every poll interval), {@code gridcast-worker-N} run handlers,
 * {@code gridcast-queue-completer} writes outcomes in batches, {@code gridcast-queue-heartbeat} and
 * {@code gridcast-queue-maintenance} renew leases and run {@link Maintenance}. Every loop survives
 * any throwable. {@link #stop} is idempotent. Without {@link #start} the pool is manual: tests call
 * {@link #runDueJobsOnce()} and {@link #heartbeatOnce()}.
 */
public final class WorkerPool {
  private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);
  private static final int FINISH_BATCH = 512;
  private static final int COALESCE_SLOTS = 4;
  private static final int MAX_AHEAD_PER_SLOT = 7;
  private static final Duration COALESCE_WAIT = Duration.ofMillis(1);

  /** Status-count deltas are folded this often, so a count reads a few rows per owner. */
  static final Duration COUNT_FOLD_INTERVAL = Duration.ofSeconds(1);

  private final JobStore store;
  private final PoolSettings settings;
  private final InstantSource clock;
  private final Signal jobsSignal;
  private final JobRunner runner;
  private final Maintenance maintenance;
  private final Claimer claimer;
  private final ClaimAhead claimAhead;
  private final Map<UUID, RunningJob> running = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> busyByType = new ConcurrentHashMap<>();
  private final AtomicInteger busy = new AtomicInteger();
  private final LinkedBlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean stopped = new AtomicBoolean();
  private volatile boolean stopping;
  private ExecutorService workers;
  private ScheduledExecutorService scheduler;
  private ScheduledExecutorService heartbeats;
  private Thread dispatcher;
  private Thread completer;

  public WorkerPool(JobStore store, PoolSettings settings, InstantSource clock, Signal jobsSignal) {
    this.store = store;
    this.settings = settings;
    this.clock = clock;
    this.jobsSignal = jobsSignal;
    this.runner = new JobRunner(store, settings, clock);
    this.maintenance = new Maintenance(store, settings, clock);
    for (String type : settings.handlers().keySet()) {
      busyByType.put(type, new AtomicInteger());
    }
    this.claimer = new Claimer(store, settings, clock, busyByType);
    this.claimAhead =
        new ClaimAhead(
            settings.slots(), settings.claimAheadBudget(), MAX_AHEAD_PER_SLOT * settings.slots());
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
        Executors.newSingleThreadScheduledExecutor(r -> named(r, "gridcast-queue-heartbeat"));
    scheduler =
        Executors.newSingleThreadScheduledExecutor(r -> named(r, "gridcast-queue-maintenance"));
    heartbeats.scheduleWithFixedDelay(
        () -> guarded("heartbeat", this::heartbeatOnce),
        settings.heartbeat().toMillis(),
        settings.heartbeat().toMillis(),
        TimeUnit.MILLISECONDS);
    scheduler.scheduleWithFixedDelay(
        () -> guarded("maintenance", maintenance::runOnce),
        settings.maintenanceInterval().toMillis(),
        settings.maintenanceInterval().toMillis(),
        TimeUnit.MILLISECONDS);
    scheduler.scheduleWithFixedDelay(
        () -> guarded("count folding", maintenance::foldCounts),
        COUNT_FOLD_INTERVAL.toMillis(),
        COUNT_FOLD_INTERVAL.toMillis(),
        TimeUnit.MILLISECONDS);
    if (settings.slots() > 0) {
      AtomicInteger w = new AtomicInteger();
      workers =
          Executors.newFixedThreadPool(
              settings.slots(), r -> named(r, "gridcast-worker-" + w.incrementAndGet()));
      completer = new Thread(this::completeLoop, "gridcast-queue-completer");
      completer.setDaemon(true);
      completer.start();
      dispatcher = new Thread(this::dispatchLoop, "gridcast-queue-dispatcher");
      dispatcher.setDaemon(true);
      dispatcher.start();
    }
  }

  private static Thread named(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  private void guarded(String what, Runnable r) {
    try {
      r.run();
    } catch (Throwable t) {
      LOG.warn("queue {} failed; will retry", what, t);
    }
  }

  private void dispatchLoop() {
    while (!stopping) {
      try {
        long seen = jobsSignal.version();
        coalesce();
        int claimed = claimAndSubmit();
        if (claimed == 0 && !stopping) {
          jobsSignal.await(seen, settings.pollInterval());
        }
      } catch (InterruptedException e) {
        if (stopping) {
          return;
        }
      } catch (Throwable t) {
        LOG.warn("queue dispatcher failed; retrying after the poll interval", t);
        sleepQuietly(settings.pollInterval());
      }
    }
  }

  /**
   * When only a few slots of a busy pool are free, waits up to {@link #COALESCE_WAIT} for more to
   * free up, so short jobs are claimed in batches rather than one transaction per job. An idle pool
   * claims at once (pickup latency is untouched).
   */
  private void coalesce() throws InterruptedException {
    int capacity = capacity();
    int free = capacity - busy.get();
    if (free > 0 && free < Math.min(COALESCE_SLOTS, capacity) && busy.get() > 0) {
      long seen = jobsSignal.version();
      jobsSignal.await(seen, COALESCE_WAIT);
    }
  }

  /** Jobs this pool may hold now: its slots plus the claim-ahead of short jobs. */
  private int capacity() {
    return settings.slots() + claimAhead.ahead();
  }

  /**
   * Claims for free slots (and, for short jobs, a few ahead: {@link ClaimAhead}) and hands the jobs
   * to worker threads, whose queue holds the claimed-ahead ones; returns how many.
   */
  private int claimAndSubmit() {
    if (stopping) {
      return 0;
    }
    int total = 0;
    for (Job job : claimer.claim(capacity() - busy.get())) {
      busy.incrementAndGet();
      busyByType.get(job.type()).incrementAndGet();
      RunningJob rj = new RunningJob(job, store, settings.workerId(), clock);
      running.put(job.id(), rj);
      workers.execute(() -> runAndQueue(rj));
      total++;
    }
    return total;
  }

  private void runAndQueue(RunningJob rj) {
    Outcome o = null;
    long began = System.nanoTime();
    try {
      o = runner.run(rj);
    } finally {
      claimAhead.record(System.nanoTime() - began);
      busyByType.get(rj.job.type()).decrementAndGet();
      busy.decrementAndGet();
      if (o != null) {
        outcomes.add(o);
      } else {
        running.remove(rj.id());
      }
      Thread.interrupted();
      jobsSignal.fire();
    }
  }

  private void completeLoop() {
    List<Outcome> batch = new ArrayList<>();
    while (true) {
      try {
        if (batch.isEmpty()) {
          Outcome first = outcomes.poll(200, TimeUnit.MILLISECONDS);
          if (first == null) {
            if (stopped.get()) {
              return;
            }
            continue;
          }
          batch.add(first);
          outcomes.drainTo(batch, FINISH_BATCH - 1);
        }
        finish(batch);
        batch.clear();
      } catch (InterruptedException e) {
        return;
      } catch (Throwable t) {
        LOG.warn("queue completer failed to write {} outcomes; retrying", batch.size(), t);
        sleepQuietly(Duration.ofMillis(500));
      }
    }
  }

  private void finish(List<Outcome> batch) {
    Set<UUID> accepted =
        store.jobFinishMany(new JobFinishManyParams(settings.workerId(), batch, clock.instant()));
    for (Outcome o : batch) {
      running.remove(o.id());
      if (!accepted.contains(o.id())) {
        LOG.info("outcome of job {} attempt {} rejected: lease lost", o.id(), o.attempt());
      }
    }
  }

  /** Renews the leases of running jobs; marks lost ones; passes on cancellation requests. */
  public void heartbeatOnce() {
    if (running.isEmpty()) {
      return;
    }
    Map<UUID, Integer> attempts = new HashMap<>();
    for (RunningJob rj : running.values()) {
      attempts.put(rj.id(), rj.attempt());
    }
    Instant now = clock.instant();
    JobStore.HeartbeatResult r =
        store.jobHeartbeat(
            new JobStore.JobHeartbeatParams(
                settings.workerId(), attempts, now, now.plus(settings.lease())));
    for (UUID id : attempts.keySet()) {
      RunningJob rj = running.get(id);
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

  /** Tells a running job of this pool that cancellation was requested (e.g. from an event). */
  public void cancelRequested(UUID jobId) {
    RunningJob rj = running.get(jobId);
    if (rj != null) {
      rj.requestCancel();
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
        running.put(job.id(), rj);
        Outcome o = runner.run(rj);
        if (o == null) {
          running.remove(job.id());
        } else {
          batch.add(o);
        }
        ran++;
      }
      finish(batch);
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
    stopping = true;
    jobsSignal.fire();
    join(dispatcher, Duration.ofSeconds(5));
    if (workers != null) {
      workers.shutdown();
      awaitQuietly(workers, grace);
      Map<UUID, Integer> left = new HashMap<>();
      for (RunningJob rj : running.values()) {
        if (!outcomes.stream().anyMatch(o -> o.id().equals(rj.id()))) {
          rj.markReleased();
          left.put(rj.id(), rj.attempt());
        }
      }
      if (!left.isEmpty()) {
        guarded(
            "release",
            () ->
                LOG.info(
                    "released {} running jobs on stop",
                    store.jobRelease(
                        new JobReleaseParams(settings.workerId(), left, clock.instant()))));
      }
      workers.shutdownNow();
      awaitQuietly(workers, Duration.ofSeconds(2));
      join(completer, Duration.ofSeconds(10));
      List<Outcome> rest = new ArrayList<>();
      outcomes.drainTo(rest);
      if (!rest.isEmpty()) {
        guarded("final outcomes", () -> finish(rest));
      }
    }
    heartbeats.shutdownNow();
    scheduler.shutdownNow();
    awaitQuietly(heartbeats, Duration.ofSeconds(5));
    awaitQuietly(scheduler, Duration.ofSeconds(5));
  }

  private static void join(Thread t, Duration bound) {
    if (t == null) {
      return;
    }
    try {
      t.join(bound.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void awaitQuietly(ExecutorService ex, Duration bound) {
    try {
      ex.awaitTermination(bound.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleepQuietly(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
