package io.gridcast.forecast.ets;

import io.gridcast.forecast.model.ModelFitException;
import io.gridcast.forecast.optim.NelderMead;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fits one ETS structure as R's {@code etsmodel()}: starting values from {@code initparam()} and
 * {@link EtsInitializer}, then Nelder-Mead on {@code L*} over every parameter not given, with R's
 * "both" bounds: {@code 1e-4 <= alpha <= 0.9999}, {@code 1e-4 <= beta <= alpha}, {@code 1e-4 <=
 * gamma <= 1 - alpha}, {@code 0.8 <= phi <= 0.98}, plus {@link EtsAdmissibility}. Given parameters
 * stay fixed; when every parameter is given nothing is optimised.
 */
final class EtsFitter {
  static final double[] LOWER = {1e-4, 1e-4, 1e-4, 0.8};
  static final double[] UPPER = {0.9999, 0.9999, 0.9999, 0.98};

  private EtsFitter() {}

  static EtsModel fit(EtsStructure s, double[] y, int n, int period, Map<String, Double> given) {
    String name = s.registryName();
    if (n < 1 || n > y.length) {
      throw new ModelFitException(name, "n must be in [1, " + y.length + "], got " + n);
    }
    double min = Double.POSITIVE_INFINITY;
    for (int t = 0; t < n; t++) {
      if (!Double.isFinite(y[t])) {
        throw new ModelFitException(name, "value " + y[t] + " at index " + t + " is not finite");
      }
      min = Math.min(min, y[t]);
    }
    int m = s.seasonal() ? period : 1;
    if (s.seasonal() && period < 2) {
      throw new ModelFitException(name, "a seasonal structure needs period > 1, got " + period);
    }
    if (s.needsPositiveData() && min <= 0) {
      throw new ModelFitException(
          name, "multiplicative components need values > 0, minimum is " + min);
    }
    Map<String, Double> p = new LinkedHashMap<>(given);
    double[] smooth = {Double.NaN, 0, 0, 1};
    boolean[] free = new boolean[4];
    String[] names = {"alpha", "beta", "gamma", "phi"};
    boolean[] used = {true, s.hasTrend(), s.seasonal(), s.damped()};
    for (int i = 0; i < 4; i++) {
      Double v = p.remove(names[i]);
      if (v != null && !used[i]) {
        throw new ModelFitException(name, "has no parameter " + names[i]);
      }
      if (v != null) {
        smooth[i] = v;
      } else {
        free[i] = used[i];
      }
    }
    double[] fixedState = readStates(s, m, p, name);
    if (!p.isEmpty()) {
      throw new ModelFitException(name, "unknown parameters " + p.keySet());
    }
    if (s.seasonal() && n < 2 * m && (fixedState == null || free[0] || free[1] || free[2])) {
      throw new ModelFitException(
          name, "needs two full seasons (" + 2 * m + " values) to estimate, got " + n);
    }
    double[] lower = LOWER.clone();
    double[] upper = UPPER.clone();
    if (!free[0]) {
      upper[1] = Math.min(smooth[0], upper[1]);
      upper[2] = Math.min(1 - smooth[0], upper[2]);
    }
    if (s.hasTrend() && !free[1]) {
      lower[0] = Math.max(smooth[1], lower[0]);
    }
    if (s.seasonal() && !free[2]) {
      upper[0] = Math.min(1 - smooth[2], upper[0]);
    }
    initialSmoothing(smooth, free, lower, upper, m);
    int freeSmoothing = 0;
    for (boolean f : free) {
      freeSmoothing += f ? 1 : 0;
    }
    double[] startStates = fixedState == null ? EtsInitializer.initialStates(s, y, n, m) : null;
    int nFree = freeSmoothing + (startStates == null ? 0 : startStates.length);
    Objective objective = new Objective(s, y, n, m, smooth, free, lower, upper, fixedState);
    double[] full = new double[s.stateLength(m)];
    if (nFree > 0) {
      if (nFree >= n - 1) {
        throw new ModelFitException(
            name, nFree + " free parameters need more than " + (nFree + 1) + " values, got " + n);
      }
      double[] start = new double[nFree];
      int j = 0;
      for (int i = 0; i < 4; i++) {
        if (free[i]) {
          start[j++] = smooth[i];
        }
      }
      if (startStates != null) {
        System.arraycopy(startStates, 0, start, j, startStates.length);
      }
      if (!Double.isFinite(objective.value(start))) {
        throw new ModelFitException(name, "likelihood cannot be evaluated at the starting values");
      }
      NelderMead.Result r = NelderMead.minimize(objective, start, NelderMead.Options.R_DEFAULTS);
      objective.unpack(r.point(), smooth, full);
    } else {
      System.arraycopy(fixedState, 0, full, 0, full.length);
    }
    return finish(s, y, n, period, m, smooth, full);
  }

