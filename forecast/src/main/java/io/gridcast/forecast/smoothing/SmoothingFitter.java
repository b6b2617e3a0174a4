package io.gridcast.forecast.smoothing;

import io.gridcast.forecast.model.ModelFitException;
import io.gridcast.forecast.model.ModelSpec;
import io.gridcast.forecast.smoothing.SmoothingEngine.Season;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fits any member of the smoothing family: checks the data, chooses initial states, estimates the
 * smoothing parameters left null by minimising the in-sample one-step sum of squared errors (the
 * maximum-likelihood criterion for additive errors) with {@link BoundedMinimizer}, and builds the
 * {@link SmoothingFit}.
 *
 * <p>Search bounds: {@code alpha, beta, gamma} in {@code [1e-4, 0.9999]}, {@code phi} in {@code
 * [0.8, 0.98]} (the usual bounds of R's {@code ets}).
 */
final class SmoothingFitter {
  private SmoothingFitter() {}

  static final double LOWER = 1e-4;
  static final double UPPER = 0.9999;
  static final double PHI_LOWER = 0.8;
  static final double PHI_UPPER = 0.98;

  /** Builds the resolved spec from {@code (alpha, beta, gamma, phi)}. */
  @FunctionalInterface
  interface SpecFactory {
    ModelSpec of(double alpha, double beta, double gamma, double phi);
  }

  /** The shape of a model: trend, damping, season. */
  record Shape(String name, boolean trend, boolean damped, Season season) {}

  static SmoothingFit fit(
      Shape shape,
      double[] y,
      int n,
      int period,
      Double alpha,
      Double beta,
      Double gamma,
      Double phi,
      Initialization requested,
      SpecFactory specFactory) {
    String name = shape.name();
    boolean seasonal = shape.season() != Season.NONE;
    boolean mult = shape.season() == Season.MULTIPLICATIVE;
    checkData(name, y, n, period, shape);
    int m = seasonal ? period : 1;
    Initialization init =
        requested == Initialization.OPTIMAL && mult ? Initialization.HEURISTIC : requested;
    SmoothingEngine engine = new SmoothingEngine(shape.trend(), shape.season(), m);
    double[] s0 = new double[m];
    double[] lb = new double[2];
    initialStates(y, n, m, shape, init, s0, lb);

    boolean[] free = {
      alpha == null,
      shape.trend() && beta == null,
      seasonal && gamma == null,
      shape.damped() && phi == null
    };
    double[] fixed = {
      alpha == null ? 0 : alpha,
      beta == null ? 0 : beta,
      gamma == null ? 0 : gamma,
      shape.damped() ? (phi == null ? 0 : phi) : 1
    };
    int nFree = 0;
    for (boolean f : free) {
      nFree += f ? 1 : 0;
    }
    double[] params = fixed.clone();
    if (nFree > 0) {
      double[] lo = new double[nFree];
      double[] hi = new double[nFree];
      int j = 0;
      for (int i = 0; i < 4; i++) {
        if (free[i]) {
          lo[j] = i == 3 ? PHI_LOWER : LOWER;
          hi[j] = i == 3 ? PHI_UPPER : UPPER;
          j++;
        }
      }
      double[] trial = new double[4];
      BoundedMinimizer.Result r =
          BoundedMinimizer.minimize(
              x -> {
                merge(fixed, free, x, trial);
                return sse(engine, init, y, n, trial, lb, s0);
              },
              lo,
              hi);
      merge(fixed, free, r.x(), params);
    }
    double[] oneStep = new double[n];
    double sse;
    if (init == Initialization.OPTIMAL) {
      sse(engine, init, y, n, params, lb, s0);
      lb[0] = engine.optimalL0;
      lb[1] = engine.optimalB0;
    }
    sse = engine.run(y, n, params[0], params[1], params[2], params[3], lb[0], lb[1], s0, oneStep);
    if (!Double.isFinite(sse) || !Double.isFinite(engine.level) || !Double.isFinite(engine.slope)) {
      throw new ModelFitException(
          name,
          "the recursion left the finite"
              + (mult ? ", positive" : "")
              + " range with alpha="
              + params[0]
              + ", beta="
              + params[1]
              + ", gamma="
              + params[2]
              + ", phi="
              + params[3]);
    }
    double[] ahead = new double[m];
    for (int h = 0; h < m; h++) {
      ahead[h] = seasonal ? engine.seasonal(n, h) : mult ? 1 : 0;
    }
    int k = nFree + (init == Initialization.OPTIMAL ? (shape.trend() ? 2 : 1) : 0);
    double sigma2 =
        nFree == 0 && init == Initialization.SIMPLE || n - k < 1 ? sse / n : sse / (n - k);
    return new SmoothingFit(
        specFactory.of(params[0], params[1], params[2], params[3]),
        engine.level,
        engine.slope,
        ahead,
        mult,
        seasonal,
        m,
        params[0],
        shape.trend() ? params[1] : 0,
        seasonal ? params[2] : 0,
        params[3],
        sigma2,
        k,
        oneStep);
  }

  private static void merge(double[] fixed, boolean[] free, double[] x, double[] out) {
    int j = 0;
    for (int i = 0; i < 4; i++) {
      out[i] = free[i] ? x[j++] : fixed[i];
    }
  }

  private static double sse(
      SmoothingEngine engine,
      Initialization init,
      double[] y,
      int n,
      double[] p,
      double[] lb,
      double[] s0) {
    return init == Initialization.OPTIMAL
        ? engine.concentrated(y, n, p[0], p[1], p[2], p[3], s0)
        : engine.run(y, n, p[0], p[1], p[2], p[3], lb[0], lb[1], s0);
  }

  private static void checkData(String name, double[] y, int n, int period, Shape shape) {
    if (n < 1 || n > y.length) {
      throw new ModelFitException(
          name, "needs 1 <= n <= y.length, got n=" + n + ", length " + y.length);
    }
    for (int t = 0; t < n; t++) {
      if (!Double.isFinite(y[t])) {
        throw new ModelFitException(name, "value at index " + t + " is not finite: " + y[t]);
      }
    }
    if (shape.season() != Season.NONE) {
      if (period < 2) {
        throw new ModelFitException(name, "needs a seasonal period of at least 2, got " + period);
      }
      if (n < 2 * period) {
        throw new ModelFitException(
            name,
            "needs two full seasons ("
                + 2 * period
                + " values) for period "
                + period
                + ", got "
                + n);
      }
    } else if (shape.trend() && n < 2) {
      throw new ModelFitException(name, "needs at least 2 observations for a trend, got " + n);
    }
    if (shape.season() == Season.MULTIPLICATIVE) {
      for (int t = 0; t < n; t++) {
        if (y[t] <= 0) {
          throw new ModelFitException(
              name,
              "multiplicative seasonality needs strictly positive values, got "
                  + y[t]
                  + " at index "
                  + t);
        }
      }
    }
  }

  /** Fills {@code s0} (seasonal start by position) and {@code lb = {l0, b0}}. */
  private static void initialStates(
      double[] y, int n, int m, Shape shape, Initialization init, double[] s0, double[] lb) {
    boolean seasonal = shape.season() != Season.NONE;
    boolean mult = shape.season() == Season.MULTIPLICATIVE;
    if (init == Initialization.SIMPLE) {
      if (seasonal) {
        double l0 = mean(y, 0, m);
        lb[0] = l0;
        lb[1] = (mean(y, m, 2 * m) - l0) / m;
        for (int i = 0; i < m; i++) {
          s0[i] = mult ? y[i] / l0 : y[i] - l0;
        }
      } else {
        lb[0] = y[0];
        lb[1] = n > 1 ? y[1] - y[0] : 0;
      }
      return;
    }
    if (seasonal) {
      double[] fig = ClassicalDecomposition.seasonalIndices(y, Math.min(n, 3 * m), m, mult);
      for (int i = 0; i < m; i++) {
        s0[i] = mult ? Math.max(fig[i], 1e-2) : fig[i];
      }
    } else {
      s0[0] = 0;
    }
    int maxn = Math.min(Math.max(10, 2 * m), n);
    double[] sa = new double[maxn];
    for (int t = 0; t < maxn; t++) {
      double s = s0[t % m];
      sa[t] = !seasonal ? y[t] : mult ? y[t] / s : y[t] - s;
    }
    if (!shape.trend() || maxn < 2) {
      lb[0] = mean(sa, 0, maxn);
      lb[1] = 0;
      return;
    }
    double tBar = (maxn + 1) / 2.0;
    double yBar = mean(sa, 0, maxn);
    double sxy = 0;
    double sxx = 0;
    for (int t = 0; t < maxn; t++) {
      double dx = t + 1 - tBar;
      sxy += dx * (sa[t] - yBar);
      sxx += dx * dx;
    }
    lb[1] = sxy / sxx;
    lb[0] = yBar - lb[1] * tBar;
  }

  private static double mean(double[] y, int from, int to) {
    double s = 0;
    for (int t = from; t < to; t++) {
      s += y[t];
    }
    return s / (to - from);
  }

  /** Rejects a smoothing constant outside {@code (0, 1]} (or {@code [0, 1]} for beta/gamma). */
  static Double checkUnit(String param, Double v, boolean zeroAllowed) {
    if (v != null && !(zeroAllowed ? v >= 0 && v <= 1 : v > 0 && v <= 1)) {
      throw new IllegalArgumentException(
          param + " must be in " + (zeroAllowed ? "[0, 1]" : "(0, 1]") + ": " + v);
    }
    return v;
  }

  /** The non-null parameters in the order given, as an unmodifiable map. */
  static Map<String, Double> parameters(String[] names, Double... values) {
    Map<String, Double> map = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      if (values[i] != null) {
        map.put(names[i], values[i]);
      }
    }
    return Collections.unmodifiableMap(map);
  }
}
