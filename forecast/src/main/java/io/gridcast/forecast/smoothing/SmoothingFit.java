package io.gridcast.forecast.smoothing;

import io.gridcast.forecast.model.FittedModel;
import io.gridcast.forecast.model.GaussianInterval;
import io.gridcast.forecast.model.ModelSpec;
import io.gridcast.forecast.model.PredictionInterval;
import java.util.Optional;

/**
 * A fitted exponential smoothing model: final states and resolved parameters.
 *
 * <p>Forecast {@code f(h) = (l + phi_h b) + s} (additive) or {@code (l + phi_h b) * s}
 * (multiplicative), {@code phi_h = phi + ... + phi^h}. Interval for models without a multiplicative
 * component (Hyndman et al. 2008, class 1): {@code var(h) = sigma² (1 + sum_{j<h} c_j²)}, {@code
 * c_j = a + a b_ phi_j + g [j mod m = 0]}.
 */
record SmoothingFit(
    ModelSpec spec,
    double level,
    double slope,
    double[] seasonalAhead,
    boolean multiplicative,
    boolean seasonal,
    int m,
    double alpha,
    double beta,
    double gamma,
    double phi,
    double sigma2,
    int estimatedParameterCount,
    double[] oneStep)
    implements FittedModel {

  /** The one-step forecasts of the recursion from the fitted initial states. */
  @Override
  public Optional<double[]> fittedValues() {
    return Optional.of(oneStep.clone());
  }

  @Override
  public double[] forecast(int horizon) {
    double[] f = new double[horizon];
    double damp = 0;
    double pow = 1;
    for (int h = 0; h < horizon; h++) {
      pow *= phi;
      damp += pow;
      double base = level + damp * slope;
      double s = seasonalAhead[h % seasonalAhead.length];
      f[h] = multiplicative ? base * s : base + s;
    }
    return f;
  }

  @Override
  public Optional<PredictionInterval> interval(int horizon, double level) {
    if (multiplicative) {
      return Optional.empty();
    }
    double[] se = new double[horizon];
    double sum = 0;
    double phiJ = 0;
    double pow = 1;
    for (int h = 0; h < horizon; h++) {
      se[h] = Math.sqrt(sigma2 * (1 + sum));
      int j = h + 1;
      pow *= phi;
      phiJ += pow;
      double c = alpha + alpha * beta * phiJ + (seasonal && j % m == 0 ? gamma : 0);
      sum += c * c;
    }
    return Optional.of(GaussianInterval.of(forecast(horizon), se, level));
  }
}
