package io.gridcast.forecast.ets;

import io.gridcast.forecast.model.FittedModel;
import io.gridcast.forecast.model.NormalQuantile;
import io.gridcast.forecast.model.PredictionInterval;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * An ETS model fitted by maximum likelihood: immutable and thread-safe.
 *
 * <p>Information criteria as R's {@code ets()}, with {@code k} = smoothing parameters + free
 * initial states ({@code m - 1} seasonal) + 1 for the variance, and {@code L* = n log(SSE) + 2 sum
 * log|mu|} (the last term for multiplicative error only): {@code logLik = -L* / 2}, {@code AIC = L*
 * + 2k}, {@code AICc = AIC + 2k(k+1)/(n-k-1)}, {@code BIC = L* + k log n}. {@code sigma2 = SSE / (n
 * - k + 1)} (the residuals are relative errors for multiplicative error). A perfect fit (SSE = 0)
 * is reported with {@code L* = -1e10}, as R's optimiser caps it, so every figure stays finite.
 */
public final class EtsModel implements FittedModel {
  private final EtsSpec spec;
  private final EtsStructure structure;
  private final int period;
  private final double alpha;
  private final double beta;
  private final double gamma;
  private final double phi;
  private final double[] finalState;
  private final int n;
  private final int k;
  private final double lik;
  private final double sigma2;
  private final double[] oneStep;

  EtsModel(
      EtsSpec spec,
      EtsStructure structure,
      int period,
      double[] smoothing,
      double[] finalState,
      int n,
      double lik,
      double sse,
      double[] oneStep) {
    this.spec = spec;
    this.structure = structure;
    this.period = period;
    this.alpha = smoothing[0];
    this.beta = smoothing[1];
    this.gamma = smoothing[2];
    this.phi = smoothing[3];
    this.finalState = finalState.clone();
    this.n = n;
    this.k = structure.smoothingParameterCount() + structure.freeStateCount(period) + 1;
    this.lik = Double.isNaN(lik) ? Double.POSITIVE_INFINITY : Math.max(lik, -1e10);
    int dof = n - (k - 1);
    this.sigma2 = dof > 0 ? sse / dof : sse / Math.max(n, 1);
    this.oneStep = oneStep;
  }

  /** The one-step means {@code mu(t)} of the filter from the fitted initial state. */
  @Override
  public Optional<double[]> fittedValues() {
    return Optional.of(oneStep.clone());
  }

  @Override
  public EtsSpec spec() {
    return spec;
  }

  /** The structure fitted, e.g. {@link EtsStructure#MAM}. */
  public EtsStructure structure() {
    return structure;
  }

  /** R's label for it, e.g. {@code "ETS(M,A,M)"}. */
  public String method() {
    return structure.method();
  }

  /** Number of observations the fit used. */
  public int observations() {
    return n;
  }

  /** Residual variance as R reports it ({@code sigma2}). */
  public double sigma2() {
    return sigma2;
  }

  /** The log-likelihood as R reports it: {@code -L* / 2}. */
  public double logLikelihood() {
    return -0.5 * lik;
  }

  /** {@code L* + 2k}. */
  public double aic() {
    return lik + 2.0 * k;
  }

  /** {@code L* + k log n}. */
  public double bic() {
    return lik + Math.log(n) * k;
  }

  /** {@code AIC + 2k(k+1)/(n-k-1)}; empty when {@code n <= k + 1} or the fit broke down. */
  @Override
  public OptionalDouble aicc() {
    double v = aicValue(k, n, lik);
    return Double.isFinite(v) ? OptionalDouble.of(v) : OptionalDouble.empty();
  }

  /** AICc as a plain double: +Infinity where {@link #aicc()} is empty. */
  double aiccOrInfinity() {
    return aicValue(k, n, lik);
  }

  double criterion(InformationCriterion ic) {
    double v =
        switch (ic) {
          case AIC -> aic();
          case AICC -> aiccOrInfinity();
          case BIC -> bic();
        };
    return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
  }

  private static double aicValue(int k, int n, double lik) {
    if (n - k - 1 <= 0) {
      return Double.POSITIVE_INFINITY;
    }
    return lik + 2.0 * k + 2.0 * k * (k + 1) / (n - k - 1);
  }

  @Override
  public int estimatedParameterCount() {
    return k;
  }

  /** The state after the last observation, {@code (l, b, s0..s(m-1))}, s0 the most recent. */
  public double[] finalState() {
    return finalState.clone();
  }

  @Override
  public double[] forecast(int horizon) {
    checkHorizon(horizon);
    if (horizon == 0) {
      return new double[0];
    }
    double[][] mv =
        EtsForecastDistribution.meanAndVariance(
            structure, period, alpha, beta, gamma, phi, sigma2, finalState, horizon, false);
    return finite(mv[0]);
  }

  /**
   * Analytic interval {@code mu(h) ± z sqrt(v(h))} from {@link EtsForecastDistribution} (exact for
   * classes 1 and 2, R's second-order approximation for multiplicative season).
   */
  @Override
  public Optional<PredictionInterval> interval(int horizon, double level) {
    checkHorizon(horizon);
    double z = NormalQuantile.twoSided(level);
    double[][] mv =
        EtsForecastDistribution.meanAndVariance(
            structure, period, alpha, beta, gamma, phi, sigma2, finalState, horizon, true);
    double[] mu = finite(mv[0]);
    double[] lo = new double[horizon];
    double[] hi = new double[horizon];
    for (int h = 0; h < horizon; h++) {
      double v = mv[1][h];
      double w = v > 0 && Double.isFinite(v) ? z * Math.sqrt(v) : (v > 0 ? Double.MAX_VALUE : 0);
      lo[h] = clamp(mu[h] - w);
      hi[h] = clamp(mu[h] + w);
    }
    return Optional.of(new PredictionInterval(level, lo, hi));
  }

  private static void checkHorizon(int horizon) {
    if (horizon < 0) {
      throw new IllegalArgumentException("horizon must be >= 0: " + horizon);
    }
  }

  private static double[] finite(double[] v) {
    for (int i = 0; i < v.length; i++) {
      v[i] = clamp(v[i]);
    }
    return v;
  }

  private static double clamp(double v) {
    if (Double.isNaN(v)) {
      return 0;
    }
    return Math.max(-Double.MAX_VALUE, Math.min(Double.MAX_VALUE, v));
  }

  @Override
  public String toString() {
    return method() + " " + spec.parameters() + " logLik=" + logLikelihood() + " AICc=" + aicc();
  }
}
