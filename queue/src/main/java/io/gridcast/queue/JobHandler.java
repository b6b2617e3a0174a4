package io.gridcast.queue;

/**
 * The work behind one job type, registered by stable name with {@link
 * JobQueue.Builder#register(String, JobHandler)}. Called on a worker thread; may run again for the
 * same job after a crash or a lost lease (at-least-once), never twice at the same time.
 *
 * <p>Returning normally completes the job with the returned JSON text as result (null allowed).
 * Throwing {@link JobCancelledException} cancels it; any other exception fails the attempt: the job
 * is retried with backoff while attempts remain, else it fails with the exception's message.
 */
@FunctionalInterface
public interface JobHandler {
  String handle(JobContext ctx) throws Exception;
}
