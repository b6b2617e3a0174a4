/**
 * Monitoring of one process: the Micrometer registry exported as Prometheus text (HTTP latency by
 * route template and status, job durations by type and outcome, queue depth, JVM and pool figures),
 * the OSHI system sampler started and stopped at run time, threshold alerts with hysteresis and a
 * bounded history, and the two job types that measure the process itself ({@code benchmark}:
 * optimizer timings; {@code profile}: a JDK Flight Recorder recording and its hottest methods).
 * Knows nothing of HTTP: the HTTP layer feeds {@link io.gridcast.server.monitor.HttpMetrics} and
 * serves the figures.
 */
package io.gridcast.server.monitor;
