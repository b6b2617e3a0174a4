package io.gridcast.forecast.search;

import io.gridcast.forecast.metric.Metric;
import io.gridcast.forecast.model.FittedModel;
import io.gridcast.forecast.model.ModelSpec;
import io.gridcast.forecast.model.PredictionInterval;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of the search on one series (SKU). Immutable; {@link #forecast()} returns a copy.
 *
 * @param seriesId the series id
 * @param chosen the winning candidate as it was tried (e.g. {@code Naive[]}, or the fallback)
 * @param fitted the spec of the refit on all data, with every estimated parameter resolved
 * @param metric the metric that ranked the candidates
 * @param score the winner's backtest score; NaN when there was no backtest (fallback)
 * @param folds backtest folds used (0 without backtest)
 * @param scores every candidate's backtest outcome, best first, unscored ones last
 * @param forecast point forecasts for steps 1..horizon
 * @param intervals one interval per level of the optimizer's settings, ascending by level
 * @param intervalMethod analytic or from backtest errors
 * @param fallback why the best-scoring candidate was not used, when it was not
 * @param skipped candidates left out before the search, with reasons
 * @param residuals the in-sample one-step residuals {@code y(t) - yhat(t | t-1)} of the refit on
 *     all values ({@link FittedModel#fittedValues()}, before any clamping at zero), one per value,
 *     NaN where the model has no one-step forecast; empty when the model defines none
 * @param covariateNames the covariates the chosen model used, in column order; empty when it used
 *     none (a model without covariates, or a series without them)
 * @param covariateCoefficients each used covariate's estimated coefficient (its linear effect on
 *     the series), by name in column order; empty when none were used
 */
public record OptimizationResult(
    String seriesId,
    ModelSpec chosen,
    ModelSpec fitted,
    Metric metric,
    double score,
    int folds,
    List<CandidateScore> scores,
    double[] forecast,
    List<PredictionInterval> intervals,
    IntervalMethod intervalMethod,
    Optional<Fallback> fallback,
    List<String> skipped,
    double[] residuals,
    List<String> covariateNames,
    Map<String, Double> covariateCoefficients) {

  public OptimizationResult {
    covariateNames = List.copyOf(covariateNames);
    covariateCoefficients = Collections.unmodifiableMap(new LinkedHashMap<>(covariateCoefficients));
    Objects.requireNonNull(seriesId, "seriesId");
    Objects.requireNonNull(chosen, "chosen");
    Objects.requireNonNull(fitted, "fitted");
    Objects.requireNonNull(fallback, "fallback");
    scores = List.copyOf(scores);
    forecast = forecast.clone();
    intervals = List.copyOf(intervals);
    skipped = List.copyOf(skipped);
    residuals = residuals.clone();
  }

  /** A result whose chosen model used no covariates. */
  public OptimizationResult(
      String seriesId,
      ModelSpec chosen,
      ModelSpec fitted,
      Metric metric,
      double score,
      int folds,
      List<CandidateScore> scores,
      double[] forecast,
      List<PredictionInterval> intervals,
      IntervalMethod intervalMethod,
      Optional<Fallback> fallback,
      List<String> skipped,
      double[] residuals) {
    this(
        seriesId,
        chosen,
        fitted,
        metric,
        score,
        folds,
        scores,
        forecast,
        intervals,
        intervalMethod,
        fallback,
        skipped,
        residuals,
        List.of(),
        Map.of());
  }

  /** Whether the chosen model used covariates. */
  public boolean usedCovariates() {
    return !covariateNames.isEmpty();
  }

  @Override
  public double[] forecast() {
    return forecast.clone();
  }

  @Override
  public double[] residuals() {
    return residuals.clone();
  }

  /** Whether {@link #residuals()} holds one residual per value of the series. */
  public boolean hasResiduals() {
    return residuals.length > 0;
  }

  /** The forecast horizon. */
  public int horizon() {
    return forecast.length;
  }

  /**
   * The interval at {@code level} (a fraction: 0.8 for 80%).
   *
   * @throws IllegalArgumentException when the search was not asked for that level
   */
  public PredictionInterval interval(double level) {
    for (PredictionInterval p : intervals) {
      if (Math.abs(p.level() - level) < 1e-9) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "no interval at level "
            + level
            + "; this result has "
            + intervals.stream().map(PredictionInterval::level).toList());
  }

  /** The 80% interval (in the default levels). */
  public PredictionInterval interval80() {
    return interval(0.8);
  }

  /** The 95% interval (in the default levels). */
  public PredictionInterval interval95() {
    return interval(0.95);
  }

  /** Why the search fell back, in words; empty when it did not. */
  public Optional<String> fallbackReason() {
    return fallback.map(Fallback::reason);
  }
}
