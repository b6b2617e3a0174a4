package io.gridcast.server.schedule;

/**
 * A new schedule as the caller sends it; every field is checked by {@link ScheduleService#create}.
 *
 * @param timeZone an IANA zone; null for UTC
 * @param type {@code optimization}, {@code validation} or {@code rescoring}; null for optimization
 * @param options the job options as a JSON object text (the job request's fields without {@code
 *     dataset_id}, {@code type} and {@code idempotency_key}); null for the defaults
 */
public record ScheduleRequest(
    String name, String cron, String timeZone, String datasetName, String type, String options) {}
