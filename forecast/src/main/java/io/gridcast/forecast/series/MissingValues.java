package io.gridcast.forecast.series;

/**
 * Fills missing values (NaN) inside a series by linear interpolation between the nearest observed
 * neighbours: for a gap between {@code y[a]} and {@code y[b]}, {@code y[t] = y[a] + (y[b] - y[a]) *
 * (t - a) / (b - a)}. The ends must be observed (the reader trims missing ends first).
 */
public final class MissingValues {
  private MissingValues() {}

  /**
   * Interpolates every NaN in place; returns how many values were filled.
   *
   * @throws InvalidSeriesException when the first or last value is missing
   */
  public static int interpolate(double[] y) {
    if (y.length == 0) {
      return 0;
    }
    if (Double.isNaN(y[0]) || Double.isNaN(y[y.length - 1])) {
      throw new InvalidSeriesException(
          "cannot interpolate a missing first or last value; trim the ends first");
    }
    int filled = 0;
    int a = 0;
    for (int t = 1; t < y.length; t++) {
      if (Double.isNaN(y[t])) {
        continue;
      }
      if (t - a > 1) {
        double slope = (y[t] - y[a]) / (t - a);
        for (int k = a + 1; k < t; k++) {
          y[k] = y[a] + slope * (k - a);
          filled++;
        }
      }
      a = t;
    }
    return filled;
  }
}
