package io.gridcast.forecast.covariate;

import io.gridcast.forecast.ForecastException;

/**
 * A forecast needs covariate rows after the history that were not given: a model fitted on {@code
 * n} values forecasting {@code h} steps reads rows {@code n..n+h-1}.
 */
public class MissingCovariateRowsException extends ForecastException {
  private static final long serialVersionUID = 1L;

  private final int firstMissing;
  private final int lastMissing;

  public MissingCovariateRowsException(String model, int n, int horizon, int rows) {
    super(
        model
            + ": forecasting "
            + horizon
            + " steps after "
            + n
            + " values needs covariate rows "
            + n
            + ".."
            + (n + horizon - 1)
            + ", rows "
            + rows
            + ".."
            + (n + horizon - 1)
            + " are missing (future covariates cover "
            + Math.max(0, rows - n)
            + " steps)");
    this.firstMissing = rows;
    this.lastMissing = n + horizon - 1;
  }

  /** The first missing row (0-based, history rows included). */
  public int firstMissing() {
    return firstMissing;
  }

  /** The last missing row. */
  public int lastMissing() {
    return lastMissing;
  }
}
