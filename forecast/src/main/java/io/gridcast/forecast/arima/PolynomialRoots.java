package io.gridcast.forecast.arima;

/**
 * The complex roots of a real polynomial {@code c_0 + c_1 z + ... + c_n z^n} by the Aberth-Ehrlich
 * simultaneous iteration ({@code z_k -= N_k / (1 - N_k sum_(j != k) 1 / (z_k - z_j))}, {@code N_k =
 * p(z_k) / p'(z_k)}), started on a circle of the Cauchy bound's radius; cubic convergence for
 * simple roots. Used for the low-degree MA polynomials R's {@code polyroot} serves in {@code
 * arima}.
 */
final class PolynomialRoots {
  private static final int MAX_ITERATIONS = 500;

  private PolynomialRoots() {}

  /**
   * The {@code n} roots as {@code {re, im}} pairs.
   *
   * @param c coefficients, constant first; the last must be non-zero
   */
  static double[][] of(double[] c) {
    int n = c.length - 1;
    if (n < 1 || c[n] == 0) {
      throw new IllegalArgumentException("polynomial of degree < 1 or with zero leading term");
    }
    double bound = 0;
    for (int i = 0; i < n; i++) {
      bound = Math.max(bound, Math.abs(c[i] / c[n]));
    }
    double radius = Math.max(1e-3, Math.min(1 + bound, 1e6));
    double[] zr = new double[n];
    double[] zi = new double[n];
    for (int k = 0; k < n; k++) {
      double ang = 2 * Math.PI * k / n + 0.4;
      zr[k] = radius * Math.cos(ang);
      zi[k] = radius * Math.sin(ang);
    }
    double[] pv = new double[2];
    double[] dv = new double[2];
    for (int it = 0; it < MAX_ITERATIONS; it++) {
      double change = 0;
      for (int k = 0; k < n; k++) {
        evaluate(c, zr[k], zi[k], pv, dv);
        double dm = dv[0] * dv[0] + dv[1] * dv[1];
        if (dm == 0) {
          continue;
        }
        // N = p / p'
        double nr = (pv[0] * dv[0] + pv[1] * dv[1]) / dm;
        double ni = (pv[1] * dv[0] - pv[0] * dv[1]) / dm;
        double sr = 0;
        double si = 0;
        for (int j = 0; j < n; j++) {
          if (j != k) {
            double ar = zr[k] - zr[j];
            double ai = zi[k] - zi[j];
            double am = ar * ar + ai * ai;
            if (am > 0) {
              sr += ar / am;
              si -= ai / am;
            }
          }
        }
        // w = N / (1 - N s)
        double br = 1 - (nr * sr - ni * si);
        double bi = -(nr * si + ni * sr);
        double bm = br * br + bi * bi;
        double wr = bm == 0 ? nr : (nr * br + ni * bi) / bm;
        double wi = bm == 0 ? ni : (ni * br - nr * bi) / bm;
        zr[k] -= wr;
        zi[k] -= wi;
        change = Math.max(change, Math.hypot(wr, wi) / Math.max(1e-300, Math.hypot(zr[k], zi[k])));
      }
      if (change < 1e-15) {
        break;
      }
    }
    double[][] out = new double[n][];
    for (int k = 0; k < n; k++) {
      out[k] = new double[] {zr[k], zi[k]};
    }
    return out;
  }

  /** {@code p(z)} into pv and {@code p'(z)} into dv by Horner's scheme. */
  private static void evaluate(double[] c, double xr, double xi, double[] pv, double[] dv) {
    int n = c.length - 1;
    double pr = c[n];
    double pi = 0;
    double dr = 0;
    double di = 0;
    for (int i = n - 1; i >= 0; i--) {
      double tr = dr * xr - di * xi + pr;
      double ti = dr * xi + di * xr + pi;
      dr = tr;
      di = ti;
      tr = pr * xr - pi * xi + c[i];
      ti = pr * xi + pi * xr;
      pr = tr;
      pi = ti;
    }
    pv[0] = pr;
    pv[1] = pi;
    dv[0] = dr;
    dv[1] = di;
  }
}
