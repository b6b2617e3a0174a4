package io.gridcast.forecast.series;

import io.gridcast.forecast.ForecastException;

/** Values or settings that cannot make a {@link Series}; the message names the series and value. */
public class InvalidSeriesException extends ForecastException {
  private static final long serialVersionUID = 1L;

  public InvalidSeriesException(String message) {
    super(message);
  }
}
