package io.gridcast.forecast.arima;

/**
 * The conditional sum of squares of an ARIMA model (R's {@code ARIMA_CSS}): the series is
 * differenced, {@code w = (1 - B)^d (1 - B^m)^D y}, and for {@code t >= ncond = d + mD + p + mP}
 *
 * <pre>
 *   e(t) = w(t) - sum_j phi_j w(t-j) - sum_(j &lt;= t - ncond) theta_j e(t-j)
 * </pre>
 *
 * (innovations before {@code ncond} taken as zero); the objective is {@code 0.5 log(sum e^2 / n*)},
 * {@code n*} the number of finite {@code e(t)}. Zero coefficients are skipped, so seasonal models
 * cost {@code O(n x nonzero coefficients)}. Not thread-safe: one instance per fit, reused across
 * evaluations without allocating.
 */
final class ConditionalSumOfSquares {
  private final double[] w;
  private final double[] e;
  private final int[] phiIndex;
  private final int[] thetaIndex;
  private final int n;
  private final int ncond;

  /**
   * @param n observations used
   * @param layout orders and period
   */
  ConditionalSumOfSquares(int n, ArmaLayout layout) {
    this.n = n;
    this.w = new double[n];
    this.e = new double[n];
    this.phiIndex = new int[layout.phiLength()];
    this.thetaIndex = new int[layout.thetaLength()];
    this.ncond = layout.differencingLength() + layout.phiLength();
  }

  /**
   * The mean squared conditional residual {@code sum e^2 / n*} of {@code y[0..n)}.
   *
   * @param residuals receives {@code e(t)} (zeros before {@code ncond}) when not null
   */
  double meanSquare(
      double[] y, ArmaLayout layout, double[] phi, int np, double[] theta, int nq, double[] res) {
    System.arraycopy(y, 0, w, 0, n);
    for (int i = 0; i < layout.order().d(); i++) {
      for (int l = n - 1; l > 0; l--) {
        w[l] -= w[l - 1];
      }
    }
    int m = layout.period();
    for (int i = 0; i < layout.order().seasonalD(); i++) {
      for (int l = n - 1; l >= m; l--) {
        w[l] -= w[l - m];
      }
    }
    int kp = 0;
    for (int j = 0; j < np; j++) {
      if (phi[j] != 0) {
        phiIndex[kp++] = j;
      }
    }
    int kq = 0;
    for (int j = 0; j < nq; j++) {
      if (theta[j] != 0) {
        thetaIndex[kq++] = j;
      }
    }
    double ssq = 0;
    int nu = 0;
    for (int l = 0; l < Math.min(ncond, n); l++) {
      e[l] = 0;
    }
    for (int l = ncond; l < n; l++) {
      double tmp = w[l];
      for (int k = 0; k < kp; k++) {
        int j = phiIndex[k];
        tmp -= phi[j] * w[l - j - 1];
      }
      int lim = Math.min(l - ncond, nq);
      for (int k = 0; k < kq; k++) {
        int j = thetaIndex[k];
        if (j >= lim) {
          break;
        }
        tmp -= theta[j] * e[l - j - 1];
      }
      e[l] = tmp;
      if (!Double.isNaN(tmp)) {
        nu++;
        ssq += tmp * tmp;
      }
    }
    if (res != null) {
      System.arraycopy(e, 0, res, 0, n);
    }
    return ssq / nu;
  }
}
