package io.gridcast.forecast.hierarchy;

import java.util.Arrays;
import java.util.List;

/**
 * The projection matrices {@code P} ({@code m x n}: bottom series x nodes) of {@link
 * ReconciliationMethod}, dense, rows = bottom series in {@link Hierarchy} order.
 */
final class Projections {
  private Projections() {}

  /** {@code P = J = [0 | I_m]}. */
  static double[][] bottomUp(Hierarchy h) {
    int m = h.bottomCount();
    int na = h.aggregateCount();
    double[][] p = new double[m][h.size()];
    for (int b = 0; b < m; b++) {
      p[b][na + b] = 1;
    }
    return p;
  }

  /**
   * Top-down by forecast proportions at one step: {@code P = p e_1'} with {@code p} the product of
   * the children's shares down {@link Hierarchy#topDownChain()}. A node's parent is the node of the
   * nearest chain level above that contains it (with duplicates left out, a region whose zone was
   * its only copy hangs straight under the state).
   */
  static double[][] topDown(Hierarchy h, double[] yhat) {
    int m = h.bottomCount();
    List<Level> chain = h.topDownChain();
    SummingMatrix s = h.summing();
    int n = h.size();
    int[] parent = new int[n];
    int[] owner = new int[m];
    int top = chain.get(0).firstNode();
    Arrays.fill(owner, top);
    double[] childSum = new double[n];
    int[] children = new int[n];
    for (int l = 1; l < chain.size(); l++) {
      Level level = chain.get(l);
      int end = level.firstNode() + level.nodeCount();
      for (int c = level.firstNode(); c < end; c++) {
        int p = owner[s.rowView(c)[0]];
        parent[c] = p;
        childSum[p] += yhat[c];
        children[p]++;
      }
      for (int c = level.firstNode(); c < end; c++) {
        for (int b : s.rowView(c)) {
          owner[b] = c;
        }
      }
    }
    double[] share = new double[n];
    share[top] = 1;
    for (int l = 1; l < chain.size(); l++) {
      Level level = chain.get(l);
      for (int c = level.firstNode(); c < level.firstNode() + level.nodeCount(); c++) {
        int p = parent[c];
        double part = childSum[p] != 0 ? yhat[c] / childSum[p] : 1.0 / children[p];
        share[c] = share[p] * part;
      }
    }
    double[][] proj = new double[m][n];
    int na = h.aggregateCount();
    for (int b = 0; b < m; b++) {
      proj[b][top] = share[na + b];
    }
    return proj;
  }

  /** Thrown inside when {@code U' W U} is not positive definite. */
  static final class NotPositiveDefinite extends Exception {
    private static final long serialVersionUID = 1L;

    NotPositiveDefinite(String message) {
      super(message, null, false, false);
    }
  }

  /** The weights {@code W}: diagonal or dense symmetric. */
  sealed interface Weights permits Diagonal, Dense {}

  /** {@code W = diag(w)}. */
  record Diagonal(double[] w) implements Weights {}

  /** The shrunk covariance as {@code W}. */
  record Dense(ShrinkageCovariance cov) implements Weights {}

  /**
   * {@code P = J - J W U (U' W U)^-1 U'}, {@code U' = [I | -C]}: column {@code a} of {@code W U} is
   * {@code W e_a - sum_{b in C_a} W e_(na+b)}; {@code U' W U} is {@code (n-m)²}; its Cholesky
   * factor solves for the {@code m} rows of {@code J W U}.
   */
  static double[][] generalizedLeastSquares(Hierarchy h, Weights weights)
      throws NotPositiveDefinite {
    int n = h.size();
    int m = h.bottomCount();
    int na = h.aggregateCount();
    SummingMatrix s = h.summing();
    // wut[a] = column a of W U (= row a of U' W, W symmetric), length n
    double[][] wut = new double[na][];
    for (int a = 0; a < na; a++) {
      double[] col = new double[n];
      switch (weights) {
        case Diagonal d -> {
          col[a] = d.w()[a];
          for (int b : s.rowView(a)) {
            col[na + b] -= d.w()[na + b];
          }
        }
        case Dense d -> {
          ShrinkageCovariance cov = d.cov();
          double keep = 1 - cov.lambda();
          double[] row = cov.sampleRow(a);
          for (int i = 0; i < n; i++) {
            col[i] = keep * row[i];
          }
          col[a] = row[a];
          for (int b : s.rowView(a)) {
            double[] rb = cov.sampleRow(na + b);
            for (int i = 0; i < n; i++) {
              col[i] -= keep * rb[i];
            }
            col[na + b] -= cov.lambda() * rb[na + b];
          }
        }
      }
      wut[a] = col;
    }
    // G = U' W U: G[a][a2] = (U' e_a)' (W U e_a2) = wut[a2][a] - sum_{b in C_a} wut[a2][na + b]
    double[][] g = new double[na][na];
    for (int a = 0; a < na; a++) {
      int[] ca = s.rowView(a);
      for (int a2 = 0; a2 <= a; a2++) {
        double[] w = wut[a2];
        double v = w[a];
        for (int b : ca) {
          v -= w[na + b];
        }
        g[a][a2] = v;
        g[a2][a] = v;
      }
    }
    int failed = Cholesky.factor(g);
    if (failed >= 0) {
      throw new NotPositiveDefinite(
          "U'WU is not positive definite (pivot at aggregate node " + h.node(failed).name() + ")");
    }
    double[][] p = new double[m][n];
    double[] k = new double[na];
    for (int b = 0; b < m; b++) {
      for (int a = 0; a < na; a++) {
        k[a] = wut[a][na + b];
      }
      Cholesky.solve(g, k);
      double[] pb = p[b];
      pb[na + b] = 1;
      for (int a = 0; a < na; a++) {
        double ka = k[a];
        pb[a] -= ka;
        for (int c : s.rowView(a)) {
          pb[na + c] += ka;
        }
      }
    }
    return p;
  }

  /** {@code P yhat} at one step: the reconciled bottom series. */
  static double[] apply(double[][] p, double[] yhat) {
    double[] out = new double[p.length];
    for (int b = 0; b < p.length; b++) {
      double[] row = p[b];
      double sum = 0;
      for (int i = 0; i < row.length; i++) {
        sum += row[i] * yhat[i];
      }
      out[b] = sum;
    }
    return out;
  }
}
