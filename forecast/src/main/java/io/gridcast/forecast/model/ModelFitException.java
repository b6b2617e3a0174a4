package io.gridcast.forecast.model;

import io.gridcast.forecast.ForecastException;

/** A model cannot be fitted to the given data; the message says why. */
public class ModelFitException extends ForecastException {
  private static final long serialVersionUID = 1L;

  public ModelFitException(String model, String reason) {
    super(model + ": " + reason);
  }
}
