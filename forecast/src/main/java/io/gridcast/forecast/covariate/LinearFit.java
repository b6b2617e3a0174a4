package io.gridcast.forecast.covariate;

import java.util.Arrays;

/**
 * Ordinary least squares {@code y = X b + e} by Householder QR ({@code X = QR}, {@code b = R^-1
 * Q'y}), with what prediction intervals need: {@code s^2 = RSS / (n - k)} and the leverage of a new
 * row {@code x0' (X'X)^-1 x0 = |R^-T x0|^2}. A column that is constant zero or a linear combination
 * of the columns before it over the fitted rows (a holiday that falls outside a backtest fold's
 * history) is dropped: its coefficient is 0 and it does not count in {@code k}. Immutable.
 *
 * @param coefficients {@code b}, 0 for dropped columns
 * @param dropped which columns were dropped
 * @param residuals {@code y - X b}
 * @param sigma2 {@code s^2}, the residual variance with {@code n - k} degrees of freedom
 * @param r the upper triangular factor over the kept columns, in their order
 * @param df {@code n - k}, {@code k} the kept columns
 */
record LinearFit(
    double[] coefficients,
    boolean[] dropped,
    double[] residuals,
    double sigma2,
    double[][] r,
    int df) {

  /** Relative size of a pivot below which a column counts as collinear. */
  private static final double TOLERANCE = 1e-9;

  /**
   * Fits {@code y[0..n)} on the rows {@code x[0..n)} ({@code x[t][j]}).
   *
   * @throws IllegalArgumentException when fewer than {@code k + 1} rows remain for the kept columns
   */
  static LinearFit of(double[][] x, double[] y, int n) {
    int k = x[0].length;
    double[][] a = new double[k][n]; // column-major copy
    for (int t = 0; t < n; t++) {
      for (int j = 0; j < k; j++) {
        a[j][t] = x[t][j];
      }
    }
    double[] b = new double[n];
    System.arraycopy(y, 0, b, 0, n);
    double scale = 0;
    for (int j = 0; j < k; j++) {
      scale = Math.max(scale, norm(a[j], 0, n));
    }
    boolean[] dropped = new boolean[k];
    int[] kept = new int[k];
    double[] alpha = new double[k];
    int row = 0;
    for (int j = 0; j < k && row < n; j++) {
      double norm = norm(a[j], row, n);
      if (norm <= TOLERANCE * Math.max(scale, 1e-300)) {
        dropped[j] = true;
        continue;
      }
      double al = a[j][row] > 0 ? -norm : norm;
      a[j][row] -= al; // Householder vector v = a_j - alpha e_row; reflection I - 2 v v' / v'v
      double vv = 0;
      for (int t = row; t < n; t++) {
        vv += a[j][t] * a[j][t];
      }
      for (int c = j + 1; c < k; c++) {
        reflect(a[j], a[c], row, n, vv);
      }
      reflect(a[j], b, row, n, vv);
      alpha[row] = al;
      kept[row++] = j;
    }
    for (int j = 0; j < k; j++) {
      if (!dropped[j] && !contains(kept, row, j)) {
        dropped[j] = true; // ran out of rows before reaching this column
      }
    }
    int ke = row;
    if (n <= ke) {
      throw new IllegalArgumentException(n + " values for " + ke + " regression coefficients");
    }
    double[][] r = new double[ke][ke];
    for (int p = 0; p < ke; p++) {
      r[p][p] = alpha[p];
      for (int q = p + 1; q < ke; q++) {
        r[p][q] = a[kept[q]][p];
      }
    }
    double[] z = new double[ke];
    for (int p = ke - 1; p >= 0; p--) {
      double s = b[p];
      for (int q = p + 1; q < ke; q++) {
        s -= r[p][q] * z[q];
      }
      z[p] = s / r[p][p];
    }
    double[] coef = new double[k];
    for (int p = 0; p < ke; p++) {
      coef[kept[p]] = z[p];
    }
    double[] res = new double[n];
    double rss = 0;
    for (int t = 0; t < n; t++) {
      double f = 0;
      for (int j = 0; j < k; j++) {
        f += x[t][j] * coef[j];
      }
      res[t] = y[t] - f;
      rss += res[t] * res[t];
    }
    return new LinearFit(coef, dropped, res, rss / (n - ke), r, n - ke);
  }

  /**
   * Which columns of {@code x[0..n)} the fit would drop (constant zero or a linear combination of
   * the columns before them), without the rows limit.
   */
  static boolean[] dependentColumns(double[][] x, int n) {
    int k = x[0].length;
    if (n <= k) {
      // rows of zeros change no rank; they only let the decomposition finish
      double[][] padded = Arrays.copyOf(x, k + 1);
      for (int t = n; t <= k; t++) {
        padded[t] = new double[k];
      }
      return of(padded, new double[k + 1], k + 1).dropped();
    }
    return of(x, new double[n], n).dropped();
  }

  /** {@code x0 . b}. */
  double predict(double[] x0) {
    double s = 0;
    for (int j = 0; j < coefficients.length; j++) {
      s += x0[j] * coefficients[j];
    }
    return s;
  }

  /** {@code x0' (X'X)^-1 x0}, by forward substitution {@code R' z = x0}. */
  double leverage(double[] x0) {
    int ke = r.length;
    double[] z = new double[ke];
    double s = 0;
    int p = 0;
    for (int j = 0; j < coefficients.length; j++) {
      if (dropped[j]) {
        continue;
      }
      double v = x0[j];
      for (int i = 0; i < p; i++) {
        v -= r[i][p] * z[i];
      }
      z[p] = v / r[p][p];
      s += z[p] * z[p];
      p++;
    }
    return s;
  }

  private static void reflect(double[] v, double[] c, int from, int n, double vv) {
    if (vv == 0) {
      return;
    }
    double d = 0;
    for (int t = from; t < n; t++) {
      d += v[t] * c[t];
    }
    double f = 2 * d / vv;
    for (int t = from; t < n; t++) {
      c[t] -= f * v[t];
    }
  }

  private static boolean contains(int[] a, int len, int v) {
    for (int i = 0; i < len; i++) {
      if (a[i] == v) {
        return true;
      }
    }
    return false;
  }

  private static double norm(double[] v, int from, int n) {
    double s = 0;
    for (int t = from; t < n; t++) {
      s += v[t] * v[t];
    }
    return Math.sqrt(s);
  }
}
