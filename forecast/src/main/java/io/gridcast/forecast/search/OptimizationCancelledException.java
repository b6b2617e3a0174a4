package io.gridcast.forecast.search;

import io.gridcast.forecast.ForecastException;

/** The {@link CancellationCheck} asked the optimizer to stop; names the series being searched. */
public class OptimizationCancelledException extends ForecastException {
  private static final long serialVersionUID = 1L;

  public OptimizationCancelledException(String seriesId, long done, long total) {
    super(
        "optimization of series '"
            + seriesId
            + "' cancelled after "
            + done
            + " of "
            + total
            + " candidates");
  }
}
