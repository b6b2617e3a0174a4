package io.gridcast.forecast.theta;

import io.gridcast.forecast.adjust.SeasonalAdjustment;
import io.gridcast.forecast.model.FittedModel;
import io.gridcast.forecast.model.ModelSpec;
import io.gridcast.forecast.smoothing.BoundedMinimizer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The optimised Theta method (Fiorucci et al. 2016, "OTM", static version): the theta coefficient
 * is estimated with the smoothing constant instead of being fixed at 2.
 *
 * <p>On the seasonally adjusted series {@code x} (same test and adjustment as {@link Theta}) with
 * least-squares slope {@code b} on {@code t = 0..n-1}, the drift is {@code d = (1 - 1/theta) b}
 * ({@code theta = 2} gives {@code thetaf}'s {@code b/2}) and the one-step forecasts are
 *
 * <pre>
 *   yhat(t+1) = l(t) + d (1 - (1 - a)^t) / a,      l(t) = a x(t) + (1 - a) l(t-1),
 * </pre>
 *
 * the in-sample form of the {@link Theta} forecast with {@code h = 1}. {@code (a, theta)} minimise
 * the in-sample one-step sum of squared errors with {@code a} in {@code [1e-4, 0.9999]} and {@code
 * theta} in {@code [1, }{@value #THETA_MAX}{@code ]}; the initial level {@code l0} enters the
 * errors linearly with weight {@code (1 - a)^t} and is solved exactly for every trial. Forecast and
 * interval as {@link Theta}.
 *
 * @param alpha smoothing constant in (0, 1], or null to estimate
 * @param theta theta coefficient {@code >= 1}, or null to estimate
 */
public record OptimizedTheta(Double alpha, Double theta) implements ModelSpec {
  public static final String NAME = "optimized_theta";

  /** Upper search bound for theta. */
  public static final double THETA_MAX = 10;

  public OptimizedTheta {
    if (alpha != null && !(alpha > 0 && alpha <= 1)) {
      throw new IllegalArgumentException("alpha must be in (0, 1]: " + alpha);
    }
    if (theta != null && !(theta >= 1 && Double.isFinite(theta))) {
      throw new IllegalArgumentException("theta must be a finite number >= 1: " + theta);
    }
  }

  /** Both estimated. */
  public OptimizedTheta() {
    this(null, null);
  }

  /** From a parameter map: absent parameters are estimated. */
  public static OptimizedTheta fromParameters(Map<String, Double> parameters) {
    return new OptimizedTheta(parameters.get("alpha"), parameters.get("theta"));
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
    if (theta != null) {
      p.put("theta", theta);
    }
    return Collections.unmodifiableMap(p);
  }

  @Override
  public FittedModel fit(double[] y, int n, int period) {
    Theta.check(NAME, y, n);
    double[] idx = SeasonalAdjustment.indices(y, n, period);
    double[] x = SeasonalAdjustment.adjust(y, n, idx);
    double slope = SeasonalAdjustment.line(x, n)[1];
    double[] lo = new double[2];
    double[] hi = new double[2];
    lo[0] = alpha != null ? alpha : 1e-4;
    hi[0] = alpha != null ? alpha : 0.9999;
    lo[1] = theta != null ? theta : 1;
    hi[1] = theta != null ? theta : THETA_MAX;
    double[] best = {lo[0], lo[1]};
    if (alpha == null || theta == null) {
      best =
          BoundedMinimizer.minimize(
                  p -> concentratedSse(x, n, p[0], (1 - 1 / p[1]) * slope), lo, hi)
              .x();
    }
    double a = best[0];
    double th = best[1];
    double drift = (1 - 1 / th) * slope;
    double[] out = new double[2];
    double[] levels = new double[n];
    double sse = run(x, n, a, drift, out, levels);
    int k = (alpha == null ? 1 : 0) + (theta == null ? 1 : 0) + 1;
    double sigma2 = n - k >= 1 ? sse / (n - k) : sse / n;
    return new ThetaFit(
        new OptimizedTheta(a, th),
        out[0],
        drift,
        a,
        n,
        idx,
        sigma2,
        k,
        ThetaFit.oneStep(levels, drift, a, idx));
  }

  /** Least SSE over l0: errors are {@code e0(t) - l0 (1-a)^t} with {@code e0} from l0 = 0. */
  private static double concentratedSse(double[] x, int n, double a, double drift) {
    double c = x[0];
    double l = c;
    double w = 1;
    double see = 0;
    double sew = 0;
    double sww = 0;
    for (int t = 0; t < n; t++) {
      double e = x[t] - l - drift * (1 - w) / a;
      see += e * e;
      sew += e * w;
      sww += w * w;
      l += a * (x[t] - l);
      w *= 1 - a;
    }
    return Math.max(0, see - sew * sew / sww);
  }

  /**
   * Runs with the least-squares l0; returns the SSE, puts {@code l(n)} in {@code out[0]} and the
   * level before each value, {@code l(0..n-1)}, in {@code levels}.
   */
  private static double run(
      double[] x, int n, double a, double drift, double[] out, double[] levels) {
    double c = x[0];
    double l = c;
    double w = 1;
    double sew = 0;
    double sww = 0;
    for (int t = 0; t < n; t++) {
      double e = x[t] - l - drift * (1 - w) / a;
      sew += e * w;
      sww += w * w;
      l += a * (x[t] - l);
      w *= 1 - a;
    }
    l = c + sew / sww;
    w = 1;
    double sse = 0;
    for (int t = 0; t < n; t++) {
      levels[t] = l;
      double e = x[t] - l - drift * (1 - w) / a;
      sse += e * e;
      l += a * (x[t] - l);
      w *= 1 - a;
    }
    out[0] = l;
    return sse;
  }
}
