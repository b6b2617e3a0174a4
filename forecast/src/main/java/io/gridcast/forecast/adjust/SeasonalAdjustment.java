package io.gridcast.forecast.adjust;

import io.gridcast.forecast.smoothing.ClassicalDecomposition;

/**
 * The seasonality test and multiplicative adjustment of R's {@code forecast::thetaf()}.
 *
 * <p>With {@code r_k} the sample autocorrelations, the series is seasonal when {@code m > 1},
 * {@code n > 2m}, it is not constant and {@code |r_m| > 1.645 sqrt((1 + 2 sum_{k<m} r_k²) / n)} (a
 * 90% test). A seasonal series is divided by the classical multiplicative seasonal indices unless
 * one of them is below 1e-4 in absolute value. Deviation from R: a series with a value {@code <= 0}
 * is never adjusted (R would divide by a meaningless moving-average ratio).
 */
public final class SeasonalAdjustment {
  private SeasonalAdjustment() {}

  /** qnorm(0.95). */
  public static final double Z90 = 1.6448536269514722;

  /** Seasonal indices by position {@code t mod m}, or null when the series is not adjusted. */
  public static double[] indices(double[] y, int n, int m) {
    if (m <= 1 || n <= 2 * m) {
      return null;
    }
    double mean = 0;
    for (int t = 0; t < n; t++) {
      if (y[t] <= 0) {
        return null;
      }
      mean += y[t];
    }
    mean /= n;
    double c0 = 0;
    for (int t = 0; t < n; t++) {
      c0 += (y[t] - mean) * (y[t] - mean);
    }
    if (c0 == 0) {
      return null;
    }
    double sumSq = 0;
    double rm = 0;
    for (int k = 1; k <= m; k++) {
      double ck = 0;
      for (int t = 0; t + k < n; t++) {
        ck += (y[t] - mean) * (y[t + k] - mean);
      }
      double r = ck / c0;
      if (k < m) {
        sumSq += r * r;
      } else {
        rm = r;
      }
    }
    double stat = Math.sqrt((1 + 2 * sumSq) / n);
    if (!(Math.abs(rm) / stat > Z90)) {
      return null;
    }
    double[] idx = ClassicalDecomposition.seasonalIndices(y, n, m, true);
    for (double s : idx) {
      if (!(Math.abs(s) >= 1e-4) || !Double.isFinite(s)) {
        return null;
      }
    }
    return idx;
  }

  /** {@code y(t) / idx(t mod m)} for {@code t < n}, or a copy of {@code y} when idx is null. */
  public static double[] adjust(double[] y, int n, double[] idx) {
    double[] x = new double[n];
    for (int t = 0; t < n; t++) {
      x[t] = idx == null ? y[t] : y[t] / idx[t % idx.length];
    }
    return x;
  }

  /**
   * Least-squares intercept and slope of {@code x} on {@code t = 0..n-1} ({@code {x0, 0}} for n=1).
   */
  public static double[] line(double[] x, int n) {
    if (n < 2) {
      return new double[] {x[0], 0};
    }
    double tBar = (n - 1) / 2.0;
    double xBar = 0;
    for (int t = 0; t < n; t++) {
      xBar += x[t];
    }
    xBar /= n;
    double sxy = 0;
    double sxx = 0;
    for (int t = 0; t < n; t++) {
      sxy += (t - tBar) * (x[t] - xBar);
      sxx += (t - tBar) * (t - tBar);
    }
    double slope = sxy / sxx;
    return new double[] {xBar - slope * tBar, slope};
  }
}
