package io.gridcast.server.schedule;

import java.time.Instant;

/**
 * One fire of a schedule.
 *
 * @param fireAt the due time it fired for (the earliest missed one after a stop)
 * @param firedAt when the batch was created
 * @param batchId the batch of jobs it created; null when it created none
 * @param datasetId the dataset version it ran on; null when none was found
 * @param error why it created no jobs; null when it did
 */
public record ScheduleFire(
    Instant fireAt, Instant firedAt, String batchId, String datasetId, String error) {}
