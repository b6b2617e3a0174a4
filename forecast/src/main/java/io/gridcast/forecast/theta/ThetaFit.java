package io.gridcast.forecast.theta;

import io.gridcast.forecast.model.FittedModel;
import io.gridcast.forecast.model.GaussianInterval;
import io.gridcast.forecast.model.ModelSpec;
import io.gridcast.forecast.model.PredictionInterval;
import java.util.Optional;

/**
 * A fitted theta model on the (possibly seasonally adjusted) series: {@code f(h) = [l(n) + d ((h -
 * 1) + (1 - (1 - a)^n) / a)] * s((n + h - 1) mod m)}, interval {@code f(h) ± z sigma sqrt(1 + (h -
 * 1) a²)} as {@code thetaf()} (not rescaled by the seasonal index, like R).
 */
record ThetaFit(
    ModelSpec spec,
    double level,
    double drift,
    double alpha,
    int n,
    double[] seasonalIndices,
    double sigma2,
    int estimatedParameterCount,
    double[] oneStep)
    implements FittedModel {

  @Override
  public Optional<double[]> fittedValues() {
    return Optional.of(oneStep.clone());
  }

  /**
   * The in-sample one-step forecasts of the model with drift: {@code yhat(t) = [l(t) + d (1 - (1 -
   * a)^t) / a] * s(t mod m)}, {@code l(t)} the SES level after {@code t} values of the adjusted
   * series ({@code l(0)} the initial level), i.e. the forecast function at {@code h = 1} from every
   * origin. (R's {@code thetaf()} reports the SES fit without the drift term instead.)
   *
   * @param level the SES levels {@code l(0..n-1)}, overwritten with the forecasts
   */
  static double[] oneStep(double[] level, double drift, double alpha, double[] seasonalIndices) {
    double a = Math.max(alpha, 1e-10);
    double w = 1;
    for (int t = 0; t < level.length; t++) {
      double v = level[t] + drift * (1 - w) / a;
      level[t] = seasonalIndices == null ? v : v * seasonalIndices[t % seasonalIndices.length];
      w *= 1 - a;
    }
    return level;
  }

  @Override
  public double[] forecast(int horizon) {
    double[] f = new double[horizon];
    double a = Math.max(alpha, 1e-10);
    double start = (1 - Math.pow(1 - a, n)) / a;
    for (int h = 0; h < horizon; h++) {
      double v = level + drift * (h + start);
      if (seasonalIndices != null) {
        v *= seasonalIndices[(n + h) % seasonalIndices.length];
      }
      f[h] = v;
    }
    return f;
  }

  @Override
  public Optional<PredictionInterval> interval(int horizon, double level) {
    double[] se = new double[horizon];
    for (int h = 0; h < horizon; h++) {
      se[h] = Math.sqrt(sigma2 * (1 + h * alpha * alpha));
    }
    return Optional.of(GaussianInterval.of(forecast(horizon), se, level));
  }
}
