package io.gridcast.forecast.model;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Historical mean (R's {@code meanf()}): {@code f(T+h) = (1/T) * sum y(t)}.
 *
 * <p>Interval: {@code mean ± t(T-1) * s * sqrt(1 + 1/T)} with {@code s} the sample standard
 * deviation and {@code t(T-1)} the Student-t quantile ({@link StudentQuantile}); empty for one
 * observation.
 */
public record Mean() implements ModelSpec {
  public static final String NAME = "mean";

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
    double sum = 0;
    for (int t = 0; t < n; t++) {
      sum += y[t];
    }
    double mean = sum / n;
    double ss = 0;
    for (int t = 0; t < n; t++) {
      double d = y[t] - mean;
      ss += d * d;
    }
    double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
    return new Fitted(this, mean, sd, n);
  }

  /** Every in-sample forecast is the mean of all {@code n} values (R's {@code meanf()}). */
  private record Fitted(Mean spec, double mean, double sd, int n) implements FittedModel {
    @Override
    public Optional<double[]> fittedValues() {
      double[] f = new double[n];
      Arrays.fill(f, mean);
      return Optional.of(f);
    }

    @Override
    public double[] forecast(int horizon) {
      double[] f = new double[horizon];
      Arrays.fill(f, mean);
      return f;
    }

    @Override
    public Optional<PredictionInterval> interval(int horizon, double level) {
      if (n < 2) {
        return Optional.empty();
      }
      double[] se = new double[horizon];
      Arrays.fill(se, sd * Math.sqrt(1 + 1.0 / n));
      double t = StudentQuantile.twoSided(level, n - 1);
      return Optional.of(GaussianInterval.scaled(forecast(horizon), se, t, level));
    }
  }
}