  /** Runs the filter once more with the final parameters and wraps the result. */
  static EtsModel finish(
      EtsStructure s, double[] y, int n, int period, int m, double[] smooth, double[] x0) {
    double[] residuals = new double[n];
    double[] last = new double[x0.length];
    double lik =
        EtsRecursion.run(
            s,
            m,
            smooth[0],
            smooth[1],
            smooth[2],
            smooth[3],
            y,
            n,
            x0,
            new double[m],
            residuals,
            last);
    double sse = 0;
    for (double e : residuals) {
      sse += e * e;
    }
    // e = y - mu (additive error) or (y - mu) / mu (multiplicative error, y > 0)
    double[] oneStep = new double[n];
    for (int t = 0; t < n; t++) {
      oneStep[t] = s.multiplicativeError() ? y[t] / (1 + residuals[t]) : y[t] - residuals[t];
    }
    Map<String, Double> params = new LinkedHashMap<>();
    params.put("alpha", smooth[0]);
    if (s.hasTrend()) {
      params.put("beta", smooth[1]);
    }
    if (s.seasonal()) {
      params.put("gamma", smooth[2]);
    }
    if (s.damped()) {
      params.put("phi", smooth[3]);
    }
    params.put("l0", x0[0]);
    int off = 1;
    if (s.hasTrend()) {
      params.put("b0", x0[1]);
      off = 2;
    }
    if (s.seasonal()) {
      for (int j = 0; j < m; j++) {
        params.put("s" + j, x0[off + j]);
      }
    }
    EtsSpec fitted = EtsSpec.of(s, params);
    return new EtsModel(fitted, s, period, smooth, last, n, lik, sse, oneStep);
  }

  /** The full initial state when the spec gives it (all of l0, b0, s0..s(m-1)), else null. */
  private static double[] readStates(EtsStructure s, int m, Map<String, Double> p, String name) {
    int len = s.stateLength(m);
    double[] x = new double[len];
    int found = 0;
    String[] keys = new String[len];
    keys[0] = "l0";
    int off = 1;
    if (s.hasTrend()) {
      keys[1] = "b0";
      off = 2;
    }
    for (int j = 0; j < len - off; j++) {
      keys[off + j] = "s" + j;
    }
    for (int i = 0; i < len; i++) {
      Double v = p.remove(keys[i]);
      if (v != null) {
        if (!Double.isFinite(v)) {
          throw new ModelFitException(name, "initial state " + keys[i] + " is not finite: " + v);
        }
        x[i] = v;
        found++;
      }
    }
    if (found == 0) {
      return null;
    }
    if (found != len) {
      throw new ModelFitException(
          name,
          "give every initial state or none; expected "
              + Arrays.toString(keys)
              + " for period "
              + m
              + ", got "
              + found);
    }
    return x;
  }

  /** R's {@code initparam()}: alpha, beta, gamma, phi starting values for the free ones. */
  private static void initialSmoothing(
      double[] smooth, boolean[] free, double[] lower, double[] upper, int m) {
    if (free[0]) {
      double a = lower[0] + 0.2 * (upper[0] - lower[0]) / m;
      if (a > 1 || a < 0) {
        a = lower[0] + 2e-3;
      }
      smooth[0] = a;
    }
    double alpha = smooth[0];
    if (free[1]) {
      double up = Math.min(upper[1], alpha);
      double b = lower[1] + 0.1 * (up - lower[1]);
      if (b < 0 || b > alpha) {
        b = alpha - 1e-3;
      }
      smooth[1] = b;
    }
    if (free[2]) {
      double up = Math.min(upper[2], 1 - alpha);
      double g = lower[2] + 0.05 * (up - lower[2]);
      if (g < 0 || g > 1 - alpha) {
        g = 1 - alpha - 1e-3;
      }
      smooth[2] = g;
    }
    if (free[3]) {
      double ph = lower[3] + 0.99 * (upper[3] - lower[3]);
      if (ph < 0 || ph > 1) {
        ph = upper[3] - 1e-3;
      }
      smooth[3] = ph;
    }
  }

