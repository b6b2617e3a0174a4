package io.gridcast.forecast.arima;

/**
 * The Kalman filter's state after the last observation and the system it moves by, from which
 * forecasts follow (R's {@code KalmanForecast}): for {@code h = 1, 2, ...}
 *
 * <pre>
 *   a = T a,   P = T P T' + R R',   mean(h) = Z a,   var(h) = Z P Z'   (in units of sigma2)
 * </pre>
 *
 * with {@code T} the ARMA companion block plus the differencing rows, {@code R = (1, theta, 0)} and
 * {@code Z = (1, 0, ..., 0, delta)}. Immutable.
 *
 * @param phi expanded AR coefficients
 * @param theta expanded MA coefficients
 * @param delta differencing coefficients
 * @param r ARMA state dimension
 * @param a state mean ({@code r + dd})
 * @param p state covariance ({@code (r + dd)^2}, row-major)
 */
record ArimaState(double[] phi, double[] theta, double[] delta, int r, double[] a, double[] p) {

  /** Forecast means (row 0) and variances in units of {@code sigma2} (row 1), steps 1..h. */
  double[][] forecast(int h, boolean variances) {
    int dd = delta.length;
    int rd = r + dd;
    double[][] t = transition();
    double[] z = new double[rd];
    z[0] = 1;
    for (int i = 0; i < dd; i++) {
      z[r + i] = delta[i];
    }
    double[] v = new double[rd];
    v[0] = 1;
    for (int i = 0; i < theta.length && i + 1 < r; i++) {
      v[i + 1] = theta[i];
    }
    double[] state = a.clone();
    double[] next = new double[rd];
    double[][] cov = new double[rd][rd];
    for (int i = 0; i < rd; i++) {
      System.arraycopy(p, i * rd, cov[i], 0, rd);
    }
    double[][] mm = new double[rd][rd];
    double[] mean = new double[h];
    double[] var = new double[h];
    for (int l = 0; l < h; l++) {
      double fc = 0;
      for (int i = 0; i < rd; i++) {
        double tmp = 0;
        for (int k = 0; k < rd; k++) {
          tmp += t[i][k] * state[k];
        }
        next[i] = tmp;
        fc += tmp * z[i];
      }
      System.arraycopy(next, 0, state, 0, rd);
      mean[l] = fc;
      if (!variances) {
        continue;
      }
      for (int i = 0; i < rd; i++) {
        for (int j = 0; j < rd; j++) {
          double tmp = 0;
          for (int k = 0; k < rd; k++) {
            tmp += t[i][k] * cov[k][j];
          }
          mm[i][j] = tmp;
        }
      }
      double s = 0;
      for (int i = 0; i < rd; i++) {
        for (int j = 0; j < rd; j++) {
          double tmp = v[i] * v[j];
          for (int k = 0; k < rd; k++) {
            tmp += mm[i][k] * t[j][k];
          }
          cov[i][j] = tmp;
        }
      }
      for (int i = 0; i < rd; i++) {
        for (int j = 0; j < rd; j++) {
          s += z[i] * z[j] * cov[i][j];
        }
      }
      var[l] = s;
    }
    return new double[][] {mean, var};
  }

  private double[][] transition() {
    int dd = delta.length;
    int rd = r + dd;
    double[][] t = new double[rd][rd];
    for (int i = 0; i < phi.length; i++) {
      t[i][0] = phi[i];
    }
    for (int i = 1; i < r; i++) {
      t[i - 1][i] = 1;
    }
    if (dd > 0) {
      t[r][0] = 1;
      for (int i = 0; i < dd; i++) {
        t[r][r + i] = delta[i];
      }
      for (int i = 1; i < dd; i++) {
        t[r + i][r + i - 1] = 1;
      }
    }
    return t;
  }
}
