/**
 * A durable job queue on JDBC (SQLite by default, PostgreSQL for many processes): {@link
 * io.gridcast.queue.JobQueue} is the one entry point, {@link io.gridcast.queue.JobStore} the narrow
 * store contract, {@link io.gridcast.queue.JobHandler} the work. Knows nothing of forecasting or
 * HTTP.
 *
 * <p>Job states and who moves a job out of each:
 *
 * <pre>
 *  waiting --its batch finished (the transaction------&gt; pending, or by its policy cancelled or
 *            finishing the batch's last job, the              failed ({@link
 *            insert, or maintenance)                          io.gridcast.queue.Continuation})
 *  waiting --cancel (API)----------------------------&gt; cancelled
 *  pending --claim (worker)--------------------------&gt; running
 *  pending --cancel (API)----------------------------&gt; cancelled
 *  running --handler returns (worker, fenced)--------&gt; completed
 *  running --handler throws, attempts left (worker)--&gt; pending (run_after = now + backoff)
 *  running --handler throws, no attempts left--------&gt; failed
 *  running --cancel seen by handler (worker)---------&gt; cancelled
 *  running --lease expired (any process's rescuer)---&gt; pending, or failed after max attempts
 *  running --graceful stop (worker)------------------&gt; pending (attempt given back)
 *  failed|cancelled --retry (API)--------------------&gt; pending (a continuation: waiting)
 *  completed|failed|cancelled --retention or delete--&gt; (row removed)
 * </pre>
 */
package io.gridcast.queue;
