/**
 * Covariates (exogenous regressors): values that move with demand, known for the history and, to
 * forecast, for the horizon ({@link io.gridcast.forecast.covariate.Covariates}). They come from the
 * user's extra columns (price, promotion flags, weather) or are built from the calendar.
 */
package io.gridcast.forecast.covariate;
