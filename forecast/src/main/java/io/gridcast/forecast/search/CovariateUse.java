package io.gridcast.forecast.search;

import io.gridcast.forecast.covariate.CovariateFit;
import io.gridcast.forecast.covariate.CovariateModelSpec;
import io.gridcast.forecast.covariate.Covariates;
import io.gridcast.forecast.model.FittedModel;
import io.gridcast.forecast.model.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How the search hands covariates to the models: the one place where a fit's rows are cut. A fit on
 * the first {@code n'} values that forecasts {@code h} steps gets exactly {@code x.head(n' + h)}:
 * its own history and horizon rows, never a later fold's.
 */
final class CovariateUse {
  private CovariateUse() {}

  /** Fits {@code spec} to {@code y[0..n)}, a covariate model with rows {@code 0..n+h-1}. */
  static FittedModel fit(ModelSpec spec, double[] y, int n, int period, Covariates x, int h) {
    if (spec instanceof CovariateModelSpec c) {
      return c.fit(y, n, period, x.head(Math.min(x.rows(), n + h)));
    }
    return spec.fit(y, n, period);
  }

  /**
   * The candidates that can run: covariate models are left out, with a reason added to {@code
   * skipped}, when the series has no covariates or its future rows do not cover the horizon.
   */
  static List<ModelSpec> usable(
      List<ModelSpec> candidates, Covariates x, int n, int h, List<String> skipped) {
    List<ModelSpec> out = new ArrayList<>(candidates.size());
    for (ModelSpec spec : candidates) {
      if (spec instanceof CovariateModelSpec) {
        String why =
            x.isEmpty()
                ? spec.name() + ": needs covariates, the series has none"
                : x.rows() < n + h
                    ? spec.name()
                        + ": future covariates cover "
                        + Math.max(0, x.rows() - n)
                        + " of "
                        + h
                        + " steps"
                    : null;
        if (why != null) {
          if (!skipped.contains(why)) {
            skipped.add(why);
          }
          continue;
        }
      }
      out.add(spec);
    }
    return out;
  }

  static List<String> names(FittedModel fitted) {
    return fitted instanceof CovariateFit c ? c.covariateNames() : List.of();
  }

  static Map<String, Double> coefficients(FittedModel fitted) {
    return fitted instanceof CovariateFit c ? c.covariateCoefficients() : Map.of();
  }
}
