/**
 * Seasonal adjustment shared by the models: the thetaf-style seasonality test, classical
 * multiplicative adjustment, and {@link io.gridcast.forecast.adjust.Deseasonalized}, which runs any
 * non-seasonal model on the adjusted series (as the M3 competition's SES, Holt and damped entries
 * did) and reseasonalises its forecasts.
 */
package io.gridcast.forecast.adjust;
