package io.gridcast.forecast.model;

import java.util.Map;
import java.util.Optional;

/**
 * Random walk with drift (R's {@code rwf(drift = TRUE)}): {@code f(T+h) = y(T) + h * b} with {@code
 * b = (y(T) - y(1)) / (T - 1)}, the mean one-step difference.
 *
 * <p>Interval: {@code se(h) = sigma * sqrt(h + h² / (T - 1))}, where {@code sigma} is the standard
 * deviation of the one-step differences around {@code b} (denominator {@code T - 2}) and the second
 * term is the uncertainty of the estimated drift. With one observation the drift is zero and the
 * interval is empty; with two the interval has zero width.
 */
public record Drift() implements ModelSpec {
  public static final String NAME = "drift";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Map<String, Double> parameters() {
    return Map.of();
  }

  @Override
  public FittedModel fit(double[] y, int n, int period) {
    if (n < 1) {
      throw new ModelFitException(NAME, "needs at least 1 observation, got " + n);
    }
    double slope = n > 1 ? (y[n - 1] - y[0]) / (n - 1) : 0;
    double sumSq = 0;
    for (int t = 1; t < n; t++) {
      double d = y[t] - y[t - 1] - slope;
      sumSq += d * d;
    }
    double sigma = n > 2 ? Math.sqrt(sumSq / (n - 2)) : 0;
    double[] oneStep = new double[n];
    oneStep[0] = Double.NaN;
    for (int t = 1; t < n; t++) {
      oneStep[t] = y[t - 1] + slope;
    }
    return new Fitted(this, y[n - 1], slope, sigma, n, oneStep);
  }

  /** {@code oneStep(t) = y(t-1) + b} (R's {@code rwf(drift = TRUE)}), NaN at {@code t = 0}. */
  private record Fitted(
      Drift spec, double last, double slope, double sigma, int n, double[] oneStep)
      implements FittedModel {
    @Override
    public Optional<double[]> fittedValues() {
      return Optional.of(oneStep.clone());
    }

    @Override
    public double[] forecast(int horizon) {
      double[] f = new double[horizon];
      for (int h = 0; h < horizon; h++) {
        f[h] = last + (h + 1) * slope;
      }
      return f;
    }

    @Override
    public Optional<PredictionInterval> interval(int horizon, double level) {
      if (n < 2) {
        return Optional.empty();
      }
      double[] se = new double[horizon];
      for (int h = 0; h < horizon; h++) {
        double steps = h + 1.0;
        se[h] = sigma * Math.sqrt(steps + steps * steps / (n - 1));
      }
      return Optional.of(GaussianInterval.of(forecast(horizon), se, level));
    }
  }
}
