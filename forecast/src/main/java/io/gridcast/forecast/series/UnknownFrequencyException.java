package io.gridcast.forecast.series;

/**
 * A frequency name, or stamps, that match no known {@link Frequency}; the message says which and
 * lists the known names.
 */
public class UnknownFrequencyException extends InvalidSeriesOptionException {
  private static final long serialVersionUID = 1L;

  public UnknownFrequencyException(String message) {
    super("frequency", message);
  }
}
