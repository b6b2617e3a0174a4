package io.gridcast.forecast.arima;

/**
 * The KPSS level-stationarity test (Kwiatkowski, Phillips, Schmidt and Shin 1992) as {@code
 * urca::ur.kpss(type = "mu")} computes it, and R's {@code forecast::ndiffs} built on it.
 *
 * <pre>
 *   e = y - mean(y),  S_t = e_1 + ... + e_t,  eta = sum S_t^2 / n^2
 *   s2 = sum e^2 / n + (2 / n) sum_(i=1..l) (1 - i / (l + 1)) sum_(t > i) e_t e_(t-i)
 *   KPSS = eta / s2,   l = trunc(3 sqrt(n) / 13)
 * </pre>
 *
 * The p-value interpolates the critical values 0.347, 0.463, 0.574, 0.739 (10%, 5%, 2.5%, 1%)
 * linearly, clamped to [0.01, 0.1]; {@code ndiffs} differences while it is below {@code alpha}.
 */
final class Kpss {
  private static final double[] CRITICAL = {0.347, 0.463, 0.574, 0.739};
  private static final double[] LEVEL = {0.10, 0.05, 0.025, 0.01};

  private Kpss() {}

  /** The KPSS statistic of {@code y} with {@code lags} Bartlett lags. */
  static double statistic(double[] y, int lags) {
    int n = y.length;
    double mean = 0;
    for (double v : y) {
      mean += v;
    }
    mean /= n;
    double[] e = new double[n];
    double s = 0;
    double eta = 0;
    double ss = 0;
    for (int t = 0; t < n; t++) {
      e[t] = y[t] - mean;
      s += e[t];
      eta += s * s;
      ss += e[t] * e[t];
    }
    eta /= (double) n * n;
    double s2 = ss / n;
    if (lags > 0) {
      double acc = 0;
      for (int i = 1; i <= lags; i++) {
        double cov = 0;
        for (int t = i; t < n; t++) {
          cov += e[t] * e[t - i];
        }
        acc += (1 - (double) i / (lags + 1)) * cov;
      }
      s2 += 2.0 / n * acc;
    }
    return eta / s2;
  }

  /** R's default lag for {@code ndiffs}: {@code trunc(3 sqrt(n) / 13)}. */
  static int defaultLags(int n) {
    return (int) (3 * Math.sqrt(n) / 13);
  }

  /** The interpolated p-value of a statistic, in [0.01, 0.1]. */
  static double pValue(double stat) {
    if (stat <= CRITICAL[0]) {
      return LEVEL[0];
    }
    if (stat >= CRITICAL[3]) {
      return LEVEL[3];
    }
    int i = 0;
    while (stat > CRITICAL[i + 1]) {
      i++;
    }
    double f = (stat - CRITICAL[i]) / (CRITICAL[i + 1] - CRITICAL[i]);
    return LEVEL[i] + f * (LEVEL[i + 1] - LEVEL[i]);
  }

  /**
   * R's {@code ndiffs(y, alpha, test = "kpss", max.d)}: the number of first differences after which
   * the KPSS test no longer rejects level stationarity at {@code alpha}.
   */
  static int ndiffs(double[] y, double alpha, int maxD) {
    double a = Math.min(0.1, Math.max(0.01, alpha));
    double[] x = y;
    int d = 0;
    if (Constancy.isConstant(x)) {
      return 0;
    }
    boolean diff = pValue(statistic(x, defaultLags(x.length))) < a;
    while (diff && d < maxD) {
      d++;
      x = Constancy.difference(x, 1);
      if (Constancy.isConstant(x)) {
        return d;
      }
      diff = pValue(statistic(x, defaultLags(x.length))) < a;
    }
    return d;
  }
}
