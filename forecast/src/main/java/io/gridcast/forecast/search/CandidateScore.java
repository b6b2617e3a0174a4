package io.gridcast.forecast.search;

import io.gridcast.forecast.model.ModelSpec;
import java.util.Optional;

/**
 * The cross-validation outcome of one candidate.
 *
 * @param spec the candidate as tried
 * @param score the metric over all backtest points; NaN when it failed or the metric is undefined
 *     on these points (MAPE on all-zero actuals)
 * @param failure why the candidate was not scored (fit error, non-finite forecast, pruned by AICc)
 */
public record CandidateScore(ModelSpec spec, double score, Optional<String> failure) {
  public boolean scored() {
    return failure.isEmpty();
  }
}
