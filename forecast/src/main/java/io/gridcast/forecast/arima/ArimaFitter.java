package io.gridcast.forecast.arima;

import io.gridcast.forecast.model.ModelFitException;
import io.gridcast.forecast.optim.Bfgs;
import io.gridcast.forecast.optim.OptimizationException;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Estimates an ARIMA model as R's {@code stats::arima} does, step for step, so that coefficients
 * and likelihood agree with R to rounding:
 *
 * <ol>
 *   <li>regressors (mean, drift, external; rotated to their singular vectors when several are free)
 *       start at the least-squares fit of the differenced series on the differenced regressors,
 *       scaled for the optimiser by 10 standard errors; ARMA coefficients start at 0;
 *   <li>{@link ArimaMethod#CSS_ML}: BFGS on the conditional sum of squares; an AR part that comes
 *       out non-stationary is an error; then
 *   <li>BFGS on the exact likelihood, AR blocks reparametrised to stay stationary ({@link
 *       StationaryTransform}), MA blocks made invertible before and after ({@link
 *       ArmaRoots#invertMa});
 *   <li>the coefficient covariance from R's finite-difference Hessian, {@code J' (n* H)^-1 J}; a
 *       singular Hessian is an error, as in R.
 * </ol>
 *
 * Stateless; each call allocates its own workspace.
 */
final class ArimaFitter {
  private static final Bfgs.Options OPTIONS = Bfgs.Options.R_DEFAULTS;

  private ArimaFitter() {}

  /**
   * Fits {@code y[0..n)}.
   *
   * @param name model name for error messages
   * @param order orders (seasonal part only with {@code period > 1})
   * @param period seasonal period
   * @param includeMean add an intercept column when {@code d + D == 0}
   * @param regressors regressors by row ({@code n x k}; drift already among them), or null
   * @param regressorNames their names
   * @param fixed values for coefficients to keep fixed (NaN = estimate), full length, or null
   * @param method the estimation method
   * @param exactDiffuse maximise the exact diffuse likelihood instead of R's diffuse prior
   * @throws ModelFitException when R's {@code arima} would stop with an error
   */
  static ArimaEstimate fit(
      String name,
      double[] y,
      int n,
      ArimaOrder order,
      int period,
      boolean includeMean,
      double[][] regressors,
      String[] regressorNames,
      double[] fixed,
      ArimaMethod method,
      boolean exactDiffuse) {
    int userK = regressors == null ? 0 : regressorNames.length;
    boolean intercept = includeMean && order.differences() == 0;
    int k = userK + (intercept ? 1 : 0);
    ArmaLayout layout = new ArmaLayout(order, period, k);
    int narma = layout.arma();
    int dd = layout.differencingLength();
    String[] names = new String[narma + k];
    System.arraycopy(layout.armaNames(), 0, names, 0, narma);
    double[][] x = null;
    if (k > 0) {
      x = new double[n][k];
      for (int t = 0; t < n; t++) {
        int c = 0;
        if (intercept) {
          x[t][c++] = 1;
        }
        for (int j = 0; j < userK; j++) {
          x[t][c++] = regressors[t][j];
        }
      }
      int c = narma;
      if (intercept) {
        names[c++] = "intercept";
      }
      for (int j = 0; j < userK; j++) {
        names[c++] = regressorNames[j];
      }
    }
    double[] coef = new double[narma + k];
    if (fixed == null) {
      Arrays.fill(coef, Double.NaN);
    } else {
      if (fixed.length != coef.length) {
        throw new IllegalArgumentException(
            "fixed has " + fixed.length + " values for " + coef.length + " coefficients");
      }
      System.arraycopy(fixed, 0, coef, 0, coef.length);
    }
    boolean[] mask = new boolean[coef.length];
    boolean anyFree = false;
    for (int i = 0; i < coef.length; i++) {
      mask[i] = Double.isNaN(coef[i]);
      anyFree |= mask[i];
    }
    boolean transform = anyFree;
    for (int i = 0; i < layout.p() && transform; i++) {
      transform = mask[i];
    }
    for (int i = 0; i < layout.sp() && transform; i++) {
      transform = mask[layout.sarOffset() + i];
    }
    double[] init = new double[coef.length];
    double[] parscale = new double[coef.length];
    Arrays.fill(parscale, 0, narma, 1.0);
    RegressionPart regression = null;
    if (k > 0) {
      boolean original = k == 1;
      for (int j = 0; j < k; j++) {
        original |= !mask[narma + j];
      }
      regression = RegressionPart.of(x, !original, y, n, layout);
      x = regression.design();
      for (int j = 0; j < k; j++) {
        init[narma + j] = regression.start()[j];
        parscale[narma + j] = regression.scale()[j];
      }
    }
    int used = n - dd;
    if (used <= 0) {
      throw new ModelFitException(name, "too few non-missing observations");
    }
    ArimaLikelihood like = new ArimaLikelihood(layout, y, n, x, coef, exactDiffuse);
    int[] free = like.free();
    double[] scale = new double[free.length];
    for (int i = 0; i < free.length; i++) {
      scale[i] = parscale[free[i]];
    }
    try {
      return switch (method) {
        case CSS ->
            css(name, layout, like, coef, init, mask, free, scale, n, used, names, regression);
        case CSS_ML, ML ->
            ml(
                name,
                method,
                layout,
                like,
                coef,
                init,
                mask,
                free,
                scale,
                n,
                used,
                names,
                regression,
                transform,
                exactDiffuse);
      };
    } catch (OptimizationException | LuSolver.SingularMatrixException e) {
      throw new ModelFitException(name, e.getMessage());
    }
  }

  private static ArimaEstimate ml(
      String name,
      ArimaMethod method,
      ArmaLayout layout,
      ArimaLikelihood like,
      double[] coef,
      double[] init,
      boolean[] mask,
      int[] free,
      double[] scale,
      int n,
      int used,
      String[] names,
      RegressionPart regression,
      boolean transform,
      boolean deferHessian) {
    boolean converged = true;
    if (method == ArimaMethod.CSS_ML) {
      if (free.length > 0) {
        Bfgs.Result res = Bfgs.minimize(like::css, pick(init, free), scale, OPTIONS);
        if (res.converged()) {
          put(init, free, res.point());
        }
      }
      if (layout.p() > 0 && !ArmaRoots.stationary(init, 0, layout.p())) {
        throw new ModelFitException(name, "non-stationary AR part from CSS");
      }
      if (layout.sp() > 0 && !ArmaRoots.stationary(init, layout.sarOffset(), layout.sp())) {
        throw new ModelFitException(name, "non-stationary seasonal AR part from CSS");
      }
    }
    if (transform) {
      init = StationaryTransform.invert(layout, init);
      if (layout.q() > 0) {
        ArmaRoots.invertMa(init, layout.p(), layout.q());
      }
      if (layout.sq() > 0) {
        ArmaRoots.invertMa(init, layout.smaOffset(), layout.sq());
      }
    }
    double value;
    double[][] covariance = null;
    Supplier<double[][]> pending = null;
    double[] full = coef.clone();
    if (free.length == 0) {
      value = like.ml(new double[0], false);
    } else {
      Bfgs.Result res = Bfgs.minimize(p -> like.ml(p, transform), pick(init, free), scale, OPTIONS);
      converged = res.converged();
      double[] point = res.point();
      value = res.value();
      put(full, free, point);
      if (transform) {
        boolean changed = false;
        changed |= invertIfFree(full, mask, layout.p(), layout.q());
        changed |= invertIfFree(full, mask, layout.smaOffset(), layout.sq());
        if (changed) {
          double[] moved = pick(full, free);
          changed = !Arrays.equals(moved, point);
          if (changed) {
            point = moved;
            value = like.ml(point, true);
          }
        }
      }
      double[] at = point;
      double[] transformed = full.clone();
      pending =
          () ->
              rotated(
                  regression,
                  covariance(
                      Bfgs.hessian(p -> like.ml(p, transform), at, scale, OPTIONS.step()),
                      layout,
                      free,
                      transformed,
                      used,
                      transform),
                  mask);
      if (!deferHessian) {
        covariance = pending.get();
        pending = null;
      }
      if (transform) {
        full = StationaryTransform.undo(layout, full);
      }
    }
    double[] residuals = new double[n];
    if (!like.filterAt(full, residuals)) {
      throw new ModelFitException(name, "the stationary covariance is singular (a unit AR root)");
    }
    ArimaKalmanFilter f = like.filter();
    double sigma2 = f.ssq / used;
    return finish(
        layout,
        full,
        names,
        mask,
        sigma2,
        value,
        used,
        covariance,
        pending,
        residuals,
        converged,
        like,
        regression,
        true);
  }

  private static ArimaEstimate css(
      String name,
      ArmaLayout layout,
      ArimaLikelihood like,
      double[] coef,
      double[] init,
      boolean[] mask,
      int[] free,
      double[] scale,
      int n,
      int used,
      String[] names,
      RegressionPart regression) {
    double[] full = coef.clone();
    double value;
    boolean converged = true;
    double[][] covariance = null;
    if (free.length == 0) {
      value = like.css(new double[0]);
    } else {
      Bfgs.Result res = Bfgs.minimize(like::css, pick(init, free), scale, OPTIONS);
      converged = res.converged();
      value = res.value();
      put(full, free, res.point());
      double[][] h = Bfgs.hessian(like::css, res.point(), scale, OPTIONS.step());
      covariance = LuSolver.solve(scaledHessian(h, used), identity(free.length));
    }
    if (!like.filterAt(full, null)) {
      throw new ModelFitException(name, "the stationary covariance is singular (a unit AR root)");
    }
    double[] residuals = new double[n];
    double sigma2 = like.cssAt(full, residuals);
    return finish(
        layout,
        full,
        names,
        mask,
        sigma2,
        value,
        used,
        rotated(regression, covariance, mask),
        null,
        residuals,
        converged,
        like,
        regression,
        false);
  }

  private static ArimaEstimate finish(
      ArmaLayout layout,
      double[] full,
      String[] names,
      boolean[] mask,
      double sigma2,
      double value,
      int used,
      double[][] covariance,
      Supplier<double[][]> pending,
      double[] residuals,
      boolean converged,
      ArimaLikelihood like,
      RegressionPart regression,
      boolean likelihood) {
    double twoNll = 2 * used * value + used + used * Math.log(2 * Math.PI);
    int freeCount = 0;
    for (boolean b : mask) {
      freeCount += b ? 1 : 0;
    }
    double aic = likelihood ? twoNll + 2 * freeCount + 2 : Double.NaN;
    ArimaKalmanFilter f = like.filter();
    ArmaExpansion e = like.expansion();
    ArimaState state =
        new ArimaState(
            e.phi.clone(),
            e.theta.clone(),
            layout.delta(),
            f.stateDimension(),
            f.state(),
            f.stateCovariance());
    double[] coef = regression != null && regression.rotated() ? regression.rotateBack(full) : full;
    return new ArimaEstimate(
        layout,
        coef,
        names,
        mask,
        sigma2,
        -0.5 * twoNll,
        aic,
        used,
        covariance,
        pending,
        residuals,
        converged,
        state);
  }

  private static boolean invertIfFree(double[] coef, boolean[] mask, int off, int len) {
    if (len == 0) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      if (!mask[off + i]) {
        return false;
      }
    }
    double[] before = Arrays.copyOfRange(coef, off, off + len);
    ArmaRoots.invertMa(coef, off, len);
    return !Arrays.equals(before, Arrays.copyOfRange(coef, off, off + len));
  }

  /**
   * The covariance of the free coefficients from R's Hessian of the objective: {@code (n* H)^-1},
   * mapped through the transform's Jacobian {@code J' (n* H)^-1 J} when the AR blocks are
   * transformed.
   */
  private static double[][] covariance(
      double[][] hessian,
      ArmaLayout layout,
      int[] free,
      double[] transformed,
      int used,
      boolean transform) {
    double[][] scaled = scaledHessian(hessian, used);
    if (!transform) {
      return LuSolver.solve(scaled, identity(free.length));
    }
    double[][] jac = restrict(StationaryTransform.jacobian(layout, transformed), free);
    return multiplyTransposed(jac, LuSolver.solve(scaled, jac));
  }

  private static double[][] rotated(
      RegressionPart regression, double[][] covariance, boolean[] mask) {
    if (covariance == null || regression == null || !regression.rotated()) {
      return covariance;
    }
    return regression.rotateCovariance(covariance, mask);
  }

  private static double[][] scaledHessian(double[][] h, int used) {
    double[][] out = new double[h.length][h.length];
    for (int i = 0; i < h.length; i++) {
      for (int j = 0; j < h.length; j++) {
        out[i][j] = h[i][j] * used;
      }
    }
    return out;
  }

  private static double[][] restrict(double[][] a, int[] free) {
    double[][] out = new double[free.length][free.length];
    for (int i = 0; i < free.length; i++) {
      for (int j = 0; j < free.length; j++) {
        out[i][j] = a[free[i]][free[j]];
      }
    }
    return out;
  }

  /** {@code a' b}. */
  private static double[][] multiplyTransposed(double[][] a, double[][] b) {
    int n = a[0].length;
    int m = b[0].length;
    double[][] out = new double[n][m];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        double s = 0;
        for (int l = 0; l < a.length; l++) {
          s += a[l][i] * b[l][j];
        }
        out[i][j] = s;
      }
    }
    return out;
  }

  private static double[][] identity(int n) {
    double[][] out = new double[n][n];
    for (int i = 0; i < n; i++) {
      out[i][i] = 1;
    }
    return out;
  }

  private static double[] pick(double[] v, int[] idx) {
    double[] out = new double[idx.length];
    for (int i = 0; i < idx.length; i++) {
      out[i] = v[idx[i]];
    }
    return out;
  }

  private static void put(double[] v, int[] idx, double[] values) {
    for (int i = 0; i < idx.length; i++) {
      v[idx[i]] = values[i];
    }
  }
}
