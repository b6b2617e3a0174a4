package io.gridcast.forecast.search;

import io.gridcast.forecast.metric.Metric;
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
    List<String> skipped) {

  public OptimizationResult {
    Objects.requireNonNull(seriesId, "seriesId");
    Objects.requireNonNull(chosen, "chosen");
    Objects.requireNonNull(fitted, "fitted");
    scores = List.copyOf(scores);
    forecast = forecast.clone();
    skipped = List.copyOf(skipped);
  }

  @Override
  public double[] forecast() {
    return forecast.clone();
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
