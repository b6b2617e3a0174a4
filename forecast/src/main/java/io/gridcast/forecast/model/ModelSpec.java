package io.gridcast.forecast.model;

import java.util.Map;

/**
 * A model with its parameters: a value object (usually a record) that knows how to fit itself.
 *
 * <p>Implementations are immutable and thread-safe. A parameter that the fit estimates (e.g. a
 * smoothing constant chosen by maximum likelihood) is absent from {@link #parameters()} of the spec
 * that was asked for, and present in the spec of the {@link FittedModel} that came back.
 */
public interface ModelSpec {

  /** The stable registry name of the model family, e.g. {@code "ses"} or {@code "ets"}. */
  String name();

  /** The parameter values of this spec, by name, in a stable order; empty when none are set. */
  Map<String, Double> parameters();

  /**
   * Fits the model to the first {@code n} values of {@code y}, which it never modifies.
   *
   * @param y observations, oldest first; no NaN (the caller fills gaps first)
   * @param n how many leading values of {@code y} to use, {@code 1 <= n <= y.length}
   * @param period the seasonal period (1 when not seasonal)
   * @throws ModelFitException when this model cannot be fitted to these values (too short, non
   *     positive values for a multiplicative model, ...), with the reason in the message
   */
  FittedModel fit(double[] y, int n, int period);

  /**
   * The spec a later refit on other data uses (a rescoring), given {@code fitted}, the spec this
   * one resolved to on its last fit ({@link FittedModel#spec()}): by default this spec, its
   * estimated parameters estimated again. A spec that searches a structure (automatic ARIMA)
   * returns the structure it chose, so the refit keeps it and estimates only its coefficients.
   */
  default ModelSpec refitSpec(ModelSpec fitted) {
    return this;
  }

  /** Fits to all of {@code y}. */
  default FittedModel fit(double[] y, int period) {
    return fit(y, y.length, period);
  }
}
