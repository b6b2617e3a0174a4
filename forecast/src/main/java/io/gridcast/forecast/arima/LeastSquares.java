package io.gridcast.forecast.arima;

/**
 * Ordinary least squares {@code y = X b + e} by Householder QR (as R's {@code lm}): coefficients
 * {@code b = R^-1 Q'y}, residuals, and standard errors {@code se_j = sqrt(s^2 [(X'X)^-1]_jj)} with
 * {@code s^2 = RSS / (n - k)}. The rank is the number of columns whose Householder diagonal exceeds
 * {@code 1e-7} times the column's norm (R's {@code lm} tolerance).
 *
 * @param coefficients {@code b}
 * @param standardErrors {@code se} (NaN when {@code n == k})
 * @param residuals {@code y - X b}
 * @param rank the numerical rank of {@code X}
 */
record LeastSquares(double[] coefficients, double[] standardErrors, double[] residuals, int rank) {
  private static final double TOLERANCE = 1e-7;

  /** Fits {@code y} ({@code n} values) on the columns of {@code x} ({@code n x k}). */
  static LeastSquares fit(double[][] x, double[] y) {
    int n = y.length;
    int k = x.length == 0 ? 0 : x[0].length;
    double[][] a = new double[n][k];
    for (int i = 0; i < n; i++) {
      System.arraycopy(x[i], 0, a[i], 0, k);
    }
    double[] qty = y.clone();
    double[] diag = new double[k];
    int rank = 0;
    for (int c = 0; c < k && c < n; c++) {
      double norm = 0;
      double colNorm = 0;
      for (int i = c; i < n; i++) {
        norm += a[i][c] * a[i][c];
      }
      for (int i = 0; i < n; i++) {
        colNorm += x[i][c] * x[i][c];
      }
      norm = Math.sqrt(norm);
      if (norm <= TOLERANCE * Math.sqrt(colNorm) || norm == 0) {
        diag[c] = 0;
        continue;
      }
      rank++;
      double alpha = a[c][c] > 0 ? -norm : norm;
      double v0 = a[c][c] - alpha;
      // v = (v0, a[c+1..n][c]); H = I - 2 v v' / v'v
      double vv = v0 * v0;
      for (int i = c + 1; i < n; i++) {
        vv += a[i][c] * a[i][c];
      }
      for (int j = c + 1; j < k; j++) {
        double s = v0 * a[c][j];
        for (int i = c + 1; i < n; i++) {
          s += a[i][c] * a[i][j];
        }
        double f = 2 * s / vv;
        a[c][j] -= f * v0;
        for (int i = c + 1; i < n; i++) {
          a[i][j] -= f * a[i][c];
        }
      }
      double s = v0 * qty[c];
      for (int i = c + 1; i < n; i++) {
        s += a[i][c] * qty[i];
      }
      double f = 2 * s / vv;
      qty[c] -= f * v0;
      for (int i = c + 1; i < n; i++) {
        qty[i] -= f * a[i][c];
      }
      diag[c] = alpha;
    }
    double[] b = new double[k];
    double[][] rinv = new double[k][k];
    if (rank == k) {
      for (int i = k - 1; i >= 0; i--) {
        double v = qty[i];
        for (int j = i + 1; j < k; j++) {
          v -= a[i][j] * b[j];
        }
        b[i] = v / diag[i];
      }
      for (int col = 0; col < k; col++) {
        for (int i = k - 1; i >= 0; i--) {
          double v = i == col ? 1 : 0;
          for (int j = i + 1; j < k; j++) {
            v -= a[i][j] * rinv[j][col];
          }
          rinv[i][col] = v / diag[i];
        }
      }
    }
    double[] res = new double[n];
    double rss = 0;
    for (int i = 0; i < n; i++) {
      double fit = 0;
      for (int j = 0; j < k; j++) {
        fit += x[i][j] * b[j];
      }
      res[i] = y[i] - fit;
      rss += res[i] * res[i];
    }
    double s2 = n > k ? rss / (n - k) : Double.NaN;
    double[] se = new double[k];
    for (int j = 0; j < k; j++) {
      double v = 0;
      for (int c = 0; c < k; c++) {
        v += rinv[j][c] * rinv[j][c];
      }
      se[j] = Math.sqrt(s2 * v);
    }
    return new LeastSquares(b, se, res, rank);
  }
}
