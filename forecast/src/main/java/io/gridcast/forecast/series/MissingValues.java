package io.gridcast.forecast.series;

/**
 * Fills missing values (NaN) inside a series as a {@link Fill} mode says. The ends must be observed
 * (the reader trims missing ends first).
 */
public final class MissingValues {
  private MissingValues() {}

  /**
   * Fills every NaN in place with {@code fill}; returns how many values were filled.
   *
   * @throws InvalidSeriesException when the first or last value is missing, or when {@code fill} is
   *     {@link Fill#NONE} and a value is missing
   */
  public static int fill(double[] y, Fill fill) {
    return switch (fill) {
      case NONE -> {
        int missing = count(y);
        if (missing > 0) {
          throw new InvalidSeriesException(missing + " missing values and fill is none");
        }
        yield 0;
      }
      case ZERO -> constant(y, false);
      case PREVIOUS -> constant(y, true);
      case LINEAR -> interpolate(y);
    };
  }

  /** How many values are NaN. */
  public static int count(double[] y) {
    int n = 0;
    for (double v : y) {
      if (Double.isNaN(v)) {
        n++;
      }
    }
    return n;
  }

  private static int constant(double[] y, boolean previous) {
    requireEnds(y);
    int filled = 0;
    for (int t = 1; t < y.length; t++) {
      if (Double.isNaN(y[t])) {
        y[t] = previous ? y[t - 1] : 0;
        filled++;
      }
    }
    return filled;
  }

  /**
   * Interpolates every NaN in place linearly between the nearest observed neighbours: for a gap
   * between {@code y[a]} and {@code y[b]}, {@code y[t] = y[a] + (y[b] - y[a]) * (t - a) / (b - a)};
   * returns how many values were filled.
   *
   * @throws InvalidSeriesException when the first or last value is missing
   */
  public static int interpolate(double[] y) {
    requireEnds(y);
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

  private static void requireEnds(double[] y) {
    if (y.length > 0 && (Double.isNaN(y[0]) || Double.isNaN(y[y.length - 1]))) {
      throw new InvalidSeriesException(
          "cannot fill a missing first or last value; trim the ends first");
    }
  }
}
