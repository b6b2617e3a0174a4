package io.gridcast.forecast.search;

import io.gridcast.forecast.model.ModelSpec;
import java.util.List;

/**
 * The candidates to try on one series, and the ones left out before the search with their reasons
 * (e.g. {@code "snaive: needs two full seasons (24 values), series has 20"}).
 *
 * @param incumbentMargin when {@code > 0}, the first candidate is the incumbent: it is chosen
 *     unless another candidate's backtest score is lower by more than this fraction of its own (0.1
 *     = a challenger must be 10% better); 0 picks the plain minimum
 */
public record CandidateSet(
    List<ModelSpec> candidates, List<String> skipped, double incumbentMargin) {
  public CandidateSet {
    candidates = List.copyOf(candidates);
    skipped = List.copyOf(skipped);
    if (!(incumbentMargin >= 0 && incumbentMargin < 1)) {
      throw new IllegalArgumentException("incumbentMargin must be in [0, 1): " + incumbentMargin);
    }
  }

  /** Candidates without an incumbent: the lowest backtest score wins. */
  public CandidateSet(List<ModelSpec> candidates, List<String> skipped) {
    this(candidates, skipped, 0);
  }

  /** The given candidates, nothing skipped. */
  public static CandidateSet of(List<? extends ModelSpec> candidates) {
    return new CandidateSet(List.copyOf(candidates), List.of());
  }
}
