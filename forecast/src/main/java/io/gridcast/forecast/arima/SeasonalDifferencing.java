package io.gridcast.forecast.arima;

/**
 * R's {@code forecast::nsdiffs(test = "seas")}: seasonal differencing is needed when the seasonal
 * strength of an STL decomposition ({@link Stl}, {@code s.window = 11}) exceeds {@value
 * #THRESHOLD},
 *
 * <pre>
 *   F_s = max(0, min(1, 1 - var(R) / var(R + S)))
 * </pre>
 *
 * with {@code S} the seasonal and {@code R} the remainder component (Wang, Smith and Hyndman 2006).
 */
final class SeasonalDifferencing {
  /** Seasonal strength above which one seasonal difference is taken. */
  static final double THRESHOLD = 0.64;

  /** The seasonal window of {@code mstl}'s first component. */
  static final int SEASONAL_WINDOW = 11;

  private SeasonalDifferencing() {}

  /** The seasonal strength {@code F_s} of {@code y} with period {@code m} ({@code n > 2m}). */
  static double strength(double[] y, int m) {
    Stl stl = Stl.of(y, m, SEASONAL_WINDOW);
    int n = y.length;
    double[] rem = new double[n];
    double[] rs = new double[n];
    for (int t = 0; t < n; t++) {
      rem[t] = y[t] - stl.seasonal()[t] - stl.trend()[t];
      rs[t] = rem[t] + stl.seasonal()[t];
    }
    return Math.max(0, Math.min(1, 1 - variance(rem) / variance(rs)));
  }

  /** R's {@code nsdiffs(y, test = "seas", max.D = 1)} for period {@code m > 1}. */
  static int nsdiffs(double[] y, int m) {
    if (Constancy.isConstant(y) || m >= y.length || y.length <= 2 * m) {
      return 0;
    }
    return strength(y, m) > THRESHOLD ? 1 : 0;
  }

  private static double variance(double[] x) {
    double mean = 0;
    for (double v : x) {
      mean += v;
    }
    mean /= x.length;
    double s = 0;
    for (double v : x) {
      s += (v - mean) * (v - mean);
    }
    return s / (x.length - 1);
  }
}
