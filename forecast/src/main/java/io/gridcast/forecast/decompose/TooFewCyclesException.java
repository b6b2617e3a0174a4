package io.gridcast.forecast.decompose;

import io.gridcast.forecast.ForecastException;

/** A series too short for a seasonal decomposition: it needs more than two full cycles. */
public class TooFewCyclesException extends ForecastException {
  private static final long serialVersionUID = 1L;

  public TooFewCyclesException(double period, int n) {
    super(
        "a seasonal decomposition with period "
            + period
            + " needs more than "
            + 2 * period
            + " values (two full cycles), got "
            + n);
  }
}
