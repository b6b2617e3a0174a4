package io.gridcast.forecast.arima;

import java.util.Arrays;

/**
 * The two objectives R's {@code arima} minimises, over the free entries of the parameter vector
 * {@code (ARMA coefficients, regression coefficients b)}, on the regression errors {@code x(t) =
 * y(t) - X(t) b}:
 *
 * <ul>
 *   <li>{@link #css}: {@code 0.5 log(sum e^2 / n*)} from {@link ConditionalSumOfSquares};
 *   <li>{@link #ml}: {@code 0.5 (log(S / n*) + L / n*)} from {@link ArimaKalmanFilter}, the
 *       negative concentrated log-likelihood per observation up to a constant; with {@code
 *       transform} the AR blocks are given through {@link StationaryTransform}. In the exact
 *       diffuse form ({@code exact}) the same objective comes from {@link ChandrasekharFilter} on
 *       the differenced regression errors {@code (1 - B)^d (1 - B^m)^D x}: the likelihood R's
 *       diffuse prior approximates, at a fraction of the cost, for the automatic search.
 * </ul>
 *
 * Not thread-safe: one instance per fit; an evaluation allocates nothing.
 */
final class ArimaLikelihood {
  private final ArmaLayout layout;
  private final double[] y;
  private final int n;
  private final double[][] xreg;
  private final double[] fixed;
  private final int[] free;
  private final double[] par;
  private final double[] adjusted;
  private final ArmaExpansion expansion;
  private final ArimaKalmanFilter filter;
  private final ConditionalSumOfSquares css;
  private final ChandrasekharFilter exact;
  private final double[] dy;
  private final double[][] dx;
  private final double[] w;

  /**
   * @param layout orders, period, number of regression coefficients
   * @param y the series, {@code n} values
   * @param xreg regressors by row ({@code n x k}), null when none
   * @param fixed the parameter vector with NaN at the free entries
   */
  ArimaLikelihood(ArmaLayout layout, double[] y, int n, double[][] xreg, double[] fixed) {
    this(layout, y, n, xreg, fixed, false);
  }

  /**
   * @param exactDiffuse whether {@link #ml} uses the exact diffuse likelihood of the differenced
   *     series instead of R's diffuse prior
   */
  ArimaLikelihood(
      ArmaLayout layout, double[] y, int n, double[][] xreg, double[] fixed, boolean exactDiffuse) {
    this.layout = layout;
    this.y = y;
    this.n = n;
    this.xreg = xreg;
    this.fixed = fixed.clone();
    int k = 0;
    for (double v : fixed) {
      k += Double.isNaN(v) ? 1 : 0;
    }
    this.free = new int[k];
    k = 0;
    for (int i = 0; i < fixed.length; i++) {
      if (Double.isNaN(fixed[i])) {
        free[k++] = i;
      }
    }
    this.par = fixed.clone();
    this.adjusted = new double[n];
    this.expansion = new ArmaExpansion(layout);
    this.filter = new ArimaKalmanFilter(layout.stateDimension(), layout.delta());
    this.css = new ConditionalSumOfSquares(n, layout);
    if (exactDiffuse) {
      this.exact = new ChandrasekharFilter(layout.stateDimension());
      this.dy = differenced(layout, Arrays.copyOf(y, n));
      int cols = layout.regressors();
      this.dx = new double[cols][];
      for (int j = 0; j < cols; j++) {
        double[] col = new double[n];
        for (int t = 0; t < n; t++) {
          col[t] = xreg[t][j];
        }
        dx[j] = differenced(layout, col);
      }
      this.w = new double[dy.length];
    } else {
      this.exact = null;
      this.dy = null;
      this.dx = null;
      this.w = null;
    }
  }

  /** {@code (1 - B)^d (1 - B^m)^D v}, the first {@code d + mD} values dropped. */
  private static double[] differenced(ArmaLayout layout, double[] v) {
    double[] x = v;
    for (int i = 0; i < layout.order().d(); i++) {
      x = Constancy.difference(x, 1);
    }
    for (int i = 0; i < layout.order().seasonalD(); i++) {
      x = Constancy.difference(x, layout.period());
    }
    return x;
  }

  /** Indices of the free parameters, in order. */
  int[] free() {
    return free.clone();
  }

  ArimaKalmanFilter filter() {
    return filter;
  }

  ArmaExpansion expansion() {
    return expansion;
  }

  /** The conditional-sum-of-squares objective at the free values {@code p}. */
  double css(double[] p) {
    fill(p);
    expansion.expand(par, false);
    double[] x = regressionErrors();
    double ms =
        css.meanSquare(
            x,
            layout,
            expansion.phi,
            expansion.phi.length,
            expansion.theta,
            expansion.theta.length,
            null);
    return 0.5 * Math.log(ms);
  }

  /** The maximum-likelihood objective at the free values {@code p}. */
  double ml(double[] p, boolean transform) {
    fill(p);
    expansion.expand(par, transform);
    if (exact != null) {
      return exactMl();
    }
    double[] x = regressionErrors();
    if (!filter.run(
        expansion.phi, expansion.phi.length, expansion.theta, expansion.theta.length, x, n, null)) {
      return Double.MAX_VALUE;
    }
    double s2 = filter.ssq / filter.used;
    return 0.5 * (Math.log(s2) + filter.sumLog / filter.used);
  }

  private double exactMl() {
    int k = layout.regressors();
    int off = layout.arma();
    double[] x = dy;
    if (k > 0) {
      for (int t = 0; t < w.length; t++) {
        double fit = 0;
        for (int j = 0; j < k; j++) {
          fit += dx[j][t] * par[off + j];
        }
        w[t] = dy[t] - fit;
      }
      x = w;
    }
    if (!exact.run(
        expansion.phi,
        expansion.phi.length,
        expansion.theta,
        expansion.theta.length,
        x,
        x.length)) {
      return Double.MAX_VALUE;
    }
    double s2 = exact.ssq / exact.used;
    return 0.5 * (Math.log(s2) + exact.sumLog / exact.used);
  }

  /**
   * Runs the filter at the full (untransformed) parameter vector {@code coef}, keeping its final
   * state; residuals {@code v / sqrt(F)} into {@code residuals}.
   *
   * @return false when the stationary covariance could not be computed
   */
  boolean filterAt(double[] coef, double[] residuals) {
    System.arraycopy(coef, 0, par, 0, par.length);
    expansion.expand(par, false);
    double[] x = regressionErrors();
    return filter.run(
        expansion.phi,
        expansion.phi.length,
        expansion.theta,
        expansion.theta.length,
        x,
        n,
        residuals);
  }

  /** The conditional residuals and their mean square at the full parameter vector {@code coef}. */
  double cssAt(double[] coef, double[] residuals) {
    System.arraycopy(coef, 0, par, 0, par.length);
    expansion.expand(par, false);
    double[] x = regressionErrors();
    return css.meanSquare(
        x,
        layout,
        expansion.phi,
        expansion.phi.length,
        expansion.theta,
        expansion.theta.length,
        residuals);
  }

  private void fill(double[] p) {
    for (int i = 0; i < free.length; i++) {
      par[free[i]] = p[i];
    }
  }

  /** {@code y - X b} for the current parameter vector (y itself without regressors). */
  private double[] regressionErrors() {
    int k = layout.regressors();
    if (k == 0) {
      return y;
    }
    int off = layout.arma();
    for (int t = 0; t < n; t++) {
      double[] row = xreg[t];
      double fit = 0;
      for (int j = 0; j < k; j++) {
        fit += row[j] * par[off + j];
      }
      adjusted[t] = y[t] - fit;
    }
    return adjusted;
  }
}
