package io.gridcast.queue.worker;

import io.gridcast.queue.JobStore;
import io.gridcast.queue.JobStore.JobFinishManyParams;
import io.gridcast.queue.JobStore.Outcome;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the outcomes of finished attempts in batches: worker threads {@link #add} them, thread
 * {@code gridcast-queue-completer} writes whatever has queued up (at most {@value #BATCH}) in one
 * {@code jobFinishMany} and retries a batch whose write failed (a lost connection) until it is
 * written. A written outcome's job leaves the pool's held attempts. Thread-safe.
 */
final class Completer {
  private static final Logger LOG = LoggerFactory.getLogger(Completer.class);
  static final int BATCH = 512;
  private static final Duration IDLE_POLL = Duration.ofMillis(200);
  private static final Duration RETRY_PAUSE = Duration.ofMillis(500);

  private final JobStore store;
  private final String workerId;
  private final InstantSource clock;
  private final Map<UUID, RunningJob> held;
  private final LinkedBlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
  private volatile boolean stopping;
  private Thread thread;

  Completer(JobStore store, String workerId, InstantSource clock, Map<UUID, RunningJob> held) {
    this.store = store;
    this.workerId = workerId;
    this.clock = clock;
    this.held = held;
  }

  void start() {
    thread = Threads.named(this::loop, "gridcast-queue-completer");
    thread.start();
  }

  /** Queues one outcome for the next batch. */
  void add(Outcome o) {
    outcomes.add(o);
  }

  /** True when an outcome of {@code jobId} is queued and not yet written. */
  boolean queued(UUID jobId) {
    return outcomes.stream().anyMatch(o -> o.id().equals(jobId));
  }

  /** From now on the thread ends at its first idle moment (outcomes still arriving are written). */
  void stopWhenIdle() {
    stopping = true;
  }

  /** Waits (bounded) for the thread to end, then writes what is still queued on this thread. */
  void finishAndStop(Duration bound) {
    stopping = true;
    Threads.join(thread, bound);
    List<Outcome> rest = new ArrayList<>();
    outcomes.drainTo(rest);
    if (!rest.isEmpty()) {
      Threads.guarded(LOG, "final outcomes", () -> write(rest));
    }
  }

  /** Writes a batch now, on the calling thread (also the manual pool's path). */
  void write(List<Outcome> batch) {
    Set<UUID> accepted =
        store.jobFinishMany(new JobFinishManyParams(workerId, batch, clock.instant()));
    for (Outcome o : batch) {
      held.remove(o.id());
      if (!accepted.contains(o.id())) {
        LOG.info("outcome of job {} attempt {} rejected: lease lost", o.id(), o.attempt());
      }
    }
  }

  private void loop() {
    List<Outcome> batch = new ArrayList<>();
    while (true) {
      try {
        if (batch.isEmpty()) {
          Outcome first = outcomes.poll(IDLE_POLL.toMillis(), TimeUnit.MILLISECONDS);
          if (first == null) {
            if (stopping) {
              return;
            }
            continue;
          }
          batch.add(first);
          outcomes.drainTo(batch, BATCH - 1);
        }
        write(batch);
        batch.clear();
      } catch (InterruptedException e) {
        return;
      } catch (Throwable t) {
        LOG.warn("queue completer failed to write {} outcomes; retrying", batch.size(), t);
        Threads.sleepQuietly(RETRY_PAUSE);
      }
    }
  }
}
