/**
 * The cost of monitoring: optimizer throughput with the server's monitoring on (system sampler,
 * alert rules, job timers, Prometheus scrapes) against off, interleaved in one process.
 */
package io.gridcast.bench.monitor;
