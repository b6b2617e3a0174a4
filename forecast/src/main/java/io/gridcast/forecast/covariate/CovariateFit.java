package io.gridcast.forecast.covariate;

import io.gridcast.forecast.model.FittedModel;
import java.util.List;
import java.util.Map;

/**
 * A model fitted with covariates. Its {@link #forecast(int)} reads the covariate rows after the
 * history that it was given, and throws {@link MissingCovariateRowsException} for a horizon they do
 * not cover.
 */
public interface CovariateFit extends FittedModel {

  /** The covariate names, in column order. */
  List<String> covariateNames();

  /**
   * The estimated linear effect of each covariate on the series (units of the series per unit of
   * the covariate), by name in column order.
   */
  Map<String, Double> covariateCoefficients();

  /** How many steps the covariate rows after the history cover. */
  int coveredHorizon();
}
