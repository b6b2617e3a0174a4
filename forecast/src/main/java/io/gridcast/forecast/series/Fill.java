package io.gridcast.forecast.series;

import java.util.Locale;

/**
 * What the reader does with a missing value inside a series: a stamp absent from the grid, or a row
 * whose {@code y} is empty. Values before the first and after the last observation are trimmed in
 * every mode (the series starts and ends where its data does).
 */
public enum Fill {
  /** Refuse the series, naming its first missing stamps (the default: nothing is made up). */
  NONE,
  /** Fill with 0 (demand that was not recorded because there was none). */
  ZERO,
  /** Carry the last observed value forward. */
  PREVIOUS,
  /**
   * Interpolate linearly between the observed neighbours {@code y[a]} and {@code y[b]}: {@code y[t]
   * = y[a] + (y[b] - y[a]) (t - a) / (b - a)}.
   */
  LINEAR;

  /** The name callers write: {@code none}, {@code zero}, {@code previous}, {@code linear}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a caller's setting (case-insensitive); null or blank is {@link #NONE}.
   *
   * @throws InvalidSeriesOptionException naming {@code fill} and the accepted values
   */
  public static Fill parse(String text) {
    if (text == null || text.isBlank()) {
      return NONE;
    }
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "none", "refuse" -> NONE;
      case "zero" -> ZERO;
      case "previous", "ffill" -> PREVIOUS;
      case "linear", "interpolate" -> LINEAR;
      default ->
          throw new InvalidSeriesOptionException(
              "fill",
              "unknown fill '"
                  + text.trim()
                  + "'; known: none (refuse gaps, the default), zero, previous, linear");
    };
  }
}
