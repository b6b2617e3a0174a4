package io.gridcast.forecast.registry;

import static io.gridcast.forecast.registry.ModelTrait.COVARIATES;

import io.gridcast.forecast.arima.ArimaXSpec;
import io.gridcast.forecast.covariate.EtsXSpec;
import io.gridcast.forecast.covariate.RegressionSpec;

/** The registry entries of the models that use covariates (family {@code covariate}). */
final class CovariateModels {
  private CovariateModels() {}

  /**
   * The models that use covariates: {@code arima_x}, {@code ets_x}, {@code regression}. A series
   * without covariates skips them.
   */
  static void register(ModelRegistry.Builder b) {
    b.register(
            ModelDescriptor.of(
                    ArimaXSpec.NAME,
                    "covariate",
                    "Regression on the covariates with ARIMA errors, orders by the auto_arima"
                        + " search (R's auto.arima(xreg = X)); fixed orders when given.",
                    ArimaXSpec::fromParameters,
                    COVARIATES)
                .withParameters(
                    ParameterRange.estimated(
                        "p", 0, 5, "non-seasonal AR order; searched when absent"),
                    ParameterRange.estimated("d", 0, 2, "non-seasonal differences"),
                    ParameterRange.estimated("q", 0, 5, "non-seasonal MA order"),
                    ParameterRange.estimated("P", 0, 2, "seasonal AR order"),
                    ParameterRange.estimated("D", 0, 1, "seasonal differences"),
                    ParameterRange.estimated("Q", 0, 2, "seasonal MA order"),
                    ParameterRange.estimated("include_mean", 0, 1, "1: a mean when d + D = 0"),
                    ParameterRange.estimated("include_drift", 0, 1, "1: a drift when d + D <= 1"),
                    squares()))
        .register(
            ModelDescriptor.of(
                    EtsXSpec.NAME,
                    "covariate",
                    "Linear effect of the covariates by least squares, automatic ETS on the"
                        + " remainder.",
                    EtsXSpec::fromParameters,
                    COVARIATES)
                .withParameters(squares()))
        .register(
            ModelDescriptor.of(
                    RegressionSpec.NAME,
                    "covariate",
                    "Linear model on a trend, Fourier terms of the seasonal period and the"
                        + " covariates; intervals from the residual variance.",
                    RegressionSpec::fromParameters,
                    COVARIATES)
                .withParameters(
                    ParameterRange.of(
                        "fourier",
                        0,
                        RegressionSpec.MAX_FOURIER,
                        RegressionSpec.DEFAULT_FOURIER,
                        "largest number of sine/cosine pairs of the seasonal period"),
                    ParameterRange.of("trend", 0, 1, 1, "1: a linear trend"),
                    squares()));
  }

  private static ParameterRange squares() {
    return ParameterRange.of(
        "squares", 0, 1, 1, "1: add the centred square of each continuous covariate");
  }
}
