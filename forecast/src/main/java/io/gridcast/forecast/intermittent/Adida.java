package io.gridcast.forecast.intermittent;

import io.gridcast.forecast.model.FittedModel;
import io.gridcast.forecast.model.ModelSpec;
import java.util.Map;

/**
 * ADIDA, the aggregate-disaggregate intermittent demand approach (Nikolopoulos et al. 2011), as
 * statsforecast defines it: aggregate into buckets of {@code k} periods, {@code k} the mean
 * inter-demand interval rounded ({@link TemporalAggregation}), forecast the bucket sums by
 * optimised SES and spread the forecast evenly, {@code f = SES(sums) / k}, flat over the horizon.
 * An all-zero history forecasts 0; a history shorter than one bucket forecasts its last value. No
 * analytic interval. In-sample one-step forecasts: the bucket model's, spread evenly ({@link
 * TemporalAggregation#periodFitted}); 0 for an all-zero history, the previous value for one shorter
 * than a bucket.
 *
 * @param level the aggregation level {@code k >= 1}, or null to take the rounded mean interval
 */
public record Adida(Integer level) implements ModelSpec {
  public static final String NAME = "adida";

  public Adida {
    if (level != null && level < 1) {
      throw new IllegalArgumentException("level must be >= 1: " + level);
    }
  }

  /** From a parameter map: {@code level} absent means chosen from the data. */
  public static Adida fromParameters(Map<String, Double> parameters) {
    Double v = parameters.get("level");
    if (v != null && (v != Math.rint(v) || v < 1)) {
      throw new IllegalArgumentException("level must be a positive integer: " + v);
    }
    return new Adida(v == null ? null : v.intValue());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Map<String, Double> parameters() {
    return level == null ? Map.of() : Map.of("level", level.doubleValue());
  }

  @Override
  public FittedModel fit(double[] y, int n, int period) {
    TemporalAggregation.check(NAME, y, n);
    double interval = TemporalAggregation.meanInterval(y, n);
    if (Double.isNaN(interval)) {
      return new TemporalAggregation.Flat(new Adida(level == null ? 1 : level), 0, new double[n]);
    }
    int k = level != null ? level : TemporalAggregation.level(interval);
    if (n - n % k < k) {
      return new TemporalAggregation.Flat(
          new Adida(k), y[n - 1], TemporalAggregation.naiveFitted(y, n));
    }
    double[] sums = TemporalAggregation.bucketSums(y, n, k);
    double alpha = TemporalAggregation.optimizedAlpha(sums);
    double f = sums.length == 1 ? sums[0] : TemporalAggregation.optimizedSes(sums);
    return new TemporalAggregation.Flat(
        new Adida(k), f / k, TemporalAggregation.periodFitted(y, n, k, alpha));
  }
}
