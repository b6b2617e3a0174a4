package io.gridcast.forecast.arima;

/**
 * Solves {@code A X = B} for a square {@code A} by LU decomposition with partial pivoting, refusing
 * as R's {@code solve()} does: an exactly singular pivot, or a reciprocal condition number {@code 1
 * / (||A||_1 ||A^-1||_1)} below machine epsilon.
 */
final class LuSolver {
  private static final double EPSILON = Math.ulp(1.0);

  private LuSolver() {}

  /** Thrown when {@code A} is singular to working precision; the message says how. */
  static final class SingularMatrixException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SingularMatrixException(String message) {
      super(message);
    }
  }

  /** {@code A^-1 B}, {@code A} and {@code B} untouched. */
  static double[][] solve(double[][] a, double[][] b) {
    int n = a.length;
    double[][] lu = new double[n][];
    for (int i = 0; i < n; i++) {
      lu[i] = a[i].clone();
    }
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    for (int c = 0; c < n; c++) {
      int piv = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(lu[r][c]) > Math.abs(lu[piv][c])) {
          piv = r;
        }
      }
      if (lu[piv][c] == 0 || Double.isNaN(lu[piv][c])) {
        throw new SingularMatrixException("system is exactly singular: U[" + (c + 1) + "] = 0");
      }
      double[] t = lu[c];
      lu[c] = lu[piv];
      lu[piv] = t;
      int ti = perm[c];
      perm[c] = perm[piv];
      perm[piv] = ti;
      for (int r = c + 1; r < n; r++) {
        double f = lu[r][c] / lu[c][c];
        lu[r][c] = f;
        for (int k = c + 1; k < n; k++) {
          lu[r][k] -= f * lu[c][k];
        }
      }
    }
    double[][] identity = new double[n][n];
    for (int i = 0; i < n; i++) {
      identity[i][i] = 1;
    }
    double[][] inv = substitute(lu, perm, identity);
    double rcond = 1 / (norm1(a) * norm1(inv));
    if (!(rcond >= EPSILON)) {
      throw new SingularMatrixException(
          "system is computationally singular: reciprocal condition number = " + rcond);
    }
    return substitute(lu, perm, b);
  }

  private static double[][] substitute(double[][] lu, int[] perm, double[][] b) {
    int n = lu.length;
    int m = b[0].length;
    double[][] x = new double[n][m];
    for (int col = 0; col < m; col++) {
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        double v = b[perm[i]][col];
        for (int k = 0; k < i; k++) {
          v -= lu[i][k] * y[k];
        }
        y[i] = v;
      }
      for (int i = n - 1; i >= 0; i--) {
        double v = y[i];
        for (int k = i + 1; k < n; k++) {
          v -= lu[i][k] * x[k][col];
        }
        x[i][col] = v / lu[i][i];
      }
    }
    return x;
  }

  private static double norm1(double[][] a) {
    double max = 0;
    for (int j = 0; j < a[0].length; j++) {
      double s = 0;
      for (double[] row : a) {
        s += Math.abs(row[j]);
      }
      max = Math.max(max, s);
    }
    return max;
  }
}
