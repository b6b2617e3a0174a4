package io.gridcast.queue;

/** What happened to a job; each kind is written in the same transaction as the change. */
public enum JobEventKind {
  /** Inserted: {@code pending}, {@code waiting} (a continuation) or {@code completed}. */
  ENQUEUED,
  /**
   * A continuation's batch finished: it left {@code waiting} for {@code pending}. (When its policy
   * settles it instead, the event is {@link #CANCELLED} or {@link #FAILED}.)
   */
  READY,
  STARTED,
  PROGRESS,
  COMPLETED,
  FAILED,
  /** The handler failed and attempts remain: back to pending after a backoff. */
  RETRY_SCHEDULED,
  /** A running job was asked to stop; it ends {@code CANCELLED} when its handler sees it. */
  CANCEL_REQUESTED,
  CANCELLED,
  /** The lease expired (the worker died): back to pending, or failed after max attempts. */
  RESCUED,
  /** A stopping worker gave the job back to the queue. */
  RELEASED,
  /** A failed or cancelled job was put back to pending as a new run (its old run is kept). */
  RETRIED,
  DELETED;
}
