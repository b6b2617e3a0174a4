package io.gridcast.forecast.model;

/**
 * Builds symmetric normal prediction intervals {@code mean ± z(level) * se} from point forecasts
 * and forecast standard errors; shared by the models that have an analytic interval.
 */
public final class GaussianInterval {
  private GaussianInterval() {}

  /**
   * {@code lower[h] = mean[h] - z * se[h]}, {@code upper[h] = mean[h] + z * se[h]} with {@code z}
   * the two-sided normal quantile for {@code level}.
   */
  public static PredictionInterval of(double[] mean, double[] standardError, double level) {
    return scaled(mean, standardError, NormalQuantile.twoSided(level), level);
  }

  /** As {@link #of} with an explicit multiplier (e.g. a Student-t quantile). */
  public static PredictionInterval scaled(
      double[] mean, double[] standardError, double multiplier, double level) {
    double[] lo = new double[mean.length];
    double[] hi = new double[mean.length];
    for (int h = 0; h < mean.length; h++) {
      double w = multiplier * standardError[h];
      lo[h] = mean[h] - w;
      hi[h] = mean[h] + w;
    }
    return new PredictionInterval(level, lo, hi);
  }
}
