package io.gridcast.forecast.series;

import io.gridcast.forecast.ForecastException;

/** A frequency name or a date gap matches no known {@link Frequency}; the message says which. */
public class UnknownFrequencyException extends ForecastException {
  private static final long serialVersionUID = 1L;

  public UnknownFrequencyException(String message) {
    super(message);
  }
}
