package io.gridcast.forecast.hierarchy;

/**
 * In-place Cholesky factorisation {@code A = L L'} of a symmetric positive definite matrix (lower
 * triangle read and overwritten) and solves with it. A pivot that is not positive, or below {@code
 * 1e-12} of its original diagonal (a matrix singular to working precision), fails the
 * factorisation.
 */
final class Cholesky {
  private Cholesky() {}

  static final double RELATIVE_PIVOT = 1e-12;

  /**
   * Factors {@code a}, returning -1 on success or the index of the failing pivot; row-major, only
   * the lower triangle is used.
   */
  static int factor(double[][] a) {
    int n = a.length;
    for (int j = 0; j < n; j++) {
      double[] aj = a[j];
      double original = aj[j];
      double d = original;
      for (int k = 0; k < j; k++) {
        d -= aj[k] * aj[k];
      }
      if (!(d > RELATIVE_PIVOT * Math.abs(original)) || !Double.isFinite(d)) {
        return j;
      }
      double l = Math.sqrt(d);
      aj[j] = l;
      for (int i = j + 1; i < n; i++) {
        double[] ai = a[i];
        double s = ai[j];
        for (int k = 0; k < j; k++) {
          s -= ai[k] * aj[k];
        }
        ai[j] = s / l;
      }
    }
    return -1;
  }

  /** Solves {@code L L' x = b} in place in {@code b}, {@code l} from {@link #factor}. */
  static void solve(double[][] l, double[] b) {
    int n = l.length;
    for (int i = 0; i < n; i++) {
      double[] li = l[i];
      double s = b[i];
      for (int k = 0; k < i; k++) {
        s -= li[k] * b[k];
      }
      b[i] = s / li[i];
    }
    for (int i = n - 1; i >= 0; i--) {
      double s = b[i];
      for (int k = i + 1; k < n; k++) {
        s -= l[k][i] * b[k];
      }
      b[i] = s / l[i][i];
    }
  }
}
