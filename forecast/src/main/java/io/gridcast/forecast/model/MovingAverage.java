package io.gridcast.forecast.model;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Trailing moving average: every future value is the mean of the last {@code window} observations
 * (fewer when the series is shorter). No analytic interval.
 *
 * <p>When {@code window} is null it is estimated: the window in {@code 1..min(n - 1, }{@value
 * #MAX_WINDOW}{@code )} with the least in-sample one-step squared error, where the forecast of
 * {@code y(t)} is the mean of the {@code w} values before it (only steps {@code t >= w} count, mean
 * squared error compared across windows).
 *
 * @param window number of trailing observations averaged, at least 1; null to estimate
 */
public record MovingAverage(Integer window) implements ModelSpec {
  public static final String NAME = "moving_average";

  /** Largest window the estimation tries. */
  public static final int MAX_WINDOW = 52;

  public MovingAverage {
    if (window != null && window < 1) {
      throw new IllegalArgumentException("window must be at least 1: " + window);
    }
  }

  /** Builds the spec from a parameter map ({@code window} absent means estimated). */
  public static MovingAverage fromParameters(Map<String, Double> parameters) {
    Double w = parameters.get("window");
    if (w != null && (w != Math.rint(w) || w < 1)) {
      throw new IllegalArgumentException("window must be a positive integer: " + w);
    }
    return new MovingAverage(w == null ? null : w.intValue());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Map<String, Double> parameters() {
    return window == null ? Map.of() : Map.of("window", window.doubleValue());
  }

  @Override
  public FittedModel fit(double[] y, int n, int period) {
    if (n < 1) {
      throw new ModelFitException(NAME, "needs at least 1 observation, got " + n);
    }
    int w = window != null ? window : bestWindow(y, n);
    int used = Math.min(w, n);
    double sum = 0;
    for (int t = n - used; t < n; t++) {
      sum += y[t];
    }
    return new Fitted(new MovingAverage(w), sum / used, oneStep(y, n, w));
  }

  /** The mean of the {@code min(t, w)} values before {@code t}; NaN at {@code t = 0}. */
  private static double[] oneStep(double[] y, int n, int w) {
    double[] f = new double[n];
    f[0] = Double.NaN;
    double sum = 0;
    for (int t = 1; t < n; t++) {
      sum += y[t - 1];
      if (t > w) {
        sum -= y[t - 1 - w];
      }
      f[t] = sum / Math.min(t, w);
    }
    return f;
  }

  private static int bestWindow(double[] y, int n) {
    int maxW = Math.min(n - 1, MAX_WINDOW);
    if (maxW < 1) {
      return 1;
    }
    int best = 1;
    double bestMse = Double.POSITIVE_INFINITY;
    for (int w = 1; w <= maxW; w++) {
      double sum = 0;
      for (int t = 0; t < w; t++) {
        sum += y[t];
      }
      double sse = 0;
      for (int t = w; t < n; t++) {
        double e = y[t] - sum / w;
        sse += e * e;
        sum += y[t] - y[t - w];
      }
      double mse = sse / (n - w);
      if (mse < bestMse) {
        bestMse = mse;
        best = w;
      }
    }
    return best;
  }

  private record Fitted(MovingAverage spec, double level, double[] oneStep) implements FittedModel {
    @Override
    public Optional<double[]> fittedValues() {
      return Optional.of(oneStep.clone());
    }

    @Override
    public double[] forecast(int horizon) {
      double[] f = new double[horizon];
      Arrays.fill(f, level);
      return f;
    }
  }
}
