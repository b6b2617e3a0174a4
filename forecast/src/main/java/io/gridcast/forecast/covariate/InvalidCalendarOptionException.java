package io.gridcast.forecast.covariate;

import io.gridcast.forecast.ForecastException;

/** A calendar covariate option is out of range or unknown; the message names it and its value. */
public class InvalidCalendarOptionException extends ForecastException {
  private static final long serialVersionUID = 1L;

  private final String option;

  public InvalidCalendarOptionException(String option, Object value, String problem) {
    super(option + " " + value + ": " + problem);
    this.option = option;
  }

  /** The option's name ({@code country}, {@code region}, {@code window}, ...). */
  public String option() {
    return option;
  }
}
