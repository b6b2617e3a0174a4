package io.gridcast.queue.worker;

import io.gridcast.queue.Job;
import io.gridcast.queue.JobStore;
import io.gridcast.queue.JobStore.JobClaimParams;
import io.gridcast.queue.JobStore.JobFinishManyParams;
import io.gridcast.queue.JobStore.JobReleaseParams;
import io.gridcast.queue.JobStore.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims due jobs for free slots and runs them. Threads: {@code gridcast-worker-N} (platform
 * threads, one per slot) run handlers. A worker whose handler returned queues the outcome, frees
 * its slot and, if one of {@link #REFILLERS} permits is free, runs a <em>refill round</em>: every
 * queued outcome is written AND a job is claimed for every free slot in ONE transaction ({@link
 * JobStore#jobFinishAndClaim}); the worker then runs the first claimed job itself. So a freed slot
 * is refilled without a wake-up or a second round trip, and a busy pool still batches. Otherwise it
 * wakes {@code gridcast-queue-dispatcher}, which runs the same round (and claims for idle slots
 * when woken by {@code jobsSignal} or every poll interval). {@code gridcast-queue-heartbeat} and
 * {@code gridcast-queue-maintenance} renew leases and run {@link Maintenance}. Every loop survives
 * any throwable. {@link #stop} is idempotent. Without {@link #start} the pool is manual: tests call
 * {@link #runDueJobsOnce()} and {@link #heartbeatOnce()}.
 */
public final class WorkerPool {
  private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);
  private static final int FINISH_BATCH = 512;

  /** Workers that may run a refill round at once; more would claim one job each and contend. */
  static final int REFILLERS = 2;

  /** Status-count deltas are folded this often, so a count reads a few rows per owner. */
  static final Duration COUNT_FOLD_INTERVAL = Duration.ofSeconds(1);

  private final JobStore store;
  private final PoolSettings settings;
  private final InstantSource clock;
  private final Signal jobsSignal;
  private final JobRunner runner;
  private final Maintenance maintenance;
  private final Map<UUID, RunningJob> running = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> busyByType = new ConcurrentHashMap<>();
  private final AtomicInteger busy = new AtomicInteger();
  private final ReentrantLock limitedClaims = new ReentrantLock();
  private final Semaphore refillers = new Semaphore(REFILLERS);
  private final LinkedBlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean stopped = new AtomicBoolean();
  private volatile boolean stopping;
  private ExecutorService workers;
  private ScheduledExecutorService scheduler;
  private ScheduledExecutorService heartbeats;
  private Thread dispatcher;

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
        () -> guarded("count folding", store::countCompact),
        COUNT_FOLD_INTERVAL.toMillis(),
        COUNT_FOLD_INTERVAL.toMillis(),
        TimeUnit.MILLISECONDS);
    if (settings.slots() > 0) {
      AtomicInteger w = new AtomicInteger();
      workers =
          Executors.newFixedThreadPool(
              settings.slots(), r -> named(r, "gridcast-worker-" + w.incrementAndGet()));
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
        int claimed = refillRound(false).claimed();
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
   * Reserves every free slot (compare-and-set on {@code busy}, so the dispatcher and workers never
   * claim for the same slot); returns how many.
   */
  private int reserveFree() {
    while (true) {
      int b = busy.get();
      int free = settings.slots() - b;
      if (free <= 0) {
        return 0;
      }
      if (busy.compareAndSet(b, b + free)) {
        return free;
      }
    }
  }

  /** What a refill round claimed; {@code mine} is the job the calling worker runs next. */
  private record Round(int claimed, RunningJob mine) {}

  /**
   * Writes every queued outcome and claims for every free slot in one transaction, then hands the
   * claimed jobs to worker threads (keeping the first for the caller when {@code keepOne}).
   */
  private Round refillRound(boolean keepOne) {
    List<Outcome> batch = new ArrayList<>();
    outcomes.drainTo(batch, FINISH_BATCH);
    int want = stopping ? 0 : reserveFree();
    if (batch.isEmpty() && want == 0) {
      return new Round(0, null);
    }
    JobStore.FinishAndClaimResult r;
    try {
      r = claim(want, batch);
    } catch (RuntimeException e) {
      outcomes.addAll(batch);
      busy.addAndGet(-want);
      throw e;
    }
    accepted(batch, r.accepted());
    List<Job> claimed = r.claimed();
    busy.addAndGet(claimed.size() - want);
    List<RunningJob> next = new ArrayList<>(claimed.size());
    for (Job j : claimed) {
      next.add(track(j));
    }
    if (stopping) {
      releaseUnstarted(next);
      return new Round(0, null);
    }
    int from = keepOne ? 1 : 0;
    for (int i = from; i < next.size(); i++) {
      RunningJob other = next.get(i);
      try {
        workers.execute(() -> runChain(other));
      } catch (RejectedExecutionException e) {
        releaseUnstarted(List.of(other));
      }
    }
    return new Round(next.size(), keepOne && !next.isEmpty() ? next.get(0) : null);
  }

  private RunningJob track(Job job) {
    RunningJob rj = new RunningJob(job, store, settings.workerId(), clock);
    running.put(job.id(), rj);
    return rj;
  }

  /**
   * Writes {@code finishing} and claims up to {@code free} jobs; the first store call carries the
   * outcomes, so with unlimited types it is one transaction.
   */
  private JobStore.FinishAndClaimResult claim(int free, List<Outcome> finishing) {
    if (stopping) {
      free = 0;
    }
    Instant now = clock.instant();
    Instant leaseUntil = now.plus(settings.lease());
    Set<String> unlimited = new HashSet<>();
    List<PoolSettings.Registration> limited = new ArrayList<>();
    for (PoolSettings.Registration r : settings.handlers().values()) {
      if (r.maxConcurrency() <= 0) {
        unlimited.add(r.type());
      } else {
        limited.add(r);
      }
    }
    JobStore.FinishAndClaimResult first =
        store.jobFinishAndClaim(
            new JobStore.JobFinishAndClaimParams(
                new JobFinishManyParams(settings.workerId(), finishing, now),
                new JobClaimParams(
                    settings.workerId(),
                    unlimited,
                    unlimited.isEmpty() ? 0 : free,
                    now,
                    leaseUntil)));
    for (Job j : first.claimed()) {
      busyByType.get(j.type()).incrementAndGet();
    }
    if (limited.isEmpty() || free <= first.claimed().size()) {
      return first;
    }
    List<Job> jobs = new ArrayList<>(first.claimed());
    // Room for a limited type is read and taken under one lock: workers and the dispatcher claim
    // concurrently.
    limitedClaims.lock();
    try {
      for (PoolSettings.Registration r : limited) {
        int room =
            Math.min(free - jobs.size(), r.maxConcurrency() - busyByType.get(r.type()).get());
        if (room > 0) {
          List<Job> got =
              store.jobClaim(
                  new JobClaimParams(settings.workerId(), Set.of(r.type()), room, now, leaseUntil));
          busyByType.get(r.type()).addAndGet(got.size());
          jobs.addAll(got);
        }
      }
    } finally {
      limitedClaims.unlock();
    }
    return new JobStore.FinishAndClaimResult(first.accepted(), jobs);
  }

  /**
   * Runs a job on this worker thread, queues its outcome, frees the slot, then (given a refill
   * permit) writes the outcomes and claims successors in one transaction and runs the first one.
   */
  private void runChain(RunningJob first) {
    RunningJob rj = first;
    while (rj != null) {
      Outcome o = null;
      try {
        o = runner.run(rj);
      } finally {
        busyByType.get(rj.job.type()).decrementAndGet();
        if (o == null) {
          running.remove(rj.id());
        } else {
          outcomes.add(o);
        }
        busy.decrementAndGet();
        Thread.interrupted();
      }
      rj = null;
      if (refillers.tryAcquire()) {
        try {
          rj = refillRound(true).mine();
        } catch (Throwable t) {
          LOG.warn("queue refill round failed; the dispatcher retries", t);
          jobsSignal.fire();
        } finally {
          refillers.release();
        }
      } else {
        jobsSignal.fire();
      }
    }
  }

  /** Gives claimed jobs that will not start here back to the queue (stop raced a claim). */
  private void releaseUnstarted(List<RunningJob> jobs) {
    Map<UUID, Integer> left = new HashMap<>();
    for (RunningJob rj : jobs) {
      rj.markReleased();
      left.put(rj.id(), rj.attempt());
      running.remove(rj.id());
      busyByType.get(rj.job.type()).decrementAndGet();
      busy.decrementAndGet();
    }
    guarded(
        "release",
        () -> store.jobRelease(new JobReleaseParams(settings.workerId(), left, clock.instant())));
  }

  private void accepted(List<Outcome> batch, Set<UUID> accepted) {
    for (Outcome o : batch) {
      running.remove(o.id());
      if (!accepted.contains(o.id())) {
        LOG.info("outcome of job {} attempt {} rejected: lease lost", o.id(), o.attempt());
      }
    }
  }

  private void finish(List<Outcome> batch) {
    accepted(
        batch,
        store.jobFinishMany(new JobFinishManyParams(settings.workerId(), batch, clock.instant())));
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
   * Manual mode: claims and runs every due job on the calling thread, writing each round's outcomes
   * in the transaction that claims the next round; returns how many attempts ran.
   */
  public int runDueJobsOnce() {
    if (started.get()) {
      throw new IllegalStateException("runDueJobsOnce is for a manual (unstarted) pool");
    }
    int ran = 0;
    int slots = Math.max(1, settings.slots());
    List<Outcome> batch = List.of();
    while (true) {
      JobStore.FinishAndClaimResult r = claim(slots, batch);
      accepted(batch, r.accepted());
      List<Job> jobs = r.claimed();
      if (jobs.isEmpty()) {
        return ran;
      }
      batch = new ArrayList<>();
      for (Job job : jobs) {
        RunningJob rj = new RunningJob(job, store, settings.workerId(), clock);
        running.put(job.id(), rj);
        Outcome o = runner.run(rj);
        busyByType.get(job.type()).decrementAndGet();
        if (o == null) {
          running.remove(job.id());
        } else {
          batch.add(o);
        }
        ran++;
      }
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
