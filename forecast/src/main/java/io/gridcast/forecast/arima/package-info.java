/**
 * The ARIMA family at parity with R: {@link io.gridcast.forecast.arima.ArimaSpec} ({@code
 * forecast::Arima}: given orders, mean, drift, external regressors; exact likelihood by the Kalman
 * filter, CSS start values, R's BFGS path) and {@link io.gridcast.forecast.arima.AutoArimaSpec}
 * ({@code forecast::auto.arima}: KPSS and seasonal-strength tests for the differences, the
 * Hyndman-Khandakar stepwise search by AICc).
 */
package io.gridcast.forecast.arima;
