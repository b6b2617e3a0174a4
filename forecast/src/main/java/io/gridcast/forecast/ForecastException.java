package io.gridcast.forecast;

/** Root of every exception the forecast core throws; unchecked, named for the condition. */
public class ForecastException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ForecastException(String message) {
    super(message);
  }

  public ForecastException(String message, Throwable cause) {
    super(message, cause);
  }
}
