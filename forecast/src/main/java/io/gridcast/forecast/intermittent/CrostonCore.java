package io.gridcast.forecast.intermittent;

import io.gridcast.forecast.model.FittedModel;
import io.gridcast.forecast.model.ModelFitException;
import io.gridcast.forecast.model.ModelSpec;
import io.gridcast.forecast.smoothing.BoundedMinimizer;
import java.util.Arrays;
import java.util.Optional;

/**
 * Croston's recursions as R's {@code forecast:::croston2}: the non-zero demands {@code z_i} and the
 * intervals {@code q_i} between them (the first counted from period 0, so {@code q_1} is the
 * 1-based index of the first demand) are each smoothed by SES with initial value = first element
 * ({@code l_1 = z_1}, {@code l_i = a z_i + (1 - a) l_{i-1}}); forecast {@code z / q}. One demand
 * gives {@code z_1 / q_1}; no demand gives 0.
 *
 * <p>Estimation of a null alpha: least in-sample mean squared one-step error, counting the periods
 * after the first demand, over {@code [}{@value #ALPHA_MIN}{@code , }{@value #ALPHA_MAX}{@code ]}.
 */
final class CrostonCore {
  private CrostonCore() {}

  static final double ALPHA_MIN = 0.01;
  static final double ALPHA_MAX = 0.5;

  /** Rejects negative or non-finite demand. */
  static void check(String name, double[] y, int n) {
    if (n < 1 || n > y.length) {
      throw new ModelFitException(
          name, "needs 1 <= n <= y.length, got n=" + n + ", length " + y.length);
    }
    for (int t = 0; t < n; t++) {
      if (!(y[t] >= 0) || !Double.isFinite(y[t])) {
        throw new ModelFitException(
            name, "demand must be finite and non-negative, got " + y[t] + " at index " + t);
      }
    }
  }

  /**
   * Runs the recursion with {@code factor} applied to the ratio ({@code 1} Croston, {@code 1 - a/2}
   * SBA); returns the final forecast and, when {@code sse} is non-null, puts the in-sample squared
   * error sum in {@code sse[0]} and the number of counted periods in {@code sse[1]}. When {@code
   * oneStep} is non-null it receives the forecast made before each period (0 before the first
   * demand, as the forecast of a history without demand).
   */
  static double run(double[] y, int n, double a, boolean sba, double[] sse, double[] oneStep) {
    double z = 0;
    double q = 0;
    int seen = 0;
    int last = -1;
    double sum = 0;
    int count = 0;
    for (int t = 0; t < n; t++) {
      if (oneStep != null) {
        oneStep[t] = seen == 0 ? 0 : ratio(z, q, a, sba);
      }
      if (seen > 0 && sse != null) {
        double e = y[t] - ratio(z, q, a, sba);
        sum += e * e;
        count++;
      }
      if (y[t] > 0) {
        double interval = t - last;
        if (seen == 0) {
          z = y[t];
          q = interval;
        } else {
          z = a * y[t] + (1 - a) * z;
          q = a * interval + (1 - a) * q;
        }
        seen++;
        last = t;
      }
    }
    if (sse != null) {
      sse[0] = sum;
      sse[1] = count;
    }
    return seen == 0 ? 0 : ratio(z, q, a, sba);
  }

  private static double ratio(double z, double q, double a, boolean sba) {
    return z / q * (sba ? 1 - a / 2 : 1);
  }

  /** The alpha with the least in-sample mean squared one-step error. */
  static double estimate(double[] y, int n, boolean sba) {
    double[] buf = new double[2];
    return BoundedMinimizer.minimize(
            p -> {
              run(y, n, p[0], sba, buf, null);
              return buf[1] == 0 ? 0 : buf[0] / buf[1];
            },
            new double[] {ALPHA_MIN},
            new double[] {ALPHA_MAX})
        .x()[0];
  }

  /** A flat forecast with its in-sample one-step forecasts. */
  record Flat(ModelSpec spec, double value, double[] oneStep) implements FittedModel {
    @Override
    public Optional<double[]> fittedValues() {
      return Optional.of(oneStep.clone());
    }

    @Override
    public double[] forecast(int horizon) {
      double[] f = new double[horizon];
      Arrays.fill(f, value);
      return f;
    }
  }
}
