/**
 * Load harness of the server: upload throughput under a small heap, and latency of the status and
 * create-jobs calls with a large job table while the workers keep both cores busy.
 */
package io.gridcast.bench.server;
