package io.gridcast.forecast.search;

import io.gridcast.forecast.metric.Metric;
import io.gridcast.forecast.model.FittedModel;
import io.gridcast.forecast.model.ModelSpec;
import io.gridcast.forecast.model.PredictionInterval;
import java.util.List;
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
 * @param interval80 the 80% interval
 * @param interval95 the 95% interval
 * @param intervalMethod analytic or from backtest errors
 * @param fallbackReason why the naive fallback was used, when it was
 * @param skipped candidates left out before the search, with reasons
 * @param residuals the in-sample one-step residuals {@code y(t) - yhat(t | t-1)} of the refit on
 *     all values ({@link FittedModel#fittedValues()}, before any clamping at zero), one per value,
 *     NaN where the model has no one-step forecast; empty when the model defines none
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
    PredictionInterval interval80,
    PredictionInterval interval95,
    IntervalMethod intervalMethod,
    Optional<String> fallbackReason,
    List<String> skipped,
    double[] residuals) {

  public OptimizationResult {
    Objects.requireNonNull(seriesId, "seriesId");
    Objects.requireNonNull(chosen, "chosen");
    Objects.requireNonNull(fitted, "fitted");
    scores = List.copyOf(scores);
    forecast = forecast.clone();
    skipped = List.copyOf(skipped);
    residuals = residuals.clone();
  }

  /** A result without in-sample residuals. */
  public OptimizationResult(
      String seriesId,
      ModelSpec chosen,
      ModelSpec fitted,
      Metric metric,
      double score,
      int folds,
      List<CandidateScore> scores,
      double[] forecast,
      PredictionInterval interval80,
      PredictionInterval interval95,
      IntervalMethod intervalMethod,
      Optional<String> fallbackReason,
      List<String> skipped) {
    this(
        seriesId,
        chosen,
        fitted,
        metric,
        score,
        folds,
        scores,
        forecast,
        interval80,
        interval95,
        intervalMethod,
        fallbackReason,
        skipped,
        new double[0]);
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

  /** The interval at 0.8 or 0.95. */
  public PredictionInterval interval(double level) {
    if (level == 0.8) {
      return interval80;
    } else if (level == 0.95) {
      return interval95;
    }
    throw new IllegalArgumentException("only the 0.8 and 0.95 intervals are kept, asked " + level);
  }
}
