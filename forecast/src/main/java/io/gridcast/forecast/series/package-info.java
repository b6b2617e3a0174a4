/**
 * Input conventions: {@link io.gridcast.forecast.series.Series} (values, seasonal periods, time
 * axis), {@link io.gridcast.forecast.series.Frequency} (pandas names, calendar-true steps), {@link
 * io.gridcast.forecast.series.TimeAxis} (how labels continue), and the streaming long-CSV reader
 * {@link io.gridcast.forecast.series.SeriesCsvReader} that files and uploads share, set by {@link
 * io.gridcast.forecast.series.TimeAxisOptions}.
 *
 * <p>Data conventions, applied by the reader and documented here once:
 *
 * <ul>
 *   <li><b>Stamps</b> are ISO dates, ISO date-times (local, or converted to UTC when they carry
 *       {@code Z} or an offset), integers, or text in the caller's {@code date_format}; labels are
 *       written back in the shape they came in.
 *   <li><b>Frequency</b> inference takes each series' smallest step: whole minutes below a day; one
 *       day is {@code B} when every stamp is a weekday and some step skips a weekend, else {@code
 *       D}; 7 days weekly on the data's weekday; 28-31 days monthly, 89-92 quarterly, 365-366
 *       yearly, anchored as the stamps are ({@code MS}, {@code ME}, {@code M-<day>}; {@code
 *       QS}/{@code QE} and {@code YS}/{@code YE} with the first stamp's month). A series with one
 *       stamp takes the input's most common frequency. A set frequency wins; a stamp off its grid
 *       is refused.
 *   <li><b>Missing values</b> (a stamp absent from the grid, or an empty {@code y}) inside a series
 *       are refused, naming the first missing stamps, unless a {@link
 *       io.gridcast.forecast.series.Fill} mode fills them; missing values before the first or after
 *       the last observation are trimmed (the series starts at its first observed period and ends
 *       at its last). A series with no observed value, or a stamp given twice, is an error.
 *   <li><b>Seasonal periods</b> are the frequency's (or the caller's), kept when they fit twice in
 *       the history; single-period models use the smallest, rounded.
 *   <li><b>Constant and all-zero series</b> are valid; metrics define {@code 0/0} as a perfect
 *       score so nothing becomes NaN.
 *   <li><b>Negative values</b> are kept as given; models that need positive data refuse them with a
 *       reason, and intervals are clamped at zero only when the whole history is {@code >= 0}.
 *   <li><b>Short series</b>: seasonal candidates need two full seasons and are skipped with a
 *       reason below that; with fewer than 3 values the optimizer falls back to the naive forecast.
 * </ul>
 */
package io.gridcast.forecast.series;
