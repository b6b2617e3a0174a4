package io.gridcast.forecast.arima;

import io.gridcast.forecast.model.ModelFitException;
import java.util.Arrays;

/**
 * What the automatic search does with regressors before it searches, as R's {@code auto.arima(y,
 * xreg)}: drops constant columns, refuses a rank-deficient {@code [1, X]}, and takes the residuals
 * of {@code y} on them to choose the differences. Stateless.
 */
final class Regressors {
  private static final String NAME = AutoArimaSpec.NAME;

  private Regressors() {}

  static double[][] rows(double[][] xreg, int n) {
    if (xreg.length < n) {
      throw new ModelFitException(NAME, "xreg has " + xreg.length + " rows for " + n + " values");
    }
    return Arrays.copyOf(xreg, n);
  }

  /** The columns that are not constant, by row; null when every column is constant. */
  static double[][] varyingColumns(double[][] x) {
    int k = x[0].length;
    int[] keep = new int[k];
    int kept = 0;
    for (int j = 0; j < k; j++) {
      if (!Constancy.isConstant(column(x, j))) {
        keep[kept++] = j;
      }
    }
    if (kept == 0) {
      return null;
    }
    double[][] out = new double[x.length][kept];
    for (int t = 0; t < x.length; t++) {
      for (int j = 0; j < kept; j++) {
        out[t][j] = x[t][keep[j]];
      }
    }
    return out;
  }

  /** The residuals of the least-squares fit of {@code y} on an intercept and {@code x}. */
  static double[] residuals(double[] y, double[][] x) {
    int k = x[0].length;
    double[][] design = new double[x.length][k + 1];
    for (int t = 0; t < x.length; t++) {
      design[t][0] = 1;
      System.arraycopy(x[t], 0, design[t], 1, k);
    }
    LeastSquares ls = LeastSquares.fit(design, y);
    if (ls.rank() < k + 1) {
      throw new ModelFitException(NAME, "xreg is rank deficient");
    }
    return ls.residuals();
  }

  static double[][] differenceColumns(double[][] x, int lag) {
    int len = Math.max(0, x.length - lag);
    double[][] out = new double[len][];
    for (int t = 0; t < len; t++) {
      out[t] = new double[x[t].length];
      for (int j = 0; j < x[t].length; j++) {
        out[t][j] = x[t + lag][j] - x[t][j];
      }
    }
    return out;
  }

  static boolean anyConstant(double[][] x) {
    if (x.length == 0) {
      return true;
    }
    for (int j = 0; j < x[0].length; j++) {
      if (Constancy.isConstant(column(x, j))) {
        return true;
      }
    }
    return false;
  }

  static double[] column(double[][] x, int j) {
    double[] c = new double[x.length];
    for (int t = 0; t < x.length; t++) {
      c[t] = x[t][j];
    }
    return c;
  }
}
