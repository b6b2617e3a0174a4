package io.gridcast.forecast.intermittent;

import io.gridcast.forecast.model.FittedModel;
import io.gridcast.forecast.model.ModelFitException;
import io.gridcast.forecast.model.ModelSpec;
import java.util.Arrays;
import java.util.Optional;

/**
 * Temporal aggregation for intermittent demand, as statsforecast's ADIDA and IMAPA define it
 * (Nikolopoulos et al. 2011; Petropoulos and Kourentzes 2015):
 *
 * <ul>
 *   <li>the mean inter-demand interval {@code p = mean(i_k - i_(k-1))} over the 1-based positions
 *       {@code i_k} of the non-zero values ({@code i_0 = 0});
 *   <li>at aggregation level {@code k}, the first {@code n mod k} values are dropped and the rest
 *       summed in consecutive buckets of {@code k};
 *   <li>the bucket sums are forecast by SES, {@code l_1 = x_1}, {@code l_(t+1) = a x_t + (1 - a)
 *       l_t}, with {@code a} minimising the in-sample squared one-step error over [0.1, 0.3]
 *       (golden-section search to 1e-12), and the forecast {@code l_(N+1) / k} is spread evenly
 *       back over the periods.
 * </ul>
 *
 * <p>In-sample one-step forecasts ({@link #periodFitted}) are those of the bucket model: a period
 * in bucket {@code b >= 2} gets {@code l_b / k}, the SES forecast of its bucket from the buckets
 * before it, spread evenly; the dropped values and the first bucket have none (NaN). For {@code k =
 * 1} this is SES's own one-step forecast.
 */
final class TemporalAggregation {
  static final double ALPHA_LOW = 0.1;
  static final double ALPHA_HIGH = 0.3;
  private static final double GOLDEN = (Math.sqrt(5.0) + 1.0) / 2.0;

  private TemporalAggregation() {}

  /** Rejects non-finite values or a bad {@code n}. */
  static void check(String name, double[] y, int n) {
    if (n < 1 || n > y.length) {
      throw new ModelFitException(
          name, "needs 1 <= n <= y.length, got n=" + n + ", length " + y.length);
    }
    for (int t = 0; t < n; t++) {
      if (!Double.isFinite(y[t])) {
        throw new ModelFitException(name, "value " + t + " is not finite: " + y[t]);
      }
    }
  }

  /** The mean interval between non-zero values; NaN when all are zero. */
  static double meanInterval(double[] y, int n) {
    int count = 0;
    int previous = 0;
    double sum = 0;
    for (int t = 0; t < n; t++) {
      if (y[t] != 0) {
        sum += t + 1 - previous;
        previous = t + 1;
        count++;
      }
    }
    return count == 0 ? Double.NaN : sum / count;
  }

  /** {@code round(p)} half to even (Python's rounding), at least 1. */
  static int level(double meanInterval) {
    return Math.max(1, (int) Math.rint(meanInterval));
  }

  /** Sums of consecutive buckets of {@code k} after dropping the first {@code n mod k} values. */
  static double[] bucketSums(double[] y, int n, int k) {
    int lost = n % k;
    int buckets = (n - lost) / k;
    double[] out = new double[buckets];
    for (int b = 0; b < buckets; b++) {
      double s = 0;
      int base = lost + b * k;
      for (int j = 0; j < k; j++) {
        s += y[base + j];
      }
      out[b] = s;
    }
    return out;
  }

  /** The one-step SES forecast of {@code x} with the least-squares {@code a} in [0.1, 0.3]. */
  static double optimizedSes(double[] x) {
    return ses(optimizedAlpha(x), x);
  }

  /** The least-squares SES smoothing weight {@code a} in [0.1, 0.3] for {@code x}. */
  static double optimizedAlpha(double[] x) {
    double a = ALPHA_LOW;
    double b = ALPHA_HIGH;
    double c = b - (b - a) / GOLDEN;
    double d = a + (b - a) / GOLDEN;
    double fc = sse(c, x);
    double fd = sse(d, x);
    while (Math.abs(b - a) >= 1e-12) {
      if (fc < fd) {
        b = d;
        d = c;
        fd = fc;
        c = b - (b - a) / GOLDEN;
        fc = sse(c, x);
      } else if (fd < fc) {
        a = c;
        c = d;
        fc = fd;
        d = a + (b - a) / GOLDEN;
        fd = sse(d, x);
      } else {
        break;
      }
    }
    return (a + b) / 2;
  }

  /**
   * The in-sample one-step forecasts per period of SES with weight {@code alpha} on the bucket sums
   * of {@code y[0..n)} at level {@code k}: {@code l_b / k} over bucket {@code b >= 1} (0-based),
   * NaN over the dropped values and the first bucket.
   */
  static double[] periodFitted(double[] y, int n, int k, double alpha) {
    double[] x = bucketSums(y, n, k);
    int lost = n % k;
    double[] out = new double[n];
    Arrays.fill(out, 0, Math.min(n, lost + k), Double.NaN);
    double level = x.length > 0 ? x[0] : Double.NaN;
    for (int b = 1; b < x.length; b++) {
      level = alpha * x[b - 1] + (1 - alpha) * level;
      Arrays.fill(out, lost + b * k, lost + (b + 1) * k, level / k);
    }
    return out;
  }

  /** The naive one-step forecasts {@code y(t-1)}, NaN at {@code t = 0}. */
  static double[] naiveFitted(double[] y, int n) {
    double[] out = new double[n];
    out[0] = Double.NaN;
    for (int t = 1; t < n; t++) {
      out[t] = y[t - 1];
    }
    return out;
  }

  private static double sse(double alpha, double[] x) {
    double level = x[0];
    double s = 0;
    for (int i = 1; i < x.length; i++) {
      level = alpha * x[i - 1] + (1 - alpha) * level;
      double e = x[i] - level;
      s += e * e;
    }
    return s;
  }

  private static double ses(double alpha, double[] x) {
    if (x.length == 1) {
      return x[0];
    }
    double level = x[0];
    for (int i = 1; i < x.length; i++) {
      level = alpha * x[i - 1] + (1 - alpha) * level;
    }
    return alpha * x[x.length - 1] + (1 - alpha) * level;
  }

  /**
   * A flat forecast of the demand per period, with the in-sample one-step forecasts of the model
   * that produced it.
   *
   * @param fitted one per value fitted, NaN where the model has none
   */
  record Flat(ModelSpec spec, double value, double[] fitted) implements FittedModel {
    Flat {
      fitted = fitted.clone();
    }

    @Override
    public double[] forecast(int horizon) {
      double[] f = new double[horizon];
      Arrays.fill(f, value);
      return f;
    }

    @Override
    public Optional<double[]> fittedValues() {
      return Optional.of(fitted.clone());
    }
  }
}