  /**
   * {@code L*} as a function of the free parameters, with R's early rejections (bounds,
   * admissibility, negative multiplicative seasonal states). Reuses its buffers: one per fit, one
   * thread.
   */
  static final class Objective implements NelderMead.Objective {
    private final EtsStructure s;
    private final double[] y;
    private final int n;
    private final int m;
    private final double[] fixedSmooth;
    private final boolean[] free;
    private final double[] lower;
    private final double[] upper;
    private final double[] fixedState;
    private final double[] state;
    private final double[] ring;
    private final double[] scratch;

    Objective(
        EtsStructure s,
        double[] y,
        int n,
        int m,
        double[] smooth,
        boolean[] free,
        double[] lower,
        double[] upper,
        double[] fixedState) {
      this.s = s;
      this.y = y;
      this.n = n;
      this.m = m;
      this.fixedSmooth = smooth.clone();
      this.free = free.clone();
      this.lower = lower;
      this.upper = upper;
      this.fixedState = fixedState;
      this.state = new double[s.stateLength(m)];
      this.ring = new double[m];
      this.scratch = new double[2 * (m + 2)];
    }

    @Override
    public double value(double[] x) {
      int j = 0;
      double alpha = free[0] ? x[j++] : fixedSmooth[0];
      double beta = free[1] ? x[j++] : fixedSmooth[1];
      double gamma = free[2] ? x[j++] : fixedSmooth[2];
      double phi = free[3] ? x[j++] : fixedSmooth[3];
      if (free[0] && (alpha < lower[0] || alpha > upper[0])) {
        return Double.POSITIVE_INFINITY;
      }
      if (free[1] && (beta < lower[1] || beta > alpha || beta > upper[1])) {
        return Double.POSITIVE_INFINITY;
      }
      if (free[3] && (phi < lower[3] || phi > upper[3])) {
        return Double.POSITIVE_INFINITY;
      }
      if (free[2] && (gamma < lower[2] || gamma > 1 - alpha || gamma > upper[2])) {
        return Double.POSITIVE_INFINITY;
      }
      if (!EtsAdmissibility.admissible(
          s.hasTrend(), s.seasonal(), alpha, beta, gamma, phi, m, scratch)) {
        return Double.POSITIVE_INFINITY;
      }
      if (!fillState(x, j)) {
        return Double.POSITIVE_INFINITY;
      }
      double lik = EtsRecursion.likelihood(s, m, alpha, beta, gamma, phi, y, n, state, ring);
      if (Double.isNaN(lik)) {
        return Double.POSITIVE_INFINITY;
      }
      return Math.max(lik, -1e10);
    }

    /** Builds the full initial state from x[j..]; false when a multiplicative season is < 0. */
    private boolean fillState(double[] x, int j) {
      if (fixedState != null) {
        System.arraycopy(fixedState, 0, state, 0, state.length);
        return true;
      }
      int off = s.hasTrend() ? 2 : 1;
      int free = state.length - (s.seasonal() ? 1 : 0);
      System.arraycopy(x, j, state, 0, free);
      if (s.seasonal()) {
        double sum = 0;
        for (int i = off; i < free; i++) {
          sum += state[i];
        }
        state[free] = (s.multiplicativeSeason() ? m : 0) - sum;
        if (s.multiplicativeSeason()) {
          for (int i = off; i <= free; i++) {
            if (state[i] < 0) {
              return false;
            }
          }
        }
      }
      return true;
    }

    /** Writes the smoothing parameters and full initial state encoded by x. */
    void unpack(double[] x, double[] smooth, double[] full) {
      int j = 0;
      for (int i = 0; i < 4; i++) {
        smooth[i] = free[i] ? x[j++] : fixedSmooth[i];
      }
      fillState(x, j);
      System.arraycopy(state, 0, full, 0, full.length);
    }
  }
}
