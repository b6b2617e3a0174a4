package io.gridcast.forecast.arima;

/**
 * The covariance {@code P0} of the ARMA state vector under stationarity, the initial state
 * covariance of the Kalman filter (R's {@code getQ0}: the same matrix as Gardner, Harvey and
 * Phillips' 1980 algorithm, here from autocovariances in {@code O(p^2 + r q + r^2)} instead of
 * solving the {@code r(r+1)/2}-dimensional Lyapunov system).
 *
 * <p>In Harvey's form the state {@code a(t)} of an ARMA process {@code y} with coefficients {@code
 * phi_1..phi_r}, {@code R = (1, theta_1, ..., theta_(r-1))} (zeros past the orders) moves as {@code
 * a(t+1) = T a(t) + R e(t+1)}, {@code T} the companion matrix with {@code phi} in its first column.
 * {@code P0 = T P0 T' + R R'} gives, entry by entry (indices from 0, terms past {@code r} zero),
 *
 * <pre>
 *   P0[i][j] = phi_i phi_j P0[0][0] + phi_i P0[0][j+1] + phi_j P0[0][i+1] + P0[i+1][j+1] + R_i R_j
 * </pre>
 *
 * so {@code P0} follows from its first row by a backward sweep. The first row is {@code P0[0][i] =
 * sum_(k>=i) (phi_k gamma(k-i+1) + R_k psi(k-i))} with {@code gamma} the autocovariances ({@code
 * sigma2 = 1}) and {@code psi} the MA(infinity) weights. The autocovariances come from the AR part
 * {@code u} ({@code phi(B) u = e}): its reflection coefficients {@code k_j} by the Schur-Cohn
 * step-down, {@code gamma_u(0) = 1 / prod(1 - k_j^2)}, the Yule-Walker recursion of each
 * intermediate order for lags up to {@code p}, the full one beyond; then {@code gamma(h) =
 * sum_(j,l) theta_j theta_l gamma_u(h - j + l)}. Not thread-safe: one instance per fitting thread,
 * reused across evaluations without allocating.
 */
final class StationaryCovariance {
  private final int maxR;
  private final double[] psi;
  private final double[] gamma;
  private final double[] gammaU;
  private final double[] levels;
  private final double[] work;
  private final double[] first;
  private final double[] rr;
  private final int[] thetaIndex;

  /** Workspace for state dimensions up to {@code maxR}. */
  StationaryCovariance(int maxR) {
    this.maxR = maxR;
    this.psi = new double[maxR + 1];
    this.gamma = new double[maxR + 2];
    this.gammaU = new double[2 * maxR + 3];
    this.levels = new double[(maxR + 1) * (maxR + 1)];
    this.work = new double[maxR + 1];
    this.first = new double[maxR + 1];
    this.rr = new double[maxR + 1];
    this.thetaIndex = new int[maxR + 1];
  }

  /**
   * Writes {@code P0} (row-major, {@code r x r}) into {@code out}.
   *
   * @param phi AR coefficients {@code phi[0..p)}
   * @param theta MA coefficients {@code theta[0..q)}
   * @param r the state dimension, {@code max(p, q + 1)}
   * @return false when the AR polynomial is not stationary
   */
  boolean compute(double[] phi, int p, double[] theta, int q, int r, double[] out) {
    if (!firstRow(phi, p, theta, q, r, first)) {
      return false;
    }
    double p00 = first[0];
    for (int i = r - 1; i >= 0; i--) {
      double phiI = i < p ? phi[i] : 0.0;
      double nextI = i + 1 < r ? first[i + 1] : 0.0;
      for (int j = r - 1; j >= i; j--) {
        double v;
        if (i == 0) {
          v = first[j];
        } else {
          double phiJ = j < p ? phi[j] : 0.0;
          double nextJ = j + 1 < r ? first[j + 1] : 0.0;
          double diag = (j + 1 < r) ? out[(i + 1) * r + j + 1] : 0.0;
          v = phiI * phiJ * p00 + phiI * nextJ + phiJ * nextI + diag + rr[i] * rr[j];
        }
        out[i * r + j] = v;
        out[j * r + i] = v;
      }
    }
    return true;
  }

  /**
   * Writes the first row of {@code P0} ({@code r} values) into {@code row}.
   *
   * @return false when the AR polynomial is not stationary
   */
  boolean firstRow(double[] phi, int p, double[] theta, int q, int r, double[] row) {
    if (r > maxR) {
      throw new IllegalArgumentException("state dimension " + r + " > workspace " + maxR);
    }
    for (int i = 0; i < r; i++) {
      rr[i] = i == 0 ? 1.0 : (i - 1 < q ? theta[i - 1] : 0.0);
    }
    if (r == 1) {
      row[0] = p > 0 ? 1.0 / (1.0 - phi[0] * phi[0]) : 1.0;
      return true;
    }
    for (int j = 0; j <= r; j++) {
      double v = j == 0 ? 1.0 : (j <= q ? theta[j - 1] : 0.0);
      for (int k = 1; k <= Math.min(j, p); k++) {
        v += phi[k - 1] * psi[j - k];
      }
      psi[j] = v;
    }
    int nt = 0;
    thetaIndex[nt++] = 0;
    for (int j = 1; j <= q; j++) {
      if (theta[j - 1] != 0) {
        thetaIndex[nt++] = j;
      }
    }
    // gamma_u at lags 0..r + q
    if (!arAutocovariances(phi, p, r + q + 1)) {
      return false;
    }
    for (int h = 0; h <= r; h++) {
      double v = 0;
      for (int a = 0; a < nt; a++) {
        int j = thetaIndex[a];
        double tj = j == 0 ? 1.0 : theta[j - 1];
        for (int b = 0; b < nt; b++) {
          int l = thetaIndex[b];
          double tl = l == 0 ? 1.0 : theta[l - 1];
          v += tj * tl * gammaU[Math.abs(h - j + l)];
        }
      }
      gamma[h] = v;
    }
    for (int i = 0; i < r; i++) {
      double v = 0;
      for (int k = i; k < r; k++) {
        double ph = k < p ? phi[k] : 0.0;
        v += ph * gamma[k - i + 1] + rr[k] * psi[k - i];
      }
      row[i] = v;
    }
    row[0] = gamma[0];
    return true;
  }

  /** Autocovariances {@code gamma_u(0..lags)} of {@code phi(B) u = e}, {@code var(e) = 1}. */
  private boolean arAutocovariances(double[] phi, int p, int lags) {
    int s = p + 1;
    // levels[j * s + i]: coefficient i (1-based) of the order-j model, j = p..1 (step-down)
    for (int i = 1; i <= p; i++) {
      levels[p * s + i] = phi[i - 1];
    }
    double g0 = 1;
    for (int j = p; j >= 1; j--) {
      double k = levels[j * s + j];
      double den = 1 - k * k;
      if (!(den > 0)) {
        return false;
      }
      g0 /= den;
      for (int i = 1; i < j; i++) {
        work[i] = (levels[j * s + i] + k * levels[j * s + j - i]) / den;
      }
      for (int i = 1; i < j; i++) {
        levels[(j - 1) * s + i] = work[i];
      }
    }
    gammaU[0] = g0;
    for (int h = 1; h <= lags; h++) {
      int order = Math.min(h, p);
      double v = 0;
      for (int i = 1; i <= order; i++) {
        v += levels[order * s + i] * gammaU[h - i];
      }
      gammaU[h] = v;
    }
    return Double.isFinite(g0);
  }
}
