package io.gridcast.forecast.smoothing;

/**
 * Classical (moving-average) seasonal decomposition, as R's {@code stats::decompose}.
 *
 * <p>The trend is the centred moving average of order {@code m} (for even {@code m} the {@code 2 x
 * m} average with end weights {@code 1/(2m)}); the detrended values {@code y/trend}
 * (multiplicative) or {@code y - trend} (additive) are averaged by position {@code t mod m}, and
 * the {@code m} averages are normalised to mean 1 (multiplicative) or 0 (additive). Index {@code i}
 * of the result applies to every position {@code t} (0-based, from the first observation used) with
 * {@code t mod m == i}.
 */
public final class ClassicalDecomposition {
  private ClassicalDecomposition() {}

  /**
   * Seasonal indices of the first {@code n} values of {@code y}; needs {@code n >= 2m} and {@code m
   * >= 2}.
   */
  public static double[] seasonalIndices(double[] y, int n, int m, boolean multiplicative) {
    if (m < 2 || n < 2 * m) {
      throw new IllegalArgumentException(
          "decomposition needs period >= 2 and two full seasons: period " + m + ", n " + n);
    }
    int half = m / 2;
    boolean even = m % 2 == 0;
    double[] sum = new double[m];
    int[] count = new int[m];
    for (int t = half; t < n - half; t++) {
      double trend;
      if (even) {
        double s = 0.5 * (y[t - half] + y[t + half]);
        for (int k = -half + 1; k < half; k++) {
          s += y[t + k];
        }
        trend = s / m;
      } else {
        double s = 0;
        for (int k = -half; k <= half; k++) {
          s += y[t + k];
        }
        trend = s / m;
      }
      sum[t % m] += multiplicative ? y[t] / trend : y[t] - trend;
      count[t % m]++;
    }
    double[] figure = new double[m];
    double mean = 0;
    for (int i = 0; i < m; i++) {
      figure[i] = sum[i] / count[i];
      mean += figure[i] / m;
    }
    for (int i = 0; i < m; i++) {
      figure[i] = multiplicative ? figure[i] / mean : figure[i] - mean;
    }
    return figure;
  }
}
