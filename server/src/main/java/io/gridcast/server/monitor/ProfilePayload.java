package io.gridcast.server.monitor;

/**
 * What a {@code profile} job records.
 *
 * @param seconds length of the recording, 1..{@link PerformanceJobs#MAX_PROFILE_SECONDS}
 */
public record ProfilePayload(int seconds) {}
