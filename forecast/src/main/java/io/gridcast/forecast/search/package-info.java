/**
 * The grid optimizer: for each candidate {@link io.gridcast.forecast.model.ModelSpec},
 * rolling-origin cross-validation scored by a {@link io.gridcast.forecast.metric.Metric}; the best
 * candidate refit on all data; point forecasts with intervals at any levels (80% and 95% by
 * default; analytic where the model has them, otherwise from the backtest errors per horizon step),
 * and a typed {@link io.gridcast.forecast.search.Fallback} when the search fell back. Also the
 * {@link io.gridcast.forecast.search.Combination} candidate (mean of several models' forecasts).
 *
 * <p>Entry point: {@link io.gridcast.forecast.search.GridOptimizer#builder()}.
 */
package io.gridcast.forecast.search;
