package io.gridcast.forecast.model;

import java.util.Optional;
import java.util.OptionalDouble;

/** A model fitted to data: immutable, thread-safe; every call returns fresh arrays. */
public interface FittedModel {

  /** The spec with every parameter resolved to the value the fit used. */
  ModelSpec spec();

  /** Point forecasts for steps 1..horizon after the last observation used in the fit. */
  double[] forecast(int horizon);

  /**
   * Analytic prediction interval at {@code level} (e.g. 0.8 or 0.95) for steps 1..horizon, when the
   * model has a distributional form; empty otherwise (the optimizer then uses backtest errors).
   */
  default Optional<PredictionInterval> interval(int horizon, double level) {
    return Optional.empty();
  }

  /**
   * The in-sample one-step-ahead forecasts {@code yhat(t | t-1)}, {@code t = 0..n-1}, over the
   * {@code n} values this model was fitted to: the forecast of {@code y(t)} from the values before
   * it, with the parameters (and initial states) of this fit. {@code y(t) - yhat(t)} are the
   * model's in-sample residuals, the errors whose covariance forecast reconciliation (MinT)
   * estimates. NaN where the model has no forecast yet (the naive forecast at {@code t = 0}, the
   * seasonal naive one in the first season). Empty when the model does not define them. A fresh
   * array on every call.
   */
  default Optional<double[]> fittedValues() {
    return Optional.empty();
  }

  /** Number of estimated parameters, initial states included (for information criteria). */
  default int estimatedParameterCount() {
    return 0;
  }

  /** The corrected Akaike information criterion when the model is fitted by likelihood. */
  default OptionalDouble aicc() {
    return OptionalDouble.empty();
  }
}
