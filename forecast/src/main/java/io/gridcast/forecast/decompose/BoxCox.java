package io.gridcast.forecast.decompose;

/**
 * The Box-Cox transform as R's {@code forecast::BoxCox()}: {@code log(x)} for {@code lambda = 0},
 * else {@code (sign(x) |x|^lambda - 1) / lambda}; the inverse {@code exp(z)}, else {@code sign(u)
 * |u|^(1 / lambda)} with {@code u = lambda z + 1} (no bias adjustment: forecasts are medians).
 */
final class BoxCox {
  private BoxCox() {}

  /** The first {@code n} values transformed into a new array. */
  static double[] transform(double[] y, int n, double lambda) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      double x = y[i];
      out[i] =
          lambda == 0 ? Math.log(x) : (Math.signum(x) * Math.pow(Math.abs(x), lambda) - 1) / lambda;
    }
    return out;
  }

  /** Transforms {@code z} back, in place. */
  static double[] inverse(double[] z, double lambda) {
    for (int i = 0; i < z.length; i++) {
      if (lambda == 0) {
        z[i] = Math.exp(z[i]);
      } else {
        double u = z[i] * lambda + 1;
        z[i] = Math.signum(u) * Math.pow(Math.abs(u), 1 / lambda);
      }
    }
    return z;
  }
}
