package io.gridcast.forecast.series;

/**
 * The input holds more values than the reader's total cap ({@link
 * SeriesCsvReader.Builder#maxTotalLength}) once gaps are filled: names the series at which the sum
 * passed the cap, the periods it spans and what was left of the cap.
 */
public final class TooManyValuesException extends CsvFormatException {
  private static final long serialVersionUID = 1L;

  private final long span;
  private final long left;

  TooManyValuesException(long line, String column, String seriesId, long span, long left) {
    super(
        line,
        column,
        "series '"
            + seriesId
            + "' spans "
            + span
            + " periods (gaps filled) but only "
            + left
            + " values are left of the input's limit",
        seriesId,
        null);
    this.span = span;
    this.left = left;
  }

  /** The periods the refused series spans, gaps filled. */
  public long span() {
    return span;
  }

  /** The values that were left of the cap when the series was refused. */
  public long left() {
    return left;
  }
}
