package io.gridcast.forecast.decompose;

import java.util.Objects;

/**
 * An STL decomposition {@code y = seasonal + trend + remainder}, with the robustness weights of the
 * last outer iteration (all 1 when not robust) and the settings used. Immutable: the arrays are
 * copied in and every accessor returns a copy.
 *
 * @param seasonal the seasonal component
 * @param trend the trend-cycle component
 * @param remainder {@code y - seasonal - trend}
 * @param weights robustness weights in [0, 1]
 * @param parameters the resolved settings
 */
public record StlDecomposition(
    double[] seasonal,
    double[] trend,
    double[] remainder,
    double[] weights,
    StlParameters parameters) {
  public StlDecomposition {
    Objects.requireNonNull(seasonal, "seasonal");
    Objects.requireNonNull(trend, "trend");
    Objects.requireNonNull(remainder, "remainder");
    Objects.requireNonNull(weights, "weights");
    Objects.requireNonNull(parameters, "parameters");
    seasonal = seasonal.clone();
    trend = trend.clone();
    remainder = remainder.clone();
    weights = weights.clone();
    if (trend.length != seasonal.length
        || remainder.length != seasonal.length
        || weights.length != seasonal.length) {
      throw new IllegalArgumentException(
          "components differ in length: seasonal "
              + seasonal.length
              + ", trend "
              + trend.length
              + ", remainder "
              + remainder.length
              + ", weights "
              + weights.length);
    }
  }

  @Override
  public double[] seasonal() {
    return seasonal.clone();
  }

  @Override
  public double[] trend() {
    return trend.clone();
  }

  @Override
  public double[] remainder() {
    return remainder.clone();
  }

  @Override
  public double[] weights() {
    return weights.clone();
  }

  /** The number of values decomposed. */
  public int length() {
    return seasonal.length;
  }
}
