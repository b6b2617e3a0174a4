package io.gridcast.forecast.model;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Seasonal naive: each future value repeats the observation one season earlier, {@code f(T+h) = y(T
 * + h - m * (floor((h-1)/m) + 1))}; with period 1 it is the plain naive forecast.
 *
 * <p>Interval as R's {@code snaive()}: {@code se(h) = sigma * sqrt(floor((h-1)/m) + 1)}, with
 * {@code sigma²} the mean squared seasonal difference {@code y(t) - y(t-m)}. Needs at least one
 * full season ({@code n >= m}).
 */
public record SeasonalNaive() implements ModelSpec {
  public static final String NAME = "snaive";

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
    int m = Math.max(1, period);
    if (n < m || n < 1) {
      throw new ModelFitException(
          NAME, "needs at least one full season of " + m + " observations, got " + n);
    }
    double[] lastSeason = new double[m];
    System.arraycopy(y, n - m, lastSeason, 0, m);
    double sumSq = 0;
    for (int t = m; t < n; t++) {
      double d = y[t] - y[t - m];
      sumSq += d * d;
    }
    double sigma = n > m ? Math.sqrt(sumSq / (n - m)) : 0;
    double[] oneStep = new double[n];
    Arrays.fill(oneStep, 0, m, Double.NaN);
    System.arraycopy(y, 0, oneStep, m, n - m);
    return new Fitted(this, lastSeason, sigma, oneStep);
  }

  /** {@code oneStep(t) = y(t-m)}, NaN in the first season. */
  private record Fitted(SeasonalNaive spec, double[] lastSeason, double sigma, double[] oneStep)
      implements FittedModel {
    @Override
    public Optional<double[]> fittedValues() {
      return Optional.of(oneStep.clone());
    }

    @Override
    public double[] forecast(int horizon) {
      int m = lastSeason.length;
      double[] f = new double[horizon];
      for (int h = 0; h < horizon; h++) {
        f[h] = lastSeason[h % m];
      }
      return f;
    }

    @Override
    public Optional<PredictionInterval> interval(int horizon, double level) {
      int m = lastSeason.length;
      double[] se = new double[horizon];
      for (int h = 0; h < horizon; h++) {
        se[h] = sigma * Math.sqrt(h / m + 1.0);
      }
      return Optional.of(GaussianInterval.of(forecast(horizon), se, level));
    }
  }
}
