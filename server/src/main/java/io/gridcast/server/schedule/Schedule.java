package io.gridcast.server.schedule;

import java.time.Instant;

/**
 * One stored schedule.
 *
 * @param cron a 5-field Unix cron expression, read in {@code timeZone}
 * @param datasetName each fire runs on the newest dataset of this name of the owner
 * @param type {@code optimization}, {@code validation} or {@code rescoring}
 * @param options the job options of each fire, a JSON object of the job request's fields
 * @param nextFireAt the next due fire time (kept while paused; recomputed from the clock on resume)
 * @param pausedAt when it was paused; null while it runs
 * @param lastFireAt the last fire time that fired, null before the first
 * @param lastBatchId the batch the last fire created; null before the first or when it failed
 * @param lastError why the last fire created no jobs; null when it did
 */
public record Schedule(
    String id,
    String ownerId,
    String name,
    String cron,
    String timeZone,
    String datasetName,
    String type,
    String options,
    Instant nextFireAt,
    Instant pausedAt,
    Instant lastFireAt,
    String lastBatchId,
    String lastError,
    Instant createdAt,
    Instant updatedAt) {

  public boolean paused() {
    return pausedAt != null;
  }
}
