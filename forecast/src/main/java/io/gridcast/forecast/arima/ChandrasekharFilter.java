package io.gridcast.forecast.arima;

import java.util.Arrays;

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
 * Once the rank-one increment has changed neither {@code F} nor {@code k} in double precision for
 * more than {@code r} steps (every element of {@code w} has passed through {@code w[0]} without
 * effect: the filter reached its steady state), only the state recursion runs. The innovations and
 * their variances are those of {@link ArimaKalmanFilter} on the differenced series with the exact
 * diffuse treatment of the differences (R's {@code kappa = 1e6} prior approximates it), so the
 * automatic search ranks models by this likelihood. Not thread-safe: one instance per fit, reused
 * across evaluations without allocating.
 */
final class ChandrasekharFilter {
  private final StationaryCovariance covariance;
  private final double[] row;
  private final double[] phi;
  private final double[] a;
  private final double[] k;
  private final double[] w;

  /** Sum of {@code v^2 / F} of the last run. */
  double ssq;

  /** Sum of {@code log F} of the last run. */
  double sumLog;

  /** Number of innovations counted of the last run. */
  int used;

  ChandrasekharFilter(int maxR) {
    this.covariance = new StationaryCovariance(maxR);
    this.row = new double[maxR + 1];
    this.phi = new double[maxR];
    // one trailing zero each, so that the shift a[i + 1] needs no bounds test
    this.a = new double[maxR + 1];
    this.k = new double[maxR];
    this.w = new double[maxR + 1];
  }

  /**
   * Filters {@code y[0..n)}; figures land in {@link #ssq}, {@link #sumLog}, {@link #used}.
   *
   * @return false when the stationary covariance could not be computed
   */
  boolean run(double[] arCoef, int np, double[] theta, int nq, double[] y, int n) {
    int r = Math.max(np, nq + 1);
    if (!covariance.firstRow(arCoef, np, theta, nq, r, row)) {
      return false;
    }
    System.arraycopy(arCoef, 0, phi, 0, np);
    Arrays.fill(phi, np, r, 0.0);
    row[r] = 0;
    ssq = 0;
    sumLog = 0;
    used = 0;
    double f = row[0];
    for (int i = 0; i < r; i++) {
      double v = row[i + 1] + phi[i] * row[0];
      k[i] = v;
      w[i] = v;
      a[i] = 0;
    }
    a[r] = 0;
    w[r] = 0;
    double mu = -1.0 / f;
    int still = 0;
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
        a[i] = a[i + 1] + phi[i] * a0 + k[i] * scale;
      }
      if (still > r) {
        continue;
      }
      double zw = w[0];
      double c = mu * zw;
      double fNext = f + c * zw;
      double g = zw / fNext;
      boolean moved = fNext != f;
      for (int i = 0; i < r; i++) {
        double tw = w[i + 1] + phi[i] * zw;
        double kNext = k[i] + c * tw;
        moved |= kNext != k[i];
        k[i] = kNext;
        w[i] = tw - kNext * g;
      }
      mu += c * c / f;
      f = fNext;
      still = moved ? 0 : still + 1;
    }
    return true;
  }
}
