package io.gridcast.server.monitor;

/**
 * What the application did during one sampling interval.
 *
 * @param requestsPerSecond API calls finished per second
 * @param meanRequestSeconds mean duration of those calls (event streams excluded), null when none
 * @param slowestRequestSeconds the slowest of them (event streams excluded), null when none
 * @param jobsPerSecond job attempts finished per second in this process
 * @param failedJobs job attempts that failed in the interval
 * @param errorRatePercent {@code 100 * (5xx + failed attempts) / (calls + attempts)}, null under
 *     {@value Monitoring#MIN_ERROR_SAMPLE} calls and attempts
 * @param intervalSeconds the length of the interval
 */
public record ApplicationFigures(
    double requestsPerSecond,
    Double meanRequestSeconds,
    Double slowestRequestSeconds,
    double jobsPerSecond,
    long failedJobs,
    Double errorRatePercent,
    double intervalSeconds) {}
