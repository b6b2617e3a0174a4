package io.gridcast.server.dataset;

import io.gridcast.forecast.series.FrequencyChoice;

/**
 * How to read one upload.
 *
 * @param idColumn name of the series id column (CSV) or field (JSON rows)
 * @param dsColumn name of the time column
 * @param yColumn name of the value column
 * @param frequency how each series' frequency is settled (inferred by default)
 * @param period fixed seasonal period, or 0 to take the frequency's
 * @param maxSeriesLength the most periods one series may span
 */
public record UploadFormat(
    String idColumn,
    String dsColumn,
    String yColumn,
    FrequencyChoice frequency,
    int period,
    int maxSeriesLength) {

  public static final int DEFAULT_MAX_SERIES_LENGTH = 100_000;

  public static UploadFormat standard() {
    return new UploadFormat(
        "unique_id", "ds", "y", FrequencyChoice.INFER, 0, DEFAULT_MAX_SERIES_LENGTH);
  }
}
