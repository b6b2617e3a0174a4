package io.gridcast.forecast.series;

import io.gridcast.forecast.ForecastException;

/**
 * A reading option that cannot be used ({@code frequency}, {@code fill}, {@code seasonality},
 * {@code date_format}); {@link #option()} names it and the message the bad value and what is
 * accepted.
 */
public class InvalidSeriesOptionException extends ForecastException {
  private static final long serialVersionUID = 1L;

  private final String option;

  public InvalidSeriesOptionException(String option, String message) {
    super(message);
    this.option = option;
  }

  /** The option's name as callers spell it: {@code frequency}, {@code fill}, ... */
  public String option() {
    return option;
  }
}
