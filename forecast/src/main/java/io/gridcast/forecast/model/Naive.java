package io.gridcast.forecast.model;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Naive forecast: every future value equals the last observation, {@code f(T+h) = y(T)}.
 *
 * <p>Analytic interval as a random walk: {@code y(T) ± z * sigma * sqrt(h)}, with {@code sigma²}
 * the mean squared one-step difference (R's {@code naive()}).
 */
public record Naive() implements ModelSpec {
  public static final String NAME = "naive";

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
    double sumSq = 0;
    for (int t = 1; t < n; t++) {
      double d = y[t] - y[t - 1];
      sumSq += d * d;
    }
    double sigma = n > 1 ? Math.sqrt(sumSq / (n - 1)) : 0;
    double[] oneStep = new double[n];
    oneStep[0] = Double.NaN;
    System.arraycopy(y, 0, oneStep, 1, n - 1);
    return new Fitted(this, y[n - 1], sigma, oneStep);
  }

  /** {@code oneStep(t) = y(t-1)}, NaN at {@code t = 0}. */
  private record Fitted(Naive spec, double last, double sigma, double[] oneStep)
      implements FittedModel {
    @Override
    public Optional<double[]> fittedValues() {
      return Optional.of(oneStep.clone());
    }

    @Override
    public double[] forecast(int horizon) {
      double[] f = new double[horizon];
      Arrays.fill(f, last);
      return f;
    }

    @Override
    public Optional<PredictionInterval> interval(int horizon, double level) {
      double z = NormalQuantile.twoSided(level);
      double[] lo = new double[horizon];
      double[] hi = new double[horizon];
      for (int h = 0; h < horizon; h++) {
        double w = z * sigma * Math.sqrt(h + 1.0);
        lo[h] = last - w;
        hi[h] = last + w;
      }
      return Optional.of(new PredictionInterval(level, lo, hi));
    }
  }
}
