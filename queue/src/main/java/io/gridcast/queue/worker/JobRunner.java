package io.gridcast.queue.worker;

import io.gridcast.queue.JobCancelledException;
import io.gridcast.queue.JobStore.Cancelled;
import io.gridcast.queue.JobStore.Completed;
import io.gridcast.queue.JobStore.Failed;
import io.gridcast.queue.JobStore.Outcome;
import io.gridcast.queue.LeaseLostException;
import io.gridcast.queue.UnknownJobTypeException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one attempt's handler and turns how it ended into an {@link Outcome}. Stateless. */
final class JobRunner {
  private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);
  private static final int MAX_ERROR_CHARS = 4000;

  private final PoolSettings settings;
  private final InstantSource clock;

  JobRunner(PoolSettings settings, InstantSource clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /** The outcome to write, or null when nothing may be written (lease lost or job released). */
  Outcome run(RunningJob rj) {
    rj.bindThread(Thread.currentThread());
    try {
      PoolSettings.Registration reg = settings.handlers().get(rj.type());
      if (reg == null) {
        throw new UnknownJobTypeException(rj.type(), settings.handlers().keySet());
      }
      String result = reg.handler().handle(rj);
      if (rj.leaseLost() || rj.released()) {
        return null;
      }
      return new Completed(rj.id(), rj.attempt(), result, rj.unwrittenProgress());
    } catch (Throwable t) {
      if (rj.leaseLost() || rj.released() || t instanceof LeaseLostException) {
        LOG.info(
            "job {} attempt {} ended without a lease: {}", rj.id(), rj.attempt(), t.toString());
        return null;
      }
      if (t instanceof JobCancelledException || rj.cancelRequested()) {
        return new Cancelled(rj.id(), rj.attempt(), rj.unwrittenProgress());
      }
      if (t instanceof Error
          && !(t instanceof AssertionError)
          && !(t instanceof StackOverflowError)) {
        LOG.error("job {} attempt {} threw an Error", rj.id(), rj.attempt(), t);
      } else {
        LOG.debug("job {} attempt {} failed", rj.id(), rj.attempt(), t);
      }
      String error = t.toString();
      if (error.length() > MAX_ERROR_CHARS) {
        error = error.substring(0, MAX_ERROR_CHARS);
      }
      Instant retryAt =
          rj.attempt() < rj.maxAttempts()
              ? clock
                  .instant()
                  .plus(settings.retryPolicy().delay(rj.attempt(), ThreadLocalRandom.current()))
              : null;
      return new Failed(rj.id(), rj.attempt(), error, retryAt, rj.unwrittenProgress());
    } finally {
      rj.unbindThread();
    }
  }
}
