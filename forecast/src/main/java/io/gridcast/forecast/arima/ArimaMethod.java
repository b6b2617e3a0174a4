package io.gridcast.forecast.arima;

/** How an ARIMA model is estimated (R's {@code arima(method = ...)}). */
public enum ArimaMethod {
  /** Conditional sum of squares for start values, then exact maximum likelihood (R's default). */
  CSS_ML,
  /** Exact maximum likelihood from zero start values. */
  ML,
  /** Conditional sum of squares only (no likelihood; AIC undefined). */
  CSS
}
