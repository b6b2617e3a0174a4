/**
 * The queue harness: no-op throughput, pickup latency and CPU-bound wall time for Gridcast's queue
 * on PostgreSQL and SQLite, behind {@link io.gridcast.bench.queue.QueueHarness} so peers (JobRunr,
 * db-scheduler) can be plugged in and measured in the same run.
 */
package io.gridcast.bench.queue;
