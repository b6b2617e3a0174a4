package io.gridcast.forecast.intermittent;

import io.gridcast.forecast.model.FittedModel;
import io.gridcast.forecast.model.ModelSpec;
import java.util.Map;

/**
 * IMAPA, the intermittent multiple aggregation prediction algorithm (Petropoulos and Kourentzes
 * 2015), as statsforecast defines it: the ADIDA forecast at every aggregation level {@code k =
 * 1..K}, {@code K} the mean inter-demand interval rounded, averaged with equal weights,
 *
 * <pre>
 *   f = (1 / K) sum_(k=1..K) SES(bucket sums at level k) / k
 * </pre>
 *
 * flat over the horizon ({@link TemporalAggregation}). An all-zero history forecasts 0. No analytic
 * interval. In-sample one-step forecasts: the mean over the levels of each level's bucket-model
 * forecasts ({@link TemporalAggregation#periodFitted}), NaN where a level has none.
 *
 * @param maxLevel the highest aggregation level {@code K >= 1}, or null to take the rounded mean
 *     interval
 */
public record Imapa(Integer maxLevel) implements ModelSpec {
  public static final String NAME = "imapa";

  public Imapa {
    if (maxLevel != null && maxLevel < 1) {
      throw new IllegalArgumentException("max_level must be >= 1: " + maxLevel);
    }
  }

  /** From a parameter map: {@code max_level} absent means chosen from the data. */
  public static Imapa fromParameters(Map<String, Double> parameters) {
    Double v = parameters.get("max_level");
    if (v != null && (v != Math.rint(v) || v < 1)) {
      throw new IllegalArgumentException("max_level must be a positive integer: " + v);
    }
    return new Imapa(v == null ? null : v.intValue());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Map<String, Double> parameters() {
    return maxLevel == null ? Map.of() : Map.of("max_level", maxLevel.doubleValue());
  }

  @Override
  public FittedModel fit(double[] y, int n, int period) {
    TemporalAggregation.check(NAME, y, n);
    double interval = TemporalAggregation.meanInterval(y, n);
    if (Double.isNaN(interval)) {
      return new TemporalAggregation.Flat(
          new Imapa(maxLevel == null ? 1 : maxLevel), 0, new double[n]);
    }
    int top = Math.min(n, maxLevel != null ? maxLevel : TemporalAggregation.level(interval));
    double sum = 0;
    double[] fitted = new double[n];
    for (int k = 1; k <= top; k++) {
      double[] sums = TemporalAggregation.bucketSums(y, n, k);
      double alpha = TemporalAggregation.optimizedAlpha(sums);
      sum += TemporalAggregation.optimizedSes(sums) / k;
      double[] level = TemporalAggregation.periodFitted(y, n, k, alpha);
      for (int t = 0; t < n; t++) {
        fitted[t] += level[t] / top;
      }
    }
    return new TemporalAggregation.Flat(new Imapa(top), sum / top, fitted);
  }
}
