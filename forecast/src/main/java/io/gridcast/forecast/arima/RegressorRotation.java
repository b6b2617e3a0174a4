package io.gridcast.forecast.arima;

import java.util.Arrays;

/**
 * The right singular vectors {@code V} of a regressor matrix {@code X = U S V'}, by which R's
 * {@code arima} rotates several free regressors ({@code X V} has orthogonal columns, which the
 * optimiser handles better); coefficients rotate back as {@code b = V c}. Computed as the
 * eigenvectors of {@code X'X} by cyclic Jacobi rotations, ordered by decreasing eigenvalue; signs
 * are arbitrary, as in LAPACK, and the fit does not depend on them.
 */
final class RegressorRotation {
  private static final int MAX_SWEEPS = 100;

  private RegressorRotation() {}

  /** {@code V} ({@code k x k}) for {@code X} ({@code n x k}). */
  static double[][] of(double[][] x) {
    int k = x[0].length;
    double[][] a = new double[k][k];
    for (double[] row : x) {
      for (int i = 0; i < k; i++) {
        for (int j = 0; j < k; j++) {
          a[i][j] += row[i] * row[j];
        }
      }
    }
    double[][] v = new double[k][k];
    for (int i = 0; i < k; i++) {
      v[i][i] = 1;
    }
    for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
      double off = 0;
      double total = 0;
      for (int i = 0; i < k; i++) {
        for (int j = 0; j < k; j++) {
          total += a[i][j] * a[i][j];
          if (i != j) {
            off += a[i][j] * a[i][j];
          }
        }
      }
      if (off <= 1e-30 * total) {
        break;
      }
      for (int p = 0; p < k - 1; p++) {
        for (int q = p + 1; q < k; q++) {
          if (a[p][q] == 0) {
            continue;
          }
          double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
          double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
          if (theta == 0) {
            t = 1;
          }
          double c = 1 / Math.sqrt(t * t + 1);
          double s = t * c;
          for (int r = 0; r < k; r++) {
            double arp = a[r][p];
            double arq = a[r][q];
            a[r][p] = c * arp - s * arq;
            a[r][q] = s * arp + c * arq;
          }
          for (int r = 0; r < k; r++) {
            double apr = a[p][r];
            double aqr = a[q][r];
            a[p][r] = c * apr - s * aqr;
            a[q][r] = s * apr + c * aqr;
          }
          for (int r = 0; r < k; r++) {
            double vrp = v[r][p];
            double vrq = v[r][q];
            v[r][p] = c * vrp - s * vrq;
            v[r][q] = s * vrp + c * vrq;
          }
        }
      }
    }
    Integer[] order = new Integer[k];
    for (int i = 0; i < k; i++) {
      order[i] = i;
    }
    final double[][] eig = a;
    Arrays.sort(order, (i, j) -> Double.compare(eig[j][j], eig[i][i]));
    double[][] out = new double[k][k];
    for (int c = 0; c < k; c++) {
      for (int r = 0; r < k; r++) {
        out[r][c] = v[r][order[c]];
      }
    }
    return out;
  }
}
