package io.gridcast.server.job;

import io.gridcast.forecast.ForecastException;
import io.gridcast.queue.JobCancelledException;
import io.gridcast.queue.JobHandler;
import io.gridcast.queue.LeaseLostException;
import io.gridcast.queue.StoreException;
import io.gridcast.server.db.DatabaseException;
import io.gridcast.server.error.ServerException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says why a job failed in its owner's terms. Every handler is wrapped ({@link #described}): a
 * failure becomes a {@link JobFailedException} whose text (the job's {@code error}) names the
 * problem and what to do, never a Java class; cancellation and a lost lease pass through for the
 * queue. What the owner cannot act on (a bug) is logged with its stack trace and named an internal
 * error. Stateless.
 */
public final class JobFailure {
  private static final Logger LOG = LoggerFactory.getLogger(JobFailure.class);

  private JobFailure() {}

  /** {@code handler}, its failures worded by {@link #describe}. */
  public static JobHandler described(JobHandler handler) {
    return ctx -> {
      try {
        return handler.handle(ctx);
      } catch (JobCancelledException | LeaseLostException e) {
        throw e;
      } catch (Throwable t) {
        if (t instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        String why = describe(t, ctx.id());
        log(t, ctx.id(), ctx.type(), why);
        throw new JobFailedException(why, t);
      }
    };
  }

  /** The sentence a job's owner reads for {@code t}. */
  static String describe(Throwable t, UUID jobId) {
    if (t instanceof OutOfMemoryError) {
      return "the worker ran out of memory running this job; give the workers more memory"
          + " (GRIDCAST_JAVA_OPTS=-Xmx...) or submit fewer or shorter series per job";
    }
    if (t instanceof InterruptedException) {
      return "the worker was stopped while running this job";
    }
    if (DatabaseException.poolExhausted(t)) {
      return "the database had no free connection for this job (the server is overloaded)";
    }
    if (DatabaseException.unavailable(t)) {
      return "the database was unavailable while this job ran";
    }
    if (t instanceof DatabaseException || t instanceof StoreException) {
      return "the database failed while this job ran: " + t.getMessage();
    }
    if (t instanceof ServerException s && s.status() < 500) {
      return s.getMessage();
    }
    if (t instanceof ForecastException f && f.getMessage() != null) {
      return f.getMessage();
    }
    return "internal error while running this job; the worker's log has the details (job "
        + jobId
        + ")";
  }

  private static void log(Throwable t, UUID jobId, String type, String why) {
    boolean expected =
        t instanceof ForecastException
            || (t instanceof ServerException s && s.status() < 500)
            || t instanceof InterruptedException;
    if (expected) {
      LOG.debug("{} job {} failed: {}", type, jobId, why);
    } else if (DatabaseException.poolExhausted(t) || DatabaseException.unavailable(t)) {
      LOG.warn("{} job {} failed: {} ({})", type, jobId, why, t.toString());
    } else {
      LOG.error("{} job {} failed", type, jobId, t);
    }
  }
}
