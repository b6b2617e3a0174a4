package io.gridcast.forecast.search;

import io.gridcast.forecast.ForecastException;

/** A {@link GridOptimizer.Builder} setting out of range; the message names it and its value. */
public class InvalidOptimizerSettingException extends ForecastException {
  private static final long serialVersionUID = 1L;

  public InvalidOptimizerSettingException(String setting, Object value, String rule) {
    super(setting + " " + rule + ", got " + value);
  }
}
