package io.gridcast.forecast.arima;

/**
 * A plain Kalman filter on the full ARIMA state with dense matrices, the textbook form of R's
 * {@code makeARIMA} + {@code ARIMA_Like}, as a slow reference for the tests.
 */
final class DenseFilter {
  private DenseFilter() {}

  /** {@code {sum v^2 / F, sum log F, count}} over steps with {@code F < 1e4}. */
  static double[] run(double[] phi, double[] theta, double[] delta, double[] y) {
    int p = phi.length;
    int q = theta.length;
    int r = Math.max(p, q + 1);
    int d = delta.length;
    int rd = r + d;
    double[][] t = new double[rd][rd];
    for (int i = 0; i < p; i++) {
      t[i][0] = phi[i];
    }
    for (int i = 1; i < r; i++) {
      t[i - 1][i] = 1;
    }
    double[] z = new double[rd];
    z[0] = 1;
    for (int i = 0; i < d; i++) {
      z[r + i] = delta[i];
    }
    if (d > 0) {
      t[r] = z.clone();
      for (int i = 1; i < d; i++) {
        t[r + i][r + i - 1] = 1;
      }
    }
    double[] rv = new double[rd];
    rv[0] = 1;
    for (int i = 0; i < q; i++) {
      rv[i + 1] = theta[i];
    }
    double[] first = new double[r * r];
    new StationaryCovariance(r).compute(phi, p, theta, q, r, first);
    double[][] pm = new double[rd][rd];
    for (int i = 0; i < r; i++) {
      for (int j = 0; j < r; j++) {
        pm[i][j] = first[i * r + j];
      }
    }
    for (int i = r; i < rd; i++) {
      pm[i][i] = ArimaKalmanFilter.KAPPA;
    }
    double[] a = new double[rd];
    double ssq = 0;
    double sumLog = 0;
    int used = 0;
    for (int l = 0; l < y.length; l++) {
      if (l > 0) {
        a = mul(t, a);
        pm = add(mul(mul(t, pm), transpose(t)), outer(rv, rv));
      }
      double[] m = mul(pm, z);
      double f = dot(z, m);
      double v = y[l] - dot(z, a);
      if (f < ArimaKalmanFilter.DIFFUSE_GAIN) {
        used++;
        ssq += v * v / f;
        sumLog += Math.log(f);
      }
      for (int i = 0; i < rd; i++) {
        a[i] += m[i] * v / f;
        for (int j = 0; j < rd; j++) {
          pm[i][j] -= m[i] * m[j] / f;
        }
      }
    }
    return new double[] {ssq, sumLog, used};
  }

  private static double[] mul(double[][] a, double[] x) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = dot(a[i], x);
    }
    return out;
  }

  private static double[][] mul(double[][] a, double[][] b) {
    int n = a.length;
    double[][] out = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int k = 0; k < n; k++) {
          s += a[i][k] * b[k][j];
        }
        out[i][j] = s;
      }
    }
    return out;
  }

  private static double[][] transpose(double[][] a) {
    int n = a.length;
    double[][] out = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        out[j][i] = a[i][j];
      }
    }
    return out;
  }

  private static double[][] add(double[][] a, double[][] b) {
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a.length; j++) {
        a[i][j] += b[i][j];
      }
    }
    return a;
  }

  private static double[][] outer(double[] a, double[] b) {
    double[][] out = new double[a.length][b.length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < b.length; j++) {
        out[i][j] = a[i] * b[j];
      }
    }
    return out;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
