package io.gridcast.forecast.hierarchy;

/**
 * The variance of every reconciled node at one step, {@code diag(S P W_h P' S')}, with the base
 * error covariance {@code W_h = D_h^(1/2) R D_h^(1/2)}: {@code D_h} the base forecasts' own
 * variances at step h and {@code R} the correlation of the shrunk residual covariance, {@code
 * lambda I + (1 - lambda) Z Z'} ({@link ShrinkageCovariance#standardizedView()}), or {@code I} when
 * there is none. Then, with {@code A = S P} and {@code sigma} the base standard errors,
 *
 * <pre>
 *   var_i = lambda sum_j A_ij² sigma_j² + (1 - lambda) || S_i P diag(sigma) Z ||²
 * </pre>
 *
 * which costs {@code O(m n T)} per step instead of the {@code O(n³)} of the dense product.
 */
final class ReconciledVariance {
  private ReconciledVariance() {}

  /** {@code A = S P}, {@code n x n}. */
  static double[][] sp(SummingMatrix s, double[][] p) {
    int n = s.rows();
    double[][] a = new double[n][];
    for (int i = 0; i < n; i++) {
      int[] row = s.rowView(i);
      double[] ai = p[row[0]].clone();
      for (int k = 1; k < row.length; k++) {
        double[] pb = p[row[k]];
        for (int j = 0; j < ai.length; j++) {
          ai[j] += pb[j];
        }
      }
      a[i] = ai;
    }
    return a;
  }

  /**
   * The variances of the {@code n} reconciled nodes.
   *
   * @param sp {@code S P} from {@link #sp}
   * @param cov the residual covariance, or null for {@code R = I}
   */
  static double[] of(
      SummingMatrix s, double[][] p, double[][] sp, double[] sigma, ShrinkageCovariance cov) {
    int n = sp.length;
    double lambda = cov == null ? 1 : cov.lambda();
    double[] var = new double[n];
    double[] sigma2 = new double[sigma.length];
    for (int j = 0; j < sigma.length; j++) {
      sigma2[j] = sigma[j] * sigma[j];
    }
    for (int i = 0; i < n; i++) {
      double[] ai = sp[i];
      double v = 0;
      for (int j = 0; j < ai.length; j++) {
        v += ai[j] * ai[j] * sigma2[j];
      }
      var[i] = lambda * v;
    }
    if (cov == null || lambda == 1) {
      return var;
    }
    double[][] z = cov.standardizedView();
    int rows = cov.rows();
    int m = p.length;
    double[][] q = new double[m][rows];
    for (int b = 0; b < m; b++) {
      double[] pb = p[b];
      double[] qb = q[b];
      for (int j = 0; j < pb.length; j++) {
        double c = pb[j] * sigma[j];
        if (c != 0) {
          double[] zj = z[j];
          for (int t = 0; t < rows; t++) {
            qb[t] += c * zj[t];
          }
        }
      }
    }
    double[] acc = new double[rows];
    for (int i = 0; i < n; i++) {
      int[] row = s.rowView(i);
      System.arraycopy(q[row[0]], 0, acc, 0, rows);
      for (int k = 1; k < row.length; k++) {
        double[] qb = q[row[k]];
        for (int t = 0; t < rows; t++) {
          acc[t] += qb[t];
        }
      }
      double v = 0;
      for (int t = 0; t < rows; t++) {
        v += acc[t] * acc[t];
      }
      var[i] += (1 - lambda) * v;
    }
    return var;
  }
}
