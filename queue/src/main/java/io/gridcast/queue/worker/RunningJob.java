package io.gridcast.queue.worker;

import io.gridcast.queue.Job;
import io.gridcast.queue.JobCancelledException;
import io.gridcast.queue.JobContext;
import io.gridcast.queue.JobStore;
import io.gridcast.queue.JobStore.JobProgressParams;
import io.gridcast.queue.JobStore.ProgressAck;
import io.gridcast.queue.LeaseLostException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.UUID;

/**
 * One claimed attempt and the context its handler sees. Progress reaches the store at most once per
 * {@link #PROGRESS_INTERVAL} by the queue's clock, counted from the start of the run (the start is
 * an event of its own), so a job shorter than the interval writes no progress row and the last
 * unwritten report goes out with the outcome: one write and one event per short job fewer, for
 * every open event stream. The flags are written by the heartbeat thread and read by the handler's
 * thread.
 */
final class RunningJob implements JobContext {
  static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(1);

  final Job job;
  private final JobStore store;
  private final String workerId;
  private final InstantSource clock;
  private volatile boolean cancelRequested;
  private volatile boolean leaseLost;
  private volatile boolean released;
  private Instant lastWrite;
  private String unwritten;
  private Thread thread;

  RunningJob(Job job, JobStore store, String workerId, InstantSource clock) {
    this.job = job;
    this.store = store;
    this.workerId = workerId;
    this.clock = clock;
  }

  @Override
  public UUID id() {
    return job.id();
  }

  @Override
  public String type() {
    return job.type();
  }

  @Override
  public String ownerId() {
    return job.ownerId();
  }

  @Override
  public String payload() {
    return job.payload();
  }

  @Override
  public String label() {
    return job.label();
  }

  @Override
  public UUID batchId() {
    return job.batchId();
  }

  @Override
  public int attempt() {
    return job.attempt();
  }

  @Override
  public int maxAttempts() {
    return job.maxAttempts();
  }

  @Override
  public Instant dueAt() {
    return job.runAfter();
  }

  @Override
  public void progress(long current, long total, String stage, String message) {
    if (leaseLost || released) {
      throw new LeaseLostException(job.id(), job.attempt());
    }
    throwIfCancelled();
    String json = ProgressJson.of(current, total, stage, message);
    Instant now = clock.instant();
    if (now.isBefore(lastWrite.plus(PROGRESS_INTERVAL))) {
      unwritten = json;
      return;
    }
    lastWrite = now;
    unwritten = null;
    ProgressAck ack =
        store.jobProgress(new JobProgressParams(job.id(), job.attempt(), workerId, json, now));
    if (!ack.accepted()) {
      leaseLost = true;
      throw new LeaseLostException(job.id(), job.attempt());
    }
    if (ack.cancelRequested()) {
      cancelRequested = true;
      throw new JobCancelledException(job.id());
    }
  }

  @Override
  public boolean cancelRequested() {
    return cancelRequested;
  }

  String unwrittenProgress() {
    return unwritten;
  }

  boolean leaseLost() {
    return leaseLost;
  }

  void markLeaseLost() {
    leaseLost = true;
  }

  boolean released() {
    return released;
  }

  /** A stopping pool gave the job back; its outcome must not be written. */
  void markReleased() {
    released = true;
    interrupt();
  }

  void requestCancel() {
    if (!cancelRequested) {
      cancelRequested = true;
      interrupt();
    }
  }

  /** The handler starts on {@code t} now. */
  synchronized void bindThread(Thread t) {
    thread = t;
    lastWrite = clock.instant();
  }

  synchronized void unbindThread() {
    thread = null;
  }

  private synchronized void interrupt() {
    if (thread != null) {
      thread.interrupt();
    }
  }
}
