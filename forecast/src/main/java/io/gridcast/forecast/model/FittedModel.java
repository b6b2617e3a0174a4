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

  /** Number of estimated parameters, initial states included (for information criteria). */
  default int estimatedParameterCount() {
    return 0;
  }

  /** The corrected Akaike information criterion when the model is fitted by likelihood. */
  default OptionalDouble aicc() {
    return OptionalDouble.empty();
  }
}
