package io.gridcast.forecast.arima;

/**
 * The exact likelihood of a stationary ARMA process started in its stationary distribution, by the
 * Chandrasekhar recursions of the Kalman filter (Morf, Sidhu and Kailath 1974; Mélard 1984) in
 * {@code O(r)} per observation instead of {@code O(r^2)}.
 *
 * <p>With {@code P_t} the one-step prediction covariance, {@code F_t = P_t[0][0]}, the unnormalised
 * gain {@code k_t = T P_t e_1} and {@code P_(t+1) - P_t = mu_t w_t w_t'} (rank one from the
 * stationary start: {@code w_1 = k_1}, {@code mu_1 = -1 / F_1}):
 *
 * <pre>
 *   v_t = y_t - a_t[0],          a_(t+1) = T a_t + k_t v_t / F_t
 *   F_(t+1) = F_t + mu_t w_t[0]^2,   k_(t+1) = k_t + mu_t w_t[0] T w_t
 *   w_(t+1) = T w_t - (k_(t+1) / F_(t+1)) w_t[0],   mu_(t+1) = mu_t + mu_t^2 w_t[0]^2 / F_t
 * </pre>
 *
 * The innovations and their variances are those of {@link ArimaKalmanFilter} on the differenced
 * series with the exact diffuse treatment of the differences (R's {@code kappa = 1e6} prior
 * approximates it), so the automatic search ranks models by this likelihood. Not thread-safe: one
 * instance per fit, reused across evaluations without allocating.
 */
final class ChandrasekharFilter {
  private final StationaryCovariance covariance;
  private final double[] q0;
  private final double[] a;
  private final double[] k;
  private final double[] w;
  private final double[] tw;

  /** Sum of {@code v^2 / F} of the last run. */
  double ssq;

  /** Sum of {@code log F} of the last run. */
  double sumLog;

  /** Number of innovations counted of the last run. */
  int used;

  ChandrasekharFilter(int maxR) {
    this.covariance = new StationaryCovariance(maxR);
    this.q0 = new double[maxR];
    this.a = new double[maxR];
    this.k = new double[maxR];
    this.w = new double[maxR];
    this.tw = new double[maxR];
  }

  /**
   * Filters {@code y[0..n)}; figures land in {@link #ssq}, {@link #sumLog}, {@link #used}.
   *
   * @return false when the stationary covariance could not be computed
   */
  boolean run(double[] phi, int np, double[] theta, int nq, double[] y, int n) {
    int r = Math.max(np, nq + 1);
    if (!covariance.firstRow(phi, np, theta, nq, r, q0)) {
      return false;
    }
    ssq = 0;
    sumLog = 0;
    used = 0;
    double f = q0[0];
    // k = T P0 e_1
    for (int i = 0; i < r; i++) {
      double v = i < r - 1 ? q0[i + 1] : 0.0;
      if (i < np) {
        v += phi[i] * q0[0];
      }
      k[i] = v;
      w[i] = v;
      a[i] = 0;
    }
    double mu = -1.0 / f;
    for (int t = 0; t < n; t++) {
      double v = y[t] - a[0];
      if (f < ArimaKalmanFilter.DIFFUSE_GAIN) {
        used++;
        ssq += v * v / f;
        sumLog += Math.log(f);
      }
      double scale = v / f;
      double a0 = a[0];
      for (int i = 0; i < r; i++) {
        double next = i < r - 1 ? a[i + 1] : 0.0;
        if (i < np) {
          next += phi[i] * a0;
        }
        a[i] = next + k[i] * scale;
      }
      double zw = w[0];
      double c = mu * zw;
      for (int i = 0; i < r; i++) {
        double next = i < r - 1 ? w[i + 1] : 0.0;
        if (i < np) {
          next += phi[i] * zw;
        }
        tw[i] = next;
      }
      double fNext = f + c * zw;
      double g = zw / fNext;
      for (int i = 0; i < r; i++) {
        k[i] += c * tw[i];
        w[i] = tw[i] - k[i] * g;
      }
      mu += c * c / f;
      f = fNext;
    }
    return true;
  }
}
