package io.gridcast.forecast.covariate;

import io.gridcast.forecast.ets.EtsSpec;
import io.gridcast.forecast.model.FittedModel;
import io.gridcast.forecast.model.ModelFitException;
import java.util.Map;

/**
 * ETS with a linear effect of the covariates: the coefficients {@code beta} come from the least
 * squares regression of {@code y} on an intercept and the covariates over the history, and
 * automatic ETS (R's {@code ets()}) models the remainder {@code r(t) = y(t) - sum_j beta_j x_j(t)},
 * intercept included, so its level carries the mean:
 *
 * <pre>
 *   yhat(n+s) = ets_r(n+s | n) + sum_j beta_j x_j(n+s)
 * </pre>
 *
 * With {@code squares}, the centred squares of continuous covariates ({@link QuadraticTerms}) join
 * them. A covariate that cannot be estimated on the history (constant there, as a holiday outside
 * it, or collinear with the others) gets coefficient 0. Immutable and thread-safe.
 *
 * @param squares add {@code <name>^2} for each continuous covariate
 */
public record EtsXSpec(boolean squares) implements CovariateModelSpec {
  /** Registry name. */
  public static final String NAME = "ets_x";

  /** With the squares of continuous covariates. */
  public static EtsXSpec defaults() {
    return new EtsXSpec(true);
  }

  /**
   * From a parameter map: {@code squares} (0 or 1, default 1).
   *
   * @throws IllegalArgumentException for another value
   */
  public static EtsXSpec fromParameters(Map<String, Double> p) {
    return new EtsXSpec(QuadraticTerms.flag(p, "squares"));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Map<String, Double> parameters() {
    return Map.of("squares", squares ? 1.0 : 0.0);
  }

  @Override
  public CovariateFit fit(double[] y, int n, int period, Covariates given) {
    CovariateModelSpec.requireRows(NAME, n, given);
    Covariates x = squares ? QuadraticTerms.expand(given, n) : given;
    int k = x.count();
    double[][] c = x.columns();
    double[][] design = new double[n][k + 1];
    for (int t = 0; t < n; t++) {
      design[t][0] = 1;
      for (int j = 0; j < k; j++) {
        design[t][j + 1] = c[j][t];
      }
    }
    LinearFit lf;
    try {
      lf = LinearFit.of(design, y, n);
    } catch (IllegalArgumentException e) {
      throw new ModelFitException(NAME, e.getMessage());
    }
    double[] beta = new double[k];
    System.arraycopy(lf.coefficients(), 1, beta, 0, k);
    double[] r = new double[n];
    for (int t = 0; t < n; t++) {
      r[t] = y[t];
      for (int j = 0; j < k; j++) {
        r[t] -= beta[j] * c[j][t];
      }
    }
    FittedModel ets = EtsSpec.auto().fit(r, n, period);
    return new RemainderFit(this, ets, x, n, beta);
  }
}
