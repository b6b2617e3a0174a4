package io.gridcast.forecast.covariate;

import io.gridcast.forecast.model.FittedModel;
import io.gridcast.forecast.model.ModelSpec;
import io.gridcast.forecast.model.PredictionInterval;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A covariate model of the form {@code y(t) = sum_j beta_j x_j(t) + r(t)}, with a model of the
 * remainder {@code r}: the forecast is the remainder's plus the covariates' effect on the future
 * rows, {@code yhat(n+s) = rhat(n+s) + sum_j beta_j x_j(n+s)}; the remainder model's interval is
 * shifted by the same effect (the coefficients are treated as known). Immutable.
 */
final class RemainderFit implements CovariateFit {
  private final ModelSpec spec;
  private final FittedModel remainder;
  private final Covariates x;
  private final int n;
  private final double[] beta;

  /**
   * @param x the covariates the fit was given (rows {@code 0..n-1} history, later rows future)
   * @param beta the coefficient of each column of {@code x}
   */
  RemainderFit(ModelSpec spec, FittedModel remainder, Covariates x, int n, double[] beta) {
    this.spec = spec;
    this.remainder = remainder;
    this.x = x;
    this.n = n;
    this.beta = beta.clone();
  }

  @Override
  public ModelSpec spec() {
    return spec;
  }

  @Override
  public List<String> covariateNames() {
    return x.names();
  }

  @Override
  public Map<String, Double> covariateCoefficients() {
    Map<String, Double> out = new LinkedHashMap<>();
    for (int j = 0; j < beta.length; j++) {
      out.put(x.names().get(j), beta[j]);
    }
    return out;
  }

  @Override
  public int coveredHorizon() {
    return x.rows() - n;
  }

  @Override
  public double[] forecast(int horizon) {
    double[] f = remainder.forecast(horizon);
    double[] e = effect(horizon);
    for (int s = 0; s < horizon; s++) {
      f[s] += e[s];
    }
    return f;
  }

  @Override
  public Optional<PredictionInterval> interval(int horizon, double level) {
    double[] e = effect(horizon);
    return remainder
        .interval(horizon, level)
        .map(p -> {
          double[] lo = p.lower();
          double[] hi = p.upper();
          for (int s = 0; s < horizon; s++) {
            lo[s] += e[s];
            hi[s] += e[s];
          }
          return new PredictionInterval(p.level(), lo, hi);
        });
  }

  @Override
  public Optional<double[]> fittedValues() {
    return remainder
        .fittedValues()
        .map(f -> {
          double[][] c = x.columns();
          for (int t = 0; t < f.length; t++) {
            for (int j = 0; j < beta.length; j++) {
              f[t] += beta[j] * c[j][t];
            }
          }
          return f;
        });
  }

  @Override
  public int estimatedParameterCount() {
    return remainder.estimatedParameterCount() + beta.length;
  }

  @Override
  public OptionalDouble aicc() {
    return OptionalDouble.empty();
  }

  /** {@code sum_j beta_j x_j(n+s)}, {@code s = 0..horizon-1}. */
  private double[] effect(int horizon) {
    if (n + horizon > x.rows()) {
      throw new MissingCovariateRowsException(spec.name(), n, horizon, x.rows());
    }
    double[][] c = x.columns();
    double[] e = new double[horizon];
    for (int s = 0; s < horizon; s++) {
      for (int j = 0; j < beta.length; j++) {
        e[s] += beta[j] * c[j][n + s];
      }
    }
    return e;
  }
}
