package io.gridcast.forecast.hierarchy;

import io.gridcast.forecast.ForecastException;

/**
 * The in-sample residuals cannot give a usable covariance (a node without residuals, too few
 * complete times, a residual variance of zero, a matrix that is not positive definite); the message
 * says which and is kept as the fallback reason of a {@link Reconciliation}.
 */
public class CovarianceNotUsableException extends ForecastException {
  private static final long serialVersionUID = 1L;

  public CovarianceNotUsableException(String reason) {
    super(reason);
  }
}
