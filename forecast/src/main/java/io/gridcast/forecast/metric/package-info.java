/**
 * Forecast accuracy as the M3 and M4 competitions define it: {@link
 * io.gridcast.forecast.metric.Accuracy} computes MAE, RMSE, MAPE, sMAPE, MASE, bias and OWA on
 * whole arrays; {@link io.gridcast.forecast.metric.Metric} is the per-point form the grid optimizer
 * accumulates over backtest folds.
 */
package io.gridcast.forecast.metric;
