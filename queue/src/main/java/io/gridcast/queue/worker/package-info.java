/**
 * The worker pool: a dispatcher that claims due jobs for free slots, fixed named worker threads
 * running handlers, a completer that writes outcomes in batches, heartbeats that renew leases and
 * carry cancellation, and maintenance (lease rescue, retention, count folding). Also the manual
 * pool used by tests ({@code runDueJobsOnce}, {@code tick}).
 */
package io.gridcast.queue.worker;
