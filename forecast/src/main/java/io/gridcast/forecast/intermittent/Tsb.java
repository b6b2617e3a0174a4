package io.gridcast.forecast.intermittent;

import io.gridcast.forecast.model.FittedModel;
import io.gridcast.forecast.model.ModelSpec;
import io.gridcast.forecast.smoothing.BoundedMinimizer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Teunter-Syntetos-Babai (2011): the demand probability is updated every period, the size only when
 * demand occurs, so the forecast decays through long runs of zeros (obsolescence):
 *
 * <pre>
 *   p(t) = p(t-1) + beta (1[y(t) > 0] - p(t-1))
 *   z(t) = z(t-1) + alpha (y(t) - z(t-1))   when y(t) > 0, else z(t) = z(t-1)
 *   f(T+h) = p(T) z(T)
 * </pre>
 *
 * <p>Initial values as {@code tsintermittent::tsb(init = "mean")}: {@code p0} = share of periods
 * with demand, {@code z0} = mean non-zero demand (0 and 0 for an all-zero series). Null parameters
 * are estimated by least in-sample one-step squared error with {@code alpha, beta} in {@code [0.01,
 * 0.5]}. Negative demand is rejected. No analytic interval.
 *
 * @param alpha smoothing constant for demand size, in (0, 1], or null
 * @param beta smoothing constant for demand probability, in (0, 1], or null
 */
public record Tsb(Double alpha, Double beta) implements ModelSpec {
  public static final String NAME = "tsb";

  public Tsb {
    if (alpha != null && !(alpha > 0 && alpha <= 1)) {
      throw new IllegalArgumentException("alpha must be in (0, 1]: " + alpha);
    }
    if (beta != null && !(beta > 0 && beta <= 1)) {
      throw new IllegalArgumentException("beta must be in (0, 1]: " + beta);
    }
  }

  /** From a parameter map: absent parameters are estimated. */
  public static Tsb fromParameters(Map<String, Double> parameters) {
    return new Tsb(parameters.get("alpha"), parameters.get("beta"));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Map<String, Double> parameters() {
    Map<String, Double> p = new LinkedHashMap<>();
    if (alpha != null) {
      p.put("alpha", alpha);
    }
    if (beta != null) {
      p.put("beta", beta);
    }
    return Collections.unmodifiableMap(p);
  }

  @Override
  public FittedModel fit(double[] y, int n, int period) {
    CrostonCore.check(NAME, y, n);
    double a = alpha != null ? alpha : 0;
    double b = beta != null ? beta : 0;
    if (alpha == null || beta == null) {
      double[] lo = {alpha != null ? alpha : CrostonCore.ALPHA_MIN, beta != null ? beta : 0.01};
      double[] hi = {alpha != null ? alpha : CrostonCore.ALPHA_MAX, beta != null ? beta : 0.5};
      double[] best = BoundedMinimizer.minimize(p -> run(y, n, p[0], p[1], true, null), lo, hi).x();
      a = best[0];
      b = best[1];
    }
    double[] oneStep = new double[n];
    return new CrostonCore.Flat(new Tsb(a, b), run(y, n, a, b, false, oneStep), oneStep);
  }

  /**
   * The in-sample SSE ({@code sse = true}) or the final forecast {@code p z}; {@code oneStep}, when
   * non-null, receives the forecast {@code p z} made before each period.
   */
  static double run(double[] y, int n, double a, double b, boolean sse, double[] oneStep) {
    int count = 0;
    double sum = 0;
    for (int t = 0; t < n; t++) {
      if (y[t] > 0) {
        count++;
        sum += y[t];
      }
    }
    double p = (double) count / n;
    double z = count == 0 ? 0 : sum / count;
    double total = 0;
    for (int t = 0; t < n; t++) {
      double e = y[t] - p * z;
      if (oneStep != null) {
        oneStep[t] = p * z;
      }
      total += e * e;
      boolean demand = y[t] > 0;
      p += b * ((demand ? 1 : 0) - p);
      if (demand) {
        z += a * (y[t] - z);
      }
    }
    return sse ? total : p * z;
  }
}
