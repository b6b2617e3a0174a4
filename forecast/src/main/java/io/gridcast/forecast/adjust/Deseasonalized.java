package io.gridcast.forecast.adjust;

import io.gridcast.forecast.model.FittedModel;
import io.gridcast.forecast.model.ModelSpec;
import io.gridcast.forecast.model.PredictionInterval;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A non-seasonal model run on the seasonally adjusted series: when {@link SeasonalAdjustment} finds
 * seasonality (90% ACF test at lag m, positive data), {@code y(t) / s(t mod m)} is fitted and
 * forecasts and interval bounds are multiplied back by the indices; otherwise the inner model sees
 * the raw series. This is how M3's SINGLE, HOLT and DAMPEN entries treated seasonal data.
 *
 * @param name the registry name of this wrapper, e.g. {@code damped_holt_sa}
 * @param inner the model fitted on the adjusted series (given period 1)
 */
public record Deseasonalized(String name, ModelSpec inner) implements ModelSpec {
  public Deseasonalized {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(inner, "inner");
  }

  @Override
  public Map<String, Double> parameters() {
    return inner.parameters();
  }

  @Override
  public FittedModel fit(double[] y, int n, int period) {
    double[] idx = SeasonalAdjustment.indices(y, n, period);
    if (idx == null) {
      return new Fitted(this, inner.fit(y, n, 1), null, n);
    }
    double[] x = SeasonalAdjustment.adjust(y, n, idx);
    return new Fitted(this, inner.fit(x, n, 1), idx, n);
  }

  private record Fitted(Deseasonalized wrapper, FittedModel inner, double[] idx, int n)
      implements FittedModel {
    @Override
    public ModelSpec spec() {
      return new Deseasonalized(wrapper.name(), inner.spec());
    }

    @Override
    public double[] forecast(int horizon) {
      return reseasonalise(inner.forecast(horizon));
    }

    @Override
    public Optional<PredictionInterval> interval(int horizon, double level) {
      return inner
          .interval(horizon, level)
          .map(pi ->
              new PredictionInterval(level, reseasonalise(pi.lower()), reseasonalise(pi.upper())));
    }

    /** The inner model's one-step forecasts of the adjusted series, times the indices. */
    @Override
    public Optional<double[]> fittedValues() {
      return inner
          .fittedValues()
          .map(f -> {
            if (idx != null) {
              for (int t = 0; t < f.length; t++) {
                f[t] *= idx[t % idx.length];
              }
            }
            return f;
          });
    }

    @Override
    public int estimatedParameterCount() {
      return inner.estimatedParameterCount();
    }

    @Override
    public OptionalDouble aicc() {
      return idx == null ? inner.aicc() : OptionalDouble.empty();
    }

    private double[] reseasonalise(double[] f) {
      if (idx != null) {
        for (int h = 0; h < f.length; h++) {
          f[h] *= idx[(n + h) % idx.length];
        }
      }
      return f;
    }
  }
}
