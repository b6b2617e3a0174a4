package io.gridcast.forecast.optim;

import io.gridcast.forecast.ForecastException;

/**
 * A minimisation cannot proceed: a non-finite start or finite difference; the message says which.
 */
public class OptimizationException extends ForecastException {
  private static final long serialVersionUID = 1L;

  public OptimizationException(String message) {
    super(message);
  }
}
