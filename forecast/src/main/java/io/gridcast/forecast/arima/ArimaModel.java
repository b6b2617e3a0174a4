package io.gridcast.forecast.arima;

import io.gridcast.forecast.model.FittedModel;
import io.gridcast.forecast.model.NormalQuantile;
import io.gridcast.forecast.model.PredictionInterval;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A fitted ARIMA model with R's {@code forecast::Arima} figures. With {@code k} = estimated
 * coefficients + 1 and {@code n* = n - d - mD}:
 *
 * <pre>
 *   AIC  = -2 logLik + 2k,   AICc = AIC + 2k(k+1) / (n* - k - 1),   BIC = AIC + k (log n* - 2)
 *   sigma2 = sum(v(t) / sqrt(F(t)))^2 / (n* - k + 1)     (every step, the diffuse ones included)
 * </pre>
 *
 * Forecasts are the Kalman predictions of the ARIMA part plus the regression part, {@code y(n+h) =
 * Z a(n+h) + c(n+h)}, with variance {@code sigma2 Z P(n+h) Z'}; intervals {@code y +- z sqrt(var)}
 * (R's {@code forecast.Arima}).
 *
 * <p>The in-sample one-step forecasts are R's {@code fitted(Arima(...))}, {@code yhat(t) = y(t) -
 * e(t)} with {@code e(t) = v(t) / sqrt(F(t))} the filter's standardised innovation of the
 * regression errors (the Kalman prediction {@code Z a(t|t-1)} plus the regression part {@code
 * c(t)}, up to R's scaling of the innovation); for a CSS fit {@code e(t)} is the conditional
 * residual. NaN where the model has no forecast: the first {@code d + mD} values (the diffuse
 * start, whose innovations R shrinks by {@code sqrt(1e6)}), and for CSS the first {@code d + mD + p
 * + mP} (the conditioning values). Immutable and thread-safe.
 */
public final class ArimaModel implements FittedModel {
  private final ArimaSpec spec;
  private final ArimaEstimate estimate;
  private final int n;
  private final double[] y;
  private final boolean drift;
  private final int external;
  private final int npar;
  private final int nstar;
  private final double sigma2;
  private final double aicc;
  private final double bic;

  ArimaModel(
      ArimaSpec asked, ArimaEstimate estimate, double[] y, int n, boolean drift, int external) {
    this.estimate = estimate;
    this.n = n;
    this.y = Arrays.copyOf(y, n);
    this.drift = drift;
    this.external = external;
    this.npar = estimate.freeCount() + 1;
    ArmaLayout l = estimate.layout();
    this.nstar = n - l.differencingLength();
    double ss = 0;
    for (double r : estimate.residuals()) {
      ss += r * r;
    }
    this.sigma2 = ss / (nstar - npar + 1);
    double aic = estimate.aic();
    this.aicc = aic + 2.0 * npar * ((double) nstar / (nstar - npar - 1) - 1);
    this.bic = aic + npar * (Math.log(nstar) - 2);
    Map<String, Double> coef = new LinkedHashMap<>();
    for (int i = 0; i < estimate.names().length; i++) {
      coef.put(estimate.names()[i], estimate.coefficients()[i]);
    }
    this.spec =
        new ArimaSpec(
            asked.order(), asked.includeMean(), asked.includeDrift(), coef, asked.method());
  }

  /** The spec asked for, with every coefficient resolved (refitting it needs no optimisation). */
  @Override
  public ArimaSpec spec() {
    return spec;
  }

  /** The orders fitted (the seasonal part dropped on a series of period 1). */
  public ArimaOrder order() {
    return estimate.layout().order();
  }

  /** The seasonal period used. */
  public int period() {
    return estimate.layout().period();
  }

  /** R's label, e.g. {@code ARIMA(0,1,1)(0,1,1)[12] with drift}. */
  public String label() {
    String s = order().label(period());
    if (coefficients().containsKey("intercept")) {
      return s + " with non-zero mean";
    }
    return drift ? s + " with drift" : s;
  }

  /** Coefficients by R's name, in R's order. */
  public Map<String, Double> coefficients() {
    return Collections.unmodifiableMap(spec.coefficients());
  }

  /** The log-likelihood as R reports it (CSS: the conditional one). */
  public double logLikelihood() {
    return estimate.logLikelihood();
  }

  /** {@code -2 logLik + 2k}; NaN for a CSS fit. */
  public double aic() {
    return estimate.aic();
  }

  /** {@code AIC + k (log n* - 2)}; NaN for a CSS fit. */
  public double bic() {
    return bic;
  }

  /** AICc, NaN for a CSS fit or when {@code n* <= k + 1}. */
  public double aiccValue() {
    return aicc;
  }

  @Override
  public OptionalDouble aicc() {
    return Double.isFinite(aicc) ? OptionalDouble.of(aicc) : OptionalDouble.empty();
  }

  /** The innovation variance as R's {@code Arima} reports it. */
  public double sigma2() {
    return sigma2;
  }

  /** The variance the estimation itself reported ({@code S / n*}, or the CSS mean square). */
  double estimationSigma2() {
    return estimate.sigma2();
  }

  /** Observations after differencing, {@code n*}. */
  public int observationsUsed() {
    return nstar;
  }

  /** Standardised innovations {@code v(t) / sqrt(F(t))}, one per observation. */
  public double[] residuals() {
    return estimate.residuals().clone();
  }

  /**
   * Covariance of the estimated coefficients (in R's order, fixed ones left out), from the
   * finite-difference Hessian; empty when nothing was estimated.
   */
  public Optional<double[][]> coefficientCovariance() {
    double[][] c = estimate.covariance();
    if (c == null) {
      return Optional.empty();
    }
    double[][] out = new double[c.length][];
    for (int i = 0; i < c.length; i++) {
      out[i] = c[i].clone();
    }
    return Optional.of(out);
  }

  /**
   * R's {@code fitted()}: {@code y(t) - e(t)}, NaN over the diffuse start ({@code t < d + mD}) or,
   * for a CSS fit, the conditioning values ({@code t < d + mD + p + mP}).
   */
  @Override
  public Optional<double[]> fittedValues() {
    ArmaLayout l = estimate.layout();
    int start =
        spec.method() == ArimaMethod.CSS
            ? l.differencingLength() + l.phiLength()
            : l.differencingLength();
    double[] e = estimate.residuals();
    double[] out = new double[n];
    for (int t = 0; t < n; t++) {
      out[t] = t < start ? Double.NaN : y[t] - e[t];
    }
    return Optional.of(out);
  }

  /** Number of external regressors the model needs rows of to forecast. */
  public int regressorCount() {
    return external;
  }

  /** Whether the optimisers converged within their iteration budgets. */
  public boolean converged() {
    return estimate.converged();
  }

  ArimaEstimate estimate() {
    return estimate;
  }

  @Override
  public int estimatedParameterCount() {
    return npar;
  }

  /**
   * Point forecasts for steps 1..horizon.
   *
   * @throws IllegalStateException when the model has external regressors (use {@link #forecast(int,
   *     double[][])})
   */
  @Override
  public double[] forecast(int horizon) {
    return forecast(horizon, null);
  }

  /**
   * Point forecasts with the future regressor rows {@code xreg[h][j]}, {@code h < horizon}.
   *
   * @throws IllegalArgumentException when the rows are missing or of the wrong width
   */
  public double[] forecast(int horizon, double[][] xreg) {
    checkHorizon(horizon);
    double[] mean = estimate.state().forecast(horizon, false)[0];
    addRegression(mean, xreg);
    return mean;
  }

  @Override
  public Optional<PredictionInterval> interval(int horizon, double level) {
    return Optional.of(interval(horizon, level, null));
  }

  /** The interval {@code mean +- z(level) sqrt(sigma2 var(h))} with future regressor rows. */
  public PredictionInterval interval(int horizon, double level, double[][] xreg) {
    checkHorizon(horizon);
    double z = NormalQuantile.twoSided(level);
    double[][] mv = estimate.state().forecast(horizon, true);
    double[] mean = mv[0];
    addRegression(mean, xreg);
    double[] lo = new double[horizon];
    double[] hi = new double[horizon];
    for (int h = 0; h < horizon; h++) {
      double w = z * Math.sqrt(mv[1][h] * sigma2);
      lo[h] = mean[h] - w;
      hi[h] = mean[h] + w;
    }
    return new PredictionInterval(level, lo, hi);
  }

  private void addRegression(double[] mean, double[][] xreg) {
    int horizon = mean.length;
    if (external > 0) {
      if (xreg == null || xreg.length < horizon) {
        throw new IllegalArgumentException(
            "this model has "
                + external
                + " regressors: forecasting "
                + horizon
                + " steps needs that many future rows, got "
                + (xreg == null ? "none" : xreg.length));
      }
    }
    Map<String, Double> coef = spec.coefficients();
    double mu = coef.getOrDefault("intercept", 0.0);
    double slope = drift ? coef.get("drift") : 0.0;
    for (int h = 0; h < horizon; h++) {
      double c = mu + slope * (n + h + 1);
      for (int j = 0; j < external; j++) {
        if (xreg[h].length != external) {
          throw new IllegalArgumentException(
              "future regressor row "
                  + h
                  + " has "
                  + xreg[h].length
                  + " values, expected "
                  + external);
        }
        c += xreg[h][j] * coef.get("xreg" + (j + 1));
      }
      mean[h] += c;
    }
  }

  private static void checkHorizon(int horizon) {
    if (horizon < 0) {
      throw new IllegalArgumentException("horizon must be >= 0: " + horizon);
    }
  }

  @Override
  public String toString() {
    return label() + " " + coefficients() + " logLik=" + logLikelihood() + " AICc=" + aicc;
  }
}
