package io.gridcast.server.monitor;

import java.time.Instant;

/**
 * One reading of the machine and this process. Rates are per second over the interval since the
 * previous reading (zero for the first one).
 *
 * @param cpuPercent system CPU load over the interval, all cores, 0..100
 * @param processCpuPercent this JVM's share of all cores, 0..100 (-1 when unknown)
 * @param memoryTotalBytes physical memory of the machine
 * @param memoryAvailableBytes physical memory available to new processes
 * @param processResidentBytes resident set size of this process
 * @param heapUsedBytes JVM heap in use
 * @param heapMaxBytes JVM heap limit (-1 when undefined)
 * @param diskReadBytesPerSecond sum over the machine's disks
 * @param diskWriteBytesPerSecond sum over the machine's disks
 * @param networkReceivedBytesPerSecond sum over the network interfaces
 * @param networkSentBytesPerSecond sum over the network interfaces
 */
public record SystemSample(
    Instant at,
    double cpuPercent,
    double processCpuPercent,
    long memoryTotalBytes,
    long memoryAvailableBytes,
    long processResidentBytes,
    long heapUsedBytes,
    long heapMaxBytes,
    double diskReadBytesPerSecond,
    double diskWriteBytesPerSecond,
    double networkReceivedBytesPerSecond,
    double networkSentBytesPerSecond) {}
