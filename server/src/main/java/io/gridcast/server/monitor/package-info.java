/**
 * Monitoring of one process: the Micrometer registry exported as Prometheus text (HTTP latency by
 * route template and status, job durations by type and outcome, enqueue-to-start waits by type,
 * jobs running, queue depth and the oldest pending job's age, cache lookups, build, JVM and pool
 * figures), the OSHI system sampler and the queue-wait probe started and stopped at run time,
 * threshold alerts with hysteresis and a bounded history (the CPU rule judged by whether the API
 * itself is starved), and the two job types that measure the process itself ({@code benchmark}:
 * optimizer timings; {@code profile}: a JDK Flight Recorder recording and its hottest methods).
 * Knows nothing of the API's HTTP server: the HTTP layer feeds {@link
 * io.gridcast.server.monitor.HttpMetrics} and serves the figures; a worker process, which has no
 * API, serves {@code /metrics} through {@link io.gridcast.server.monitor.MetricsListener}.
 */
package io.gridcast.server.monitor;
