package io.gridcast.forecast.arima;

import java.util.function.Supplier;

/**
 * What an estimation produced, before {@link ArimaModel} adds R's {@code Arima} figures.
 *
 * @param layout orders, period, number of regression coefficients
 * @param coefficients the parameter vector in R's order, regression coefficients last
 * @param names R's names of the coefficients
 * @param free which coefficients were estimated
 * @param sigma2 {@code S / n*} (ML) or the conditional mean square (CSS)
 * @param logLikelihood {@code -0.5 (2 n* f + n* + n* log 2 pi)}, {@code f} the minimised objective
 * @param aic {@code -2 logLik + 2 (free + 1)}; NaN for CSS
 * @param used {@code n*}, observations after differencing
 * @param covariance the coefficients' covariance (free ones, {@code (n* H)^-1} mapped through the
 *     transform's Jacobian); null when nothing was estimated or while it is pending
 * @param pendingCovariance computes the covariance on demand (the automatic search needs it only
 *     for candidates that would win); null when computed or nothing was estimated
 * @param residuals standardised innovations {@code v / sqrt(F)} (ML) or conditional residuals
 * @param converged false when an optimiser ran out of iterations
 * @param state the filter's final state
 */
record ArimaEstimate(
    ArmaLayout layout,
    double[] coefficients,
    String[] names,
    boolean[] free,
    double sigma2,
    double logLikelihood,
    double aic,
    int used,
    double[][] covariance,
    Supplier<double[][]> pendingCovariance,
    double[] residuals,
    boolean converged,
    ArimaState state) {

  /** Number of estimated coefficients. */
  int freeCount() {
    int k = 0;
    for (boolean f : free) {
      k += f ? 1 : 0;
    }
    return k;
  }
}
