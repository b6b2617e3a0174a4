package io.gridcast.server.monitor;

/**
 * What the application did during one sampling interval.
 *
 * @param requestsPerSecond API calls finished per second
 * @param meanRequestSeconds mean duration of the interactive calls ({@link HttpMetrics#BULK_ROUTES}
 *     excluded), null when none
 * @param slowestRequestSeconds the slowest of them, null when none
 * @param queueWaitSeconds how long a new request waited for a thread at the end of the interval
 *     ({@link QueueWaitProbe})
 * @param jobsPerSecond job attempts finished per second in this process
 * @param jobsRunning job handlers running in this process at the end of the interval
 * @param failedJobs job attempts that failed in the interval
 * @param errorRatePercent {@code 100 * (5xx + failed attempts) / (calls + attempts)}, null under
 *     {@value Monitoring#MIN_ERROR_SAMPLE} calls and attempts
 * @param intervalSeconds the length of the interval
 */
public record ApplicationFigures(
    double requestsPerSecond,
    Double meanRequestSeconds,
    Double slowestRequestSeconds,
    double queueWaitSeconds,
    double jobsPerSecond,
    int jobsRunning,
    long failedJobs,
    Double errorRatePercent,
    double intervalSeconds) {}
