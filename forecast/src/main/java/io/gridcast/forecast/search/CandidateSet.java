package io.gridcast.forecast.search;

import io.gridcast.forecast.model.ModelSpec;
import java.util.List;

/**
 * The candidates to try on one series, and the ones left out before the search with their reasons
 * (e.g. {@code "snaive: needs two full seasons (24 values), series has 20"}).
 */
public record CandidateSet(List<ModelSpec> candidates, List<String> skipped) {
  public CandidateSet {
    candidates = List.copyOf(candidates);
    skipped = List.copyOf(skipped);
  }

  /** The given candidates, nothing skipped. */
  public static CandidateSet of(List<? extends ModelSpec> candidates) {
    return new CandidateSet(List.copyOf(candidates), List.of());
  }
}
