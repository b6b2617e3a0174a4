package io.gridcast.forecast.registry;

import io.gridcast.forecast.ForecastException;

/** A parameter unknown to a model or outside its range; the message names model, name, value. */
public class InvalidModelParameterException extends ForecastException {
  private static final long serialVersionUID = 1L;

  public InvalidModelParameterException(String message) {
    super(message);
  }
}
