package io.gridcast.forecast.hierarchy;

import io.gridcast.forecast.model.NormalQuantile;
import io.gridcast.forecast.model.PredictionInterval;
import io.gridcast.forecast.search.OptimizationResult;

/**
 * One node's base forecast, as its own model made it: point forecasts per step, optionally their
 * standard errors and the model's in-sample one-step residuals. Immutable; accessors copy.
 *
 * @param mean point forecasts for steps 1..h
 * @param standardError per step, or empty when unknown (then no reconciled interval is given)
 * @param residuals in-sample one-step residuals {@code y(t) - yhat(t | t-1)} (NaN where the model
 *     has none), or empty; every node's residuals end at the same time (the last observation)
 */
public record BaseForecast(double[] mean, double[] standardError, double[] residuals) {
  public BaseForecast {
    mean = mean.clone();
    standardError = standardError.clone();
    residuals = residuals.clone();
    if (mean.length == 0) {
      throw new IllegalArgumentException("a base forecast needs at least one step");
    }
    if (standardError.length != 0 && standardError.length != mean.length) {
      throw new IllegalArgumentException(
          "standard errors for " + standardError.length + " steps, forecasts for " + mean.length);
    }
  }

  /** Point forecasts only. */
  public static BaseForecast of(double... mean) {
    return new BaseForecast(mean, new double[0], new double[0]);
  }

  /** This forecast with standard errors per step. */
  public BaseForecast withStandardError(double... standardError) {
    return new BaseForecast(mean, standardError, residuals);
  }

  /**
   * This forecast with standard errors read from an interval's upper bounds, {@code se(h) =
   * (upper(h) - mean(h)) / z}, {@code z} the two-sided normal quantile of its level.
   */
  public BaseForecast withInterval(PredictionInterval interval) {
    if (interval.upper().length != mean.length) {
      throw new IllegalArgumentException(
          "interval for " + interval.upper().length + " steps, forecasts for " + mean.length);
    }
    return withStandardError(standardErrors(mean, interval));
  }

  /** This forecast with in-sample one-step residuals. */
  public BaseForecast withResiduals(double... residuals) {
    return new BaseForecast(mean, standardError, residuals);
  }

  /**
   * From a search result: its forecast, its residuals, and standard errors read from the upper
   * bound of its 95% interval, {@code se(h) = (upper(h) - mean(h)) / z(0.975)} (the upper bound,
   * because the lower one may be clamped at zero).
   */
  public static BaseForecast of(OptimizationResult result) {
    return of(result.forecast())
        .withInterval(result.interval95())
        .withResiduals(result.residuals());
  }

  /** {@code (upper - mean) / z(level)} per step, at least 0. */
  public static double[] standardErrors(double[] mean, PredictionInterval interval) {
    double z = NormalQuantile.twoSided(interval.level());
    double[] upper = interval.upper();
    double[] se = new double[mean.length];
    for (int h = 0; h < mean.length; h++) {
      se[h] = Math.max(0, (upper[h] - mean[h]) / z);
    }
    return se;
  }

  @Override
  public double[] mean() {
    return mean.clone();
  }

  @Override
  public double[] standardError() {
    return standardError.clone();
  }

  @Override
  public double[] residuals() {
    return residuals.clone();
  }

  /** Number of steps. */
  public int horizon() {
    return mean.length;
  }

  public boolean hasStandardError() {
    return standardError.length > 0;
  }

  public boolean hasResiduals() {
    return residuals.length > 0;
  }

  /** Internal reads without copies. */
  double meanAt(int h) {
    return mean[h];
  }

  double standardErrorAt(int h) {
    return standardError[h];
  }

  double[] residualsView() {
    return residuals;
  }
}
