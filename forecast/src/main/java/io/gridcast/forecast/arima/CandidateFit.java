package io.gridcast.forecast.arima;

import io.gridcast.forecast.model.ModelFitException;
import io.gridcast.forecast.optim.OptimizationException;

/**
 * One candidate of the automatic search, fitted and scored as R's {@code auto.arima} does it
 * ({@code myarima}): a constant is a mean when {@code d + D = 0} and a drift when {@code d + D =
 * 1}; with {@code k} estimated coefficients + 1 and {@code n* = n - d - mD},
 *
 * <pre>
 *   AICc = AIC + 2k(k+1) / (n* - k - 1)
 *   AIC  = offset + n* log(sigma2) + 2k     (CSS approximation)
 * </pre>
 *
 * The score is infinite when the fit fails, when a root of the AR or MA polynomial lies within
 * modulus 1.01 (too close to non-stationarity or non-invertibility), or, once {@link #confirmed},
 * when a coefficient's estimated variance is negative.
 *
 * @param order the orders
 * @param constant whether a mean or drift was included
 * @param ic the score (AICc; AIC on very short series); +Infinity when rejected
 * @param model the fitted model, null when the fit failed
 */
record CandidateFit(ArimaOrder order, boolean constant, double ic, ArimaModel model) {
  private static final double ROOT_MARGIN = 1.01;

  /** The information criterion the search ranks by. */
  enum Criterion {
    AICC,
    AIC,
    BIC
  }

  /**
   * Fits {@code order} to {@code y[0..n)}.
   *
   * @param approximate CSS instead of CSS-ML, with {@code offset} added to the AIC
   */
  static CandidateFit of(
      double[] y,
      int n,
      int period,
      ArimaOrder order,
      boolean constant,
      Criterion criterion,
      boolean approximate,
      double offset) {
    return of(y, n, period, order, constant, criterion, approximate, offset, null);
  }

  /** As the other {@code of}, with regressors {@code xreg} ({@code n x k}; null for none). */
  static CandidateFit of(
      double[] y,
      int n,
      int period,
      ArimaOrder order,
      boolean constant,
      Criterion criterion,
      boolean approximate,
      double offset,
      double[][] xreg) {
    int diffs = order.differences();
    ArimaSpec spec =
        ArimaSpec.of(order)
            .withMean(constant)
            .withDrift(constant && diffs == 1)
            .withMethod(approximate ? ArimaMethod.CSS : ArimaMethod.CSS_ML);
    ArimaModel m;
    try {
      m = spec.fit(y, n, period, xreg, true);
    } catch (ModelFitException e) {
      return new CandidateFit(order, constant, Double.POSITIVE_INFINITY, null);
    }
    ArimaEstimate e = m.estimate();
    int nstar = n - order.d() - order.seasonalD() * (order.seasonal() ? period : 1);
    int npar = e.freeCount() + 1;
    double aic = approximate ? offset + nstar * Math.log(e.sigma2()) + 2 * npar : e.aic();
    double ic;
    if (Double.isNaN(aic)) {
      ic = Double.POSITIVE_INFINITY;
    } else {
      ic =
          switch (criterion) {
            case AICC -> aic + 2.0 * npar * (npar + 1) / (nstar - npar - 1);
            case AIC -> aic;
            case BIC -> aic + npar * (Math.log(nstar) - 2);
          };
    }
    ArimaState s = e.state();
    boolean bad = false;
    if (order.p() + order.seasonalP() > 0) {
      bad = ArmaRoots.rootInside(s.phi(), s.phi().length, 1, ROOT_MARGIN);
    }
    if (!bad && order.q() + order.seasonalQ() > 0 && ic < Double.POSITIVE_INFINITY) {
      bad = ArmaRoots.rootInside(s.theta(), s.theta().length, -1, ROOT_MARGIN);
    }
    if (bad || negativeVariance(e.covariance())) {
      ic = Double.POSITIVE_INFINITY;
    }
    return new CandidateFit(order, constant, ic, m);
  }

  /**
   * This candidate with the variance check done: its score becomes infinite when a coefficient's
   * estimated variance is negative or the Hessian is singular (R's fit would have failed).
   * Candidates are scored before that check, which costs a Hessian, and confirmed only when they
   * would win.
   */
  CandidateFit confirmed() {
    if (model == null
        || model.estimate().pendingCovariance() == null
        || ic == Double.POSITIVE_INFINITY) {
      return this;
    }
    double[][] cov;
    try {
      cov = model.estimate().pendingCovariance().get();
    } catch (LuSolver.SingularMatrixException | OptimizationException e) {
      return new CandidateFit(order, constant, Double.POSITIVE_INFINITY, null);
    }
    return new CandidateFit(
        order, constant, negativeVariance(cov) ? Double.POSITIVE_INFINITY : ic, model);
  }

  private static boolean negativeVariance(double[][] cov) {
    if (cov == null) {
      return false;
    }
    for (int i = 0; i < cov.length; i++) {
      if (!(cov[i][i] >= 0)) {
        return true;
      }
    }
    return false;
  }
}
