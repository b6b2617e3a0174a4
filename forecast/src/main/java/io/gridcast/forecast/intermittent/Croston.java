package io.gridcast.forecast.intermittent;

import io.gridcast.forecast.model.FittedModel;
import io.gridcast.forecast.model.ModelSpec;
import java.util.Map;

/**
 * Croston's method (1972) for intermittent demand, as R's {@code forecast::croston()}: the non-zero
 * demand sizes and the intervals between them are smoothed separately by SES and the forecast is
 * their ratio {@code z / q}, flat over the horizon.
 *
 * <p>Conventions (R's {@code croston2}): each SES starts at its first element; the first interval
 * is counted from period 0; no demand at all forecasts 0. Negative demand is rejected. A null
 * {@code alpha} is estimated by least in-sample mean squared one-step error in {@code [0.01, 0.5]}.
 * No analytic interval.
 *
 * @param alpha smoothing constant for both sizes and intervals, in (0, 1], or null to estimate
 */
public record Croston(Double alpha) implements ModelSpec {
  public static final String NAME = "croston";

  public Croston {
    if (alpha != null && !(alpha > 0 && alpha <= 1)) {
      throw new IllegalArgumentException("alpha must be in (0, 1]: " + alpha);
    }
  }

  /** From a parameter map: {@code alpha} absent means estimated. */
  public static Croston fromParameters(Map<String, Double> parameters) {
    return new Croston(parameters.get("alpha"));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Map<String, Double> parameters() {
    return alpha == null ? Map.of() : Map.of("alpha", alpha);
  }

  @Override
  public FittedModel fit(double[] y, int n, int period) {
    CrostonCore.check(NAME, y, n);
    double a = alpha != null ? alpha : CrostonCore.estimate(y, n, false);
    double[] oneStep = new double[n];
    double f = CrostonCore.run(y, n, a, false, null, oneStep);
    return new CrostonCore.Flat(new Croston(a), f, oneStep);
  }
}
