package io.gridcast.forecast.arima;

import io.gridcast.forecast.model.ModelFitException;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The regression part {@code X b} of a regression with ARIMA errors as R's {@code arima} sets it
 * up: several free regressors are rotated to the right singular vectors of {@code X} ({@link
 * RegressorRotation}: {@code X V}, whose coefficients {@code c} give {@code b = V c}), and the
 * coefficients start at the least-squares fit of the differenced series on the differenced
 * regressors (of the undifferenced ones when that is empty), with the optimiser's scale at 10
 * standard errors. Immutable.
 *
 * @param design the regressors the likelihood uses ({@code X} or {@code X V}), by row
 * @param rotation {@code V}, or null when not rotated
 * @param start the start values of the (rotated) coefficients
 * @param scale the optimiser's scale of each coefficient
 */
record RegressionPart(double[][] design, double[][] rotation, double[] start, double[] scale) {

  /**
   * Sets up {@code x} ({@code n x k}), rotated when {@code rotate}, for the series {@code y}.
   *
   * @throws ModelFitException when the regressors are collinear
   */
  static RegressionPart of(double[][] x, boolean rotate, double[] y, int n, ArmaLayout layout) {
    double[][] rotation = rotate ? RegressorRotation.of(x) : null;
    double[][] design = rotate ? multiply(x, rotation) : x;
    LeastSquares ls = startValues(design, y, n, layout);
    int k = design[0].length;
    double[] scale = new double[k];
    for (int j = 0; j < k; j++) {
      scale[j] = 10 * ls.standardErrors()[j];
    }
    return new RegressionPart(design, rotation, ls.coefficients(), scale);
  }

  boolean rotated() {
    return rotation != null;
  }

  /** The parameter vector with its regression block mapped back, {@code b = V c}. */
  double[] rotateBack(double[] full) {
    double[] coef = full.clone();
    int k = rotation.length;
    int off = full.length - k;
    for (int i = 0; i < k; i++) {
      double v = 0;
      for (int j = 0; j < k; j++) {
        v += rotation[i][j] * full[off + j];
      }
      coef[off + i] = v;
    }
    return coef;
  }

  /**
   * The covariance of the free coefficients mapped back: {@code A C A'}, {@code A = diag(I, V)}.
   */
  double[][] rotateCovariance(double[][] cov, boolean[] mask) {
    int size = mask.length;
    double[][] a = new double[size][size];
    for (int i = 0; i < size; i++) {
      a[i][i] = 1;
    }
    int k = rotation.length;
    int off = size - k;
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        a[off + i][off + j] = rotation[i][j];
      }
    }
    int[] idx = IntStream.range(0, size).filter(i -> mask[i]).toArray();
    double[][] am = new double[idx.length][idx.length];
    for (int i = 0; i < idx.length; i++) {
      for (int j = 0; j < idx.length; j++) {
        am[i][j] = a[idx[i]][idx[j]];
      }
    }
    // A V A'
    double[][] av = new double[idx.length][idx.length];
    for (int i = 0; i < idx.length; i++) {
      for (int j = 0; j < idx.length; j++) {
        double s = 0;
        for (int l = 0; l < idx.length; l++) {
          s += am[i][l] * cov[l][j];
        }
        av[i][j] = s;
      }
    }
    double[][] out = new double[idx.length][idx.length];
    for (int i = 0; i < idx.length; i++) {
      for (int j = 0; j < idx.length; j++) {
        double s = 0;
        for (int l = 0; l < idx.length; l++) {
          s += av[i][l] * am[j][l];
        }
        out[i][j] = s;
      }
    }
    return out;
  }

  /** Least squares of the differenced series on the differenced regressors (R's start values). */
  private static LeastSquares startValues(double[][] x, double[] y, int n, ArmaLayout layout) {
    int k = x[0].length;
    double[] dy = Arrays.copyOf(y, n);
    double[][] dx = new double[n][];
    for (int t = 0; t < n; t++) {
      dx[t] = x[t].clone();
    }
    int len = n;
    for (int i = 0; i < layout.order().d(); i++) {
      len = difference(dy, dx, len, 1);
    }
    if (layout.period() > 1) {
      for (int i = 0; i < layout.order().seasonalD(); i++) {
        len = difference(dy, dx, len, layout.period());
      }
    }
    LeastSquares ls = null;
    if (len > k) {
      ls = LeastSquares.fit(Arrays.copyOf(dx, len), Arrays.copyOf(dy, len));
    }
    if (ls == null || ls.rank() == 0) {
      double[][] xs = Arrays.copyOf(x, n);
      ls = LeastSquares.fit(xs, Arrays.copyOf(y, n));
    }
    if (ls.rank() < k) {
      throw new ModelFitException(
          "arima", "the regressors are collinear (rank " + ls.rank() + " of " + k + ")");
    }
    return ls;
  }

  /** {@code v(t) = v(t + lag) - v(t)} for {@code t < len - lag}; returns the new length. */
  private static int difference(double[] y, double[][] x, int len, int lag) {
    int k = x[0].length;
    for (int t = 0; t + lag < len; t++) {
      y[t] = y[t + lag] - y[t];
      for (int j = 0; j < k; j++) {
        x[t][j] = x[t + lag][j] - x[t][j];
      }
    }
    return Math.max(0, len - lag);
  }

  private static double[][] multiply(double[][] x, double[][] v) {
    int k = v.length;
    double[][] out = new double[x.length][k];
    for (int t = 0; t < x.length; t++) {
      for (int j = 0; j < k; j++) {
        double s = 0;
        for (int l = 0; l < k; l++) {
          s += x[t][l] * v[l][j];
        }
        out[t][j] = s;
      }
    }
    return out;
  }
}
