package io.gridcast.queue.worker;

import io.gridcast.queue.Job;
import io.gridcast.queue.JobStore;
import io.gridcast.queue.JobStore.Outcome;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims due jobs for the pool's free slots, plus a claim-ahead of short jobs ({@link ClaimAhead}),
 * and runs them on the fixed worker threads {@code gridcast-worker-N}, whose queue holds the
 * claimed-ahead ones. Thread {@code gridcast-queue-dispatcher} claims when woken by {@code
 * jobsSignal} (an enqueue, a finished job) or every poll interval, and survives any throwable. Each
 * outcome goes to the {@link Completer}. Not reusable: started once, stopped once.
 */
final class Dispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
  private static final int COALESCE_SLOTS = 4;
  private static final int MAX_AHEAD_PER_SLOT = 7;
  private static final Duration COALESCE_WAIT = Duration.ofMillis(1);
  private static final Duration STOP_BOUND = Duration.ofSeconds(5);

  private final JobStore store;
  private final PoolSettings settings;
  private final InstantSource clock;
  private final Signal jobsSignal;
  private final JobRunner runner;
  private final Completer completer;
  private final Map<UUID, RunningJob> held;
  private final Map<String, AtomicInteger> busyByType;
  private final Claimer claimer;
  private final ClaimAhead claimAhead;
  private final AtomicInteger busy = new AtomicInteger();
  private volatile boolean stopping;
  private ExecutorService workers;
  private Thread thread;

  Dispatcher(
      JobStore store,
      PoolSettings settings,
      InstantSource clock,
      Signal jobsSignal,
      JobRunner runner,
      Completer completer,
      Map<UUID, RunningJob> held) {
    this.store = store;
    this.settings = settings;
    this.clock = clock;
    this.jobsSignal = jobsSignal;
    this.runner = runner;
    this.completer = completer;
    this.held = held;
    this.busyByType = Claimer.busyCounters(settings);
    this.claimer = new Claimer(store, settings, clock, busyByType);
    this.claimAhead =
        new ClaimAhead(
            settings.slots(), settings.claimAheadBudget(), MAX_AHEAD_PER_SLOT * settings.slots());
  }

  void start() {
    AtomicInteger n = new AtomicInteger();
    workers =
        Executors.newFixedThreadPool(
            settings.slots(), r -> Threads.named(r, "gridcast-worker-" + n.incrementAndGet()));
    thread = Threads.named(this::loop, "gridcast-queue-dispatcher");
    thread.start();
  }

  /** Stops claiming (bounded wait for the dispatcher thread); handlers keep running. */
  void stopClaiming() {
    stopping = true;
    jobsSignal.fire();
    Threads.join(thread, STOP_BOUND);
  }

  /** Lets the handlers running or queued finish within {@code grace}. */
  void awaitHandlers(Duration grace) {
    workers.shutdown();
    Threads.awaitQuietly(workers, grace);
  }

  /** Interrupts the handlers still running (their jobs were released) and waits a little. */
  void interruptHandlers(Duration bound) {
    workers.shutdownNow();
    Threads.awaitQuietly(workers, bound);
  }

  private void loop() {
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
        Threads.sleepQuietly(settings.pollInterval());
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

  /** Claims for the room left and hands each job to a worker thread; returns how many. */
  private int claimAndSubmit() {
    if (stopping) {
      return 0;
    }
    int total = 0;
    for (Job job : claimer.claim(capacity() - busy.get())) {
      busy.incrementAndGet();
      busyByType.get(job.type()).incrementAndGet();
      RunningJob rj = new RunningJob(job, store, settings.workerId(), clock);
      held.put(job.id(), rj);
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
        completer.add(o);
      } else {
        held.remove(rj.id());
      }
      Thread.interrupted();
      jobsSignal.fire();
    }
  }
}
