package io.gridcast.forecast.covariate;

import io.gridcast.forecast.model.ModelFitException;
import io.gridcast.forecast.model.ModelSpec;

/**
 * A model whose forecast depends on covariates: it fits {@code y[0..n)} against rows {@code 0..n-1}
 * of {@code x} and forecasts step {@code s} (1-based) from row {@code n + s - 1}. The fitted model
 * keeps the rows it was given, so {@code forecast(h)} needs {@code x.rows() >= n + h} and refuses
 * otherwise with {@link MissingCovariateRowsException}, naming the missing rows.
 *
 * <p>The plain {@link #fit(double[], int, int)} has no covariates and refuses: the search skips
 * these models on a series without covariates before it fits them.
 */
public interface CovariateModelSpec extends ModelSpec {

  /**
   * Fits {@code y[0..n)} with covariate rows {@code 0..n-1}; rows from {@code n} on are the future
   * the forecast reads.
   *
   * @param x covariates with at least {@code n} rows (and at least one column)
   * @throws ModelFitException when the model cannot be fitted (too few rows, collinear columns, no
   *     covariates, ...)
   */
  CovariateFit fit(double[] y, int n, int period, Covariates x);

  /**
   * Refuses: this model needs covariates.
   *
   * @throws ModelFitException always
   */
  @Override
  default CovariateFit fit(double[] y, int n, int period) {
    throw new ModelFitException(name(), "needs covariates, the series has none");
  }

  /** The rows of {@code x} a fit on {@code n} values reads, checked. */
  static void requireRows(String model, int n, Covariates x) {
    if (x.isEmpty()) {
      throw new ModelFitException(model, "needs covariates, the series has none");
    }
    if (x.rows() < n) {
      throw new ModelFitException(
          model, "covariates have " + x.rows() + " rows for " + n + " values");
    }
  }
}
