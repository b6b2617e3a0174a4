package io.gridcast.server.dataset;

import java.time.Instant;

/**
 * One stored upload.
 *
 * @param name the name it was uploaded under; uploads under one name are its versions
 * @param version 1 for the first upload under its name, n + 1 for the next (0 until it is stored)
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
    int version,
    String frequency,
    int period,
    int seriesCount,
    long rowCount,
    String fill,
    long filled,
    Instant createdAt) {

  /** This dataset as stored under {@code v}. */
  public Dataset withVersion(int v) {
    return new Dataset(
        id, ownerId, name, v, frequency, period, seriesCount, rowCount, fill, filled, createdAt);
  }
}
