/**
 * Input conventions: {@link io.gridcast.forecast.series.Series} (values, seasonal period, time
 * axis), {@link io.gridcast.forecast.series.Frequency} and its inference from ISO dates, and the
 * streaming long-CSV reader {@link io.gridcast.forecast.series.SeriesCsvReader} that files and
 * uploads share.
 *
 * <p>Data conventions, applied by the reader and documented here once:
 *
 * <ul>
 *   <li><b>Missing values</b> (a gap in the calendar or index, or an empty {@code y}) are filled by
 *       linear interpolation between the neighbouring observations; missing values before the first
 *       or after the last observation are trimmed (the series starts at its first observed period
 *       and ends at its last). A series with no observed value is an error.
 *   <li><b>Constant and all-zero series</b> are valid; metrics define {@code 0/0} as a perfect
 *       score so nothing becomes NaN.
 *   <li><b>Negative values</b> are kept as given; models that need positive data refuse them with a
 *       reason, and intervals are clamped at zero only when the whole history is {@code >= 0}.
 *   <li><b>Short series</b>: seasonal candidates need two full seasons and are skipped with a
 *       reason below that; with fewer than 3 values the optimizer falls back to the naive forecast.
 * </ul>
 */
package io.gridcast.forecast.series;
