package io.gridcast.forecast.arima;

/**
 * R's {@code forecast::is.constant}, {@code isTRUE(all.equal(x, rep(x[1], n)))}: constant when the
 * mean relative difference {@code sum |x_i - x_1| / sum |x_i|} over the values differing from
 * {@code x_1} is at most {@code sqrt(eps)} (absolute when their mean magnitude is below that); and
 * lagged differences.
 */
final class Constancy {
  private static final double TOLERANCE = Math.sqrt(Math.ulp(1.0));

  private Constancy() {}

  static boolean isConstant(double[] x) {
    if (x.length == 0) {
      return true;
    }
    double first = x[0];
    double diff = 0;
    double abs = 0;
    int k = 0;
    for (double v : x) {
      if (v != first) {
        diff += Math.abs(v - first);
        abs += Math.abs(v);
        k++;
      }
    }
    if (k == 0) {
      return true;
    }
    double scale = abs / k;
    double xy = Double.isFinite(scale) && scale > TOLERANCE ? diff / k / scale : diff / k;
    return !(xy > TOLERANCE);
  }

  /** {@code x(t) - x(t - lag)}, {@code n - lag} values. */
  static double[] difference(double[] x, int lag) {
    double[] out = new double[Math.max(0, x.length - lag)];
    for (int t = 0; t < out.length; t++) {
      out[t] = x[t + lag] - x[t];
    }
    return out;
  }
}
