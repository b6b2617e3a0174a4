/**
 * Covariates (exogenous regressors): values that move with demand, known for the history and, to
 * forecast, for the horizon ({@link io.gridcast.forecast.covariate.Covariates}). They come from the
 * user's extra columns (price, promotion flags, weather) or are built from the calendar ({@link
 * io.gridcast.forecast.covariate.CalendarCovariates}: public holidays from jollyday, day of week,
 * Fourier terms). The models that use them implement {@link
 * io.gridcast.forecast.covariate.CovariateModelSpec}: {@code ets_x} and {@code regression} here,
 * {@code arima_x} in {@code arima}.
 */
package io.gridcast.forecast.covariate;
