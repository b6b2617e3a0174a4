package io.gridcast.forecast.hierarchy;

import java.util.List;

/**
 * The covariance of the in-sample one-step residuals of every node, shrunk toward its diagonal
 * (Schäfer & Strimmer 2005), as MinT-shrink uses it (Wickramasuriya, Athanasopoulos & Hyndman 2019;
 * R's {@code hts:::shrink.estim} with {@code lowerD}).
 *
 * <p>With {@code X} the {@code T x n} matrix of residuals at the times where every node has one:
 *
 * <pre>
 *   W1      = X'X / T                          (second moments, not centred, as hts)
 *   r_ij    = W1_ij / sqrt(W1_ii W1_jj),       x~_ti = x_ti / sqrt(W1_ii)
 *   Var(r_ij) ~ v_ij = (sum_t x~_ti² x~_tj² - T r_ij²) / (T (T - 1))
 *   lambda  = min(1, max(0, sum_{i != j} v_ij / sum_{i != j} r_ij²))
 *   W       = lambda diag(W1) + (1 - lambda) W1
 * </pre>
 *
 * (the second bracket is hts's {@code crossprod(xs^2) - crossprod(xs)^2 / n}, since {@code sum_t
 * x~_ti x~_tj = T r_ij}). Residual arrays are aligned at their ends; a time where some node's
 * residual is NaN is left out of every node's moments (complete cases).
 *
 * <p>Immutable; costs {@code O(n² T)} time and {@code O(n² + n T)} memory.
 */
public final class ShrinkageCovariance {
  /** Fewest complete times for which the covariance is estimated. */
  public static final int MIN_ROWS = 3;

  private final int rows;
  private final double lambda;
  private final double[] variance;
  private final double[][] sample;
  private final double[][] standardized;

  private ShrinkageCovariance(
      int rows, double lambda, double[] variance, double[][] sample, double[][] standardized) {
    this.rows = rows;
    this.lambda = lambda;
    this.variance = variance;
    this.sample = sample;
    this.standardized = standardized;
  }

  /**
   * Estimates from each node's residuals.
   *
   * @param residuals one array per node (NaN = no residual at that time), aligned at their ends
   * @param names node names for messages
   * @throws CovarianceNotUsableException when a node has no residuals or an infinite one, fewer
   *     than {@value #MIN_ROWS} times are complete, or a node's mean squared residual is 0
   */
  public static ShrinkageCovariance estimate(List<double[]> residuals, List<String> names) {
    int n = residuals.size();
    if (n == 0) {
      throw new CovarianceNotUsableException("no residuals");
    }
    int length = Integer.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      double[] r = residuals.get(i);
      if (r.length == 0) {
        throw new CovarianceNotUsableException(
            "node " + names.get(i) + " has no in-sample residuals");
      }
      length = Math.min(length, r.length);
    }
    boolean[] complete = new boolean[length];
    int rows = 0;
    for (int t = 0; t < length; t++) {
      boolean ok = true;
      for (int i = 0; i < n && ok; i++) {
        double[] r = residuals.get(i);
        double v = r[r.length - length + t];
        if (Double.isInfinite(v)) {
          throw new CovarianceNotUsableException(
              "node " + names.get(i) + " has an infinite residual");
        }
        ok = !Double.isNaN(v);
      }
      complete[t] = ok;
      rows += ok ? 1 : 0;
    }
    if (rows < MIN_ROWS) {
      throw new CovarianceNotUsableException(
          "only "
              + rows
              + " of "
              + length
              + " times have a residual for every node, fewer than "
              + MIN_ROWS);
    }
    double[][] x = new double[n][rows];
    for (int i = 0; i < n; i++) {
      double[] r = residuals.get(i);
      int off = r.length - length;
      for (int t = 0, k = 0; t < length; t++) {
        if (complete[t]) {
          x[i][k++] = r[off + t];
        }
      }
    }
    return fromComplete(x, names);
  }

  private static ShrinkageCovariance fromComplete(double[][] x, List<String> names) {
    int n = x.length;
    int rows = x[0].length;
    double[][] w1 = new double[n][n];
    double[] variance = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double s = dot(x[i], x[j], rows) / rows;
        w1[i][j] = s;
        w1[j][i] = s;
      }
      variance[i] = w1[i][i];
      if (!(variance[i] > 0) || !Double.isFinite(variance[i])) {
        throw new CovarianceNotUsableException(
            "node "
                + names.get(i)
                + " has mean squared residual "
                + variance[i]
                + ": its base forecast would be taken as exact");
      }
    }
    double[][] z = new double[n][rows];
    double[][] zz = new double[n][rows];
    for (int i = 0; i < n; i++) {
      double sd = Math.sqrt(variance[i]);
      for (int t = 0; t < rows; t++) {
        z[i][t] = x[i][t] / sd;
        zz[i][t] = z[i][t] * z[i][t];
      }
    }
    double sumV = 0;
    double sumD = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        double r = w1[i][j] / Math.sqrt(variance[i] * variance[j]);
        sumV += dot(zz[i], zz[j], rows) - rows * r * r;
        sumD += r * r;
      }
    }
    sumV /= (double) rows * (rows - 1);
    double lambda = sumD > 0 ? Math.max(0, Math.min(1, sumV / sumD)) : 1;
    if (Double.isNaN(lambda)) {
      throw new CovarianceNotUsableException("shrinkage intensity is NaN");
    }
    double scale = 1 / Math.sqrt(rows);
    for (double[] zi : z) {
      for (int t = 0; t < rows; t++) {
        zi[t] *= scale;
      }
    }
    return new ShrinkageCovariance(rows, lambda, variance, w1, z);
  }

  private static double dot(double[] a, double[] b, int len) {
    double s = 0;
    for (int t = 0; t < len; t++) {
      s += a[t] * b[t];
    }
    return s;
  }

  /** Times used (complete cases). */
  public int rows() {
    return rows;
  }

  /** The shrinkage intensity {@code lambda} in [0, 1]. */
  public double lambda() {
    return lambda;
  }

  /** Number of nodes. */
  public int size() {
    return variance.length;
  }

  /** {@code diag(W1)}: each node's mean squared residual (a copy). */
  public double[] variance() {
    return variance.clone();
  }

  /** The unshrunk second-moment matrix {@code W1} (a copy). */
  public double[][] sample() {
    double[][] out = new double[sample.length][];
    for (int i = 0; i < sample.length; i++) {
      out[i] = sample[i].clone();
    }
    return out;
  }

  /** The shrunk matrix {@code W} (a copy). */
  public double[][] shrunk() {
    double[][] out = sample();
    for (int i = 0; i < out.length; i++) {
      for (int j = 0; j < out.length; j++) {
        if (i != j) {
          out[i][j] *= 1 - lambda;
        }
      }
    }
    return out;
  }

  /** {@code W_ij} without copying the matrix. */
  double shrunk(int i, int j) {
    return i == j ? sample[i][i] : (1 - lambda) * sample[i][j];
  }

  /** Row {@code i} of {@code W1}, no copy. */
  double[] sampleRow(int i) {
    return sample[i];
  }

  /**
   * Standardised residuals divided by {@code sqrt(T)}, one row per node: {@code Z Z'} is the sample
   * correlation matrix, so the shrunk correlation is {@code lambda I + (1 - lambda) Z Z'}. No copy.
   */
  double[][] standardizedView() {
    return standardized;
  }
}
