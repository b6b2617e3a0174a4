package io.gridcast.server.dataset;

import java.time.Instant;

/**
 * One stored upload.
 *
 * @param frequency the most common frequency of its series ({@code monthly}, {@code index}, ...)
 * @param period the most common seasonal period of its series
 * @param rowCount data rows accepted (after filling gaps: the stored values)
 */
public record Dataset(
    String id,
    String ownerId,
    String name,
    String frequency,
    int period,
    int seriesCount,
    long rowCount,
    Instant createdAt) {}
