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
 * @param covariates whether extra numeric or 0/1 columns are read as covariates (else they are
 *     ignored and named as ignored in the answer)
 */
public record UploadFormat(
    String idColumn,
    String dsColumn,
    String yColumn,
    TimeAxisOptions axis,
    int maxSeriesLength,
    boolean covariates) {

  public static final int DEFAULT_MAX_SERIES_LENGTH = 100_000;

  public UploadFormat {
    Objects.requireNonNull(axis, "axis");
  }

  /** A format that reads extra columns as covariates. */
  public UploadFormat(
      String idColumn, String dsColumn, String yColumn, TimeAxisOptions axis, int maxSeriesLength) {
    this(idColumn, dsColumn, yColumn, axis, maxSeriesLength, true);
  }

  /** The default columns and time-axis options. */
  public static UploadFormat standard() {
    return new UploadFormat(
        "unique_id", "ds", "y", TimeAxisOptions.DEFAULT, DEFAULT_MAX_SERIES_LENGTH);
  }

  /** This format with other time-axis options. */
  public UploadFormat withAxis(TimeAxisOptions options) {
    return new UploadFormat(idColumn, dsColumn, yColumn, options, maxSeriesLength, covariates);
  }

  /** This format, reading extra columns as covariates or ignoring them. */
  public UploadFormat withCovariates(boolean read) {
    return new UploadFormat(idColumn, dsColumn, yColumn, axis, maxSeriesLength, read);
  }
}
