package io.gridcast.forecast.search;

import io.gridcast.forecast.covariate.Covariates;
import io.gridcast.forecast.model.ModelSpec;
import io.gridcast.forecast.series.Series;
import java.util.List;

/** Chooses the candidates for a series (its period, length, intermittency). Thread-safe. */
@FunctionalInterface
public interface CandidateSource {

  CandidateSet candidatesFor(Series series);

  /**
   * The candidates for {@code series} with these covariates (history and future rows); by default
   * those of {@link #candidatesFor(Series)}. A source that knows covariate models adds them here.
   */
  default CandidateSet candidatesFor(Series series, Covariates covariates) {
    return candidatesFor(series);
  }

  /** The same candidates for every series. */
  static CandidateSource fixed(List<? extends ModelSpec> candidates) {
    CandidateSet set = CandidateSet.of(candidates);
    return s -> set;
  }
}
