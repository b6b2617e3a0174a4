package io.gridcast.server.dataset;

import io.gridcast.forecast.series.TimeAxisOptions;
import java.util.Objects;

/**
 * How to read one upload.
 *
 * @param idColumn name of the series id column (CSV) or field (JSON rows)
 * @param dsColumn name of the time column
 * @param yColumn name of the value column
 * @param axis frequency (inferred by default), fill (gaps refused by default), seasonality (the
 *     frequency's by default) and date format (ISO stamps and integers by default)
 * @param maxSeriesLength the most periods one series may span
 */
public record UploadFormat(
    String idColumn, String dsColumn, String yColumn, TimeAxisOptions axis, int maxSeriesLength) {

  public static final int DEFAULT_MAX_SERIES_LENGTH = 100_000;

  public UploadFormat {
    Objects.requireNonNull(axis, "axis");
  }

  /** The default columns and time-axis options. */
  public static UploadFormat standard() {
    return new UploadFormat(
        "unique_id", "ds", "y", TimeAxisOptions.DEFAULT, DEFAULT_MAX_SERIES_LENGTH);
  }

  /** This format with other time-axis options. */
  public UploadFormat withAxis(TimeAxisOptions options) {
    return new UploadFormat(idColumn, dsColumn, yColumn, options, maxSeriesLength);
  }
}
