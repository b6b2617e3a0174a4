/**
 * The cost of monitoring: optimizer throughput with the server's monitoring on (system sampler,
 * alert rules, job timers, Prometheus scrapes) against off, interleaved in one process; and the
 * queue reads behind the queue gauges on a table of 200,000 jobs.
 */
package io.gridcast.bench.monitor;
