/**
 * The model contract ({@link io.gridcast.forecast.model.ModelSpec}, {@link
 * io.gridcast.forecast.model.FittedModel}, {@link io.gridcast.forecast.model.PredictionInterval})
 * and the benchmark family: naive, seasonal naive, drift, mean, moving average; plus the normal and
 * Student-t quantiles the analytic intervals use.
 */
package io.gridcast.forecast.model;
