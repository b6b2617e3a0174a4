package io.gridcast.server.dataset;

import java.time.Instant;

/**
 * One stored upload.
 *
 * @param frequency the most common frequency of its series (pandas name: {@code ME}, {@code h},
 *     {@code index}, ...)
 * @param period the most common seasonal period of its series
 * @param rowCount the stored values (after filling gaps)
 * @param fill what filled missing values when it was read ({@code none}: gaps were refused)
 * @param filled how many values were filled, over all its series
 */
public record Dataset(
    String id,
    String ownerId,
    String name,
    String frequency,
    int period,
    int seriesCount,
    long rowCount,
    String fill,
    long filled,
    Instant createdAt) {}
