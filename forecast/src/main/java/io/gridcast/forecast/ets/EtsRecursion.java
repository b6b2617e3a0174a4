package io.gridcast.forecast.ets;

/**
 * The ETS state-space recursions in the error-correction form of Hyndman et al. (2008, ch. 2),
 * written as R's {@code etscalc} writes them so that results agree to rounding.
 *
 * <p>With {@code q = l + phi b} (or {@code l} without trend) and {@code s = s(t-m)}, the one-step
 * forecast is {@code mu = q + s} (additive season) or {@code q s} (multiplicative); the error is
 * {@code e = y - mu} (additive) or {@code (y - mu) / mu} (multiplicative). The states then move to
 *
 * <pre>
 *   l' = q + alpha (p - q),            p = y - s  or  y / s
 *   b' = phi b + (beta / alpha) (l' - l - phi b)
 *   s' = s + gamma (t - s),            t = y - q  or  y / q
 * </pre>
 *
 * and the criterion minimised is {@code -2 log L + const = n log(sum e^2) + 2 sum log|mu|} (the
 * second term only for multiplicative error).
 *
 * <p>State vectors are laid out as R's: {@code (l, b, s0, ..., s(m-1))} with {@code s0} the most
 * recent seasonal state. Seasonal states run in a ring buffer, so one step costs O(1) whatever the
 * period; nothing is allocated per call.
 */
final class EtsRecursion {
  /** R's guards against division by ~0 in multiplicative updates. */
  static final double TOL = 1.0e-10;

  static final double HUGE = 1.0e10;

  private static final double LN2 = Math.log(2);

  private EtsRecursion() {}

  /**
   * Runs the filter over {@code y[0..n)}.
   *
   * @param x0 initial state {@code (l, b, s0..s(m-1))}; not modified
   * @param ring scratch of length >= m (seasonal models)
   * @param residuals receives e(t) when not null
   * @param finalState receives the state after the last observation, R layout, when not null
   * @return {@code n log(sum e^2) + 2 sum log|mu|}; NaN or infinite when the filter broke down
   */
  static double run(
      EtsStructure s,
      int m,
      double alpha,
      double beta,
      double gamma,
      double phi,
      double[] y,
      int n,
      double[] x0,
      double[] ring,
      double[] residuals,
      double[] finalState) {
    boolean trend = s.hasTrend();
    int season = s.seasonCode();
    boolean multErr = s.multiplicativeError();
    double l = x0[0];
    double b = trend ? x0[1] : 0;
    double ph = s.damped() ? phi : 1.0;
    int off = trend ? 2 : 1;
    if (season != 0) {
      // state s_j belongs to time -j; time tau lives in ring[tau mod m].
      for (int j = 0; j < m; j++) {
        ring[(m - j) % m] = x0[off + j];
      }
    }
    double ba = trend ? beta / alpha : 0;
    double sse = 0;
    double prod = 1;
    long exps = 0;
    int k = season != 0 ? 1 % m : 0;
    for (int i = 0; i < n; i++) {
      double yi = y[i];
      double phib = trend ? ph * b : 0;
      double q = l + phib;
      double sOld = 0;
      double f;
      if (season == 0) {
        f = q;
      } else {
        sOld = ring[k];
        f = season == 1 ? q + sOld : q * sOld;
      }
      double e = multErr ? (yi - f) / f : yi - f;
      double p;
      if (season == 0) {
        p = yi;
      } else if (season == 1) {
        p = yi - sOld;
      } else {
        p = Math.abs(sOld) < TOL ? HUGE : yi / sOld;
      }
      double lNew = q + alpha * (p - q);
      if (trend) {
        b = phib + ba * ((lNew - l) - phib);
      }
      if (season != 0) {
        double t;
        if (season == 1) {
          t = yi - q;
        } else {
          t = Math.abs(q) < TOL ? HUGE : yi / q;
        }
        ring[k] = sOld + gamma * (t - sOld);
        if (++k == m) {
          k = 0;
        }
      }
      l = lNew;
      sse += e * e;
      if (multErr) {
        prod *= Math.abs(f);
        int ex = Math.getExponent(prod);
        if (ex > 256 || ex < -256) {
          if (ex > Double.MAX_EXPONENT || ex < Double.MIN_EXPONENT) {
            prod = Double.NaN;
          } else {
            exps += ex;
            prod = Math.scalb(prod, -ex);
          }
        }
      }
      if (residuals != null) {
        residuals[i] = e;
      }
    }
    if (finalState != null) {
      finalState[0] = l;
      if (trend) {
        finalState[1] = b;
      }
      if (season != 0) {
        for (int j = 0; j < m; j++) {
          finalState[off + j] = ring[Math.floorMod(n - j, m)];
        }
      }
    }
    double lik = n * Math.log(sse);
    if (multErr) {
      lik += 2 * (Math.log(prod) + exps * LN2);
    }
    return lik;
  }

  /**
   * The criterion alone, as {@link #run} computes it (same operations in the same order, so the
   * same bits), with one loop per seasonal form so the JIT sees no per-step dispatch.
   */
  static double likelihood(
      EtsStructure s,
      int m,
      double alpha,
      double beta,
      double gamma,
      double phi,
      double[] y,
      int n,
      double[] x0,
      double[] ring) {
    if (s.seasonCode() != 0) {
      return seasonalLikelihood(s, m, alpha, beta, gamma, phi, y, n, x0, ring);
    }
    boolean trend = s.hasTrend();
    double l = x0[0];
    double b = trend ? x0[1] : 0;
    double ph = s.damped() ? phi : 1.0;
    double ba = trend ? beta / alpha : 0;
    double sse = 0;
    if (!s.multiplicativeError()) {
      if (!trend) {
        for (int i = 0; i < n; i++) {
          double yi = y[i];
          double e = yi - l;
          l = l + alpha * (yi - l);
          sse += e * e;
        }
      } else {
        for (int i = 0; i < n; i++) {
          double yi = y[i];
          double phib = ph * b;
          double q = l + phib;
          double e = yi - q;
          double lNew = q + alpha * (yi - q);
          b = phib + ba * ((lNew - l) - phib);
          l = lNew;
          sse += e * e;
        }
      }
      return n * Math.log(sse);
    }
    double prod = 1;
    long exps = 0;
    for (int i = 0; i < n; i++) {
      double yi = y[i];
      double phib = trend ? ph * b : 0;
      double q = l + phib;
      double e = (yi - q) / q;
      double lNew = q + alpha * (yi - q);
      if (trend) {
        b = phib + ba * ((lNew - l) - phib);
      }
      l = lNew;
      sse += e * e;
      prod *= Math.abs(q);
      int ex = Math.getExponent(prod);
      if (ex > 256 || ex < -256) {
        if (ex > Double.MAX_EXPONENT || ex < Double.MIN_EXPONENT) {
          prod = Double.NaN;
        } else {
          exps += ex;
          prod = Math.scalb(prod, -ex);
        }
      }
    }
    return n * Math.log(sse) + 2 * (Math.log(prod) + exps * LN2);
  }

  private static double seasonalLikelihood(
      EtsStructure s,
      int m,
      double alpha,
      double beta,
      double gamma,
      double phi,
      double[] y,
      int n,
      double[] x0,
      double[] ring) {
    boolean trend = s.hasTrend();
    boolean multErr = s.multiplicativeError();
    boolean multSeason = s.multiplicativeSeason();
    double l = x0[0];
    double b = trend ? x0[1] : 0;
    double ph = s.damped() ? phi : 1.0;
    int off = trend ? 2 : 1;
    for (int j = 0; j < m; j++) {
      ring[(m - j) % m] = x0[off + j];
    }
    double ba = trend ? beta / alpha : 0;
    double sse = 0;
    double prod = 1;
    long exps = 0;
    int k = 1 % m;
    if (!multSeason) {
      for (int i = 0; i < n; i++) {
        double yi = y[i];
        double phib = trend ? ph * b : 0;
        double q = l + phib;
        double sOld = ring[k];
        double f = q + sOld;
        double e = multErr ? (yi - f) / f : yi - f;
        double lNew = q + alpha * ((yi - sOld) - q);
        if (trend) {
          b = phib + ba * ((lNew - l) - phib);
        }
        ring[k] = sOld + gamma * ((yi - q) - sOld);
        if (++k == m) {
          k = 0;
        }
        l = lNew;
        sse += e * e;
        if (multErr) {
          prod *= Math.abs(f);
          int ex = Math.getExponent(prod);
          if (ex > 256 || ex < -256) {
            if (ex > Double.MAX_EXPONENT || ex < Double.MIN_EXPONENT) {
              prod = Double.NaN;
            } else {
              exps += ex;
              prod = Math.scalb(prod, -ex);
            }
          }
        }
      }
    } else {
      for (int i = 0; i < n; i++) {
        double yi = y[i];
        double phib = trend ? ph * b : 0;
        double q = l + phib;
        double sOld = ring[k];
        double f = q * sOld;
        double e = (yi - f) / f;
        double p = Math.abs(sOld) < TOL ? HUGE : yi / sOld;
        double lNew = q + alpha * (p - q);
        if (trend) {
          b = phib + ba * ((lNew - l) - phib);
        }
        double t = Math.abs(q) < TOL ? HUGE : yi / q;
        ring[k] = sOld + gamma * (t - sOld);
        if (++k == m) {
          k = 0;
        }
        l = lNew;
        sse += e * e;
        prod *= Math.abs(f);
        int ex = Math.getExponent(prod);
        if (ex > 256 || ex < -256) {
          if (ex > Double.MAX_EXPONENT || ex < Double.MIN_EXPONENT) {
            prod = Double.NaN;
          } else {
            exps += ex;
            prod = Math.scalb(prod, -ex);
          }
        }
      }
    }
    double lik = n * Math.log(sse);
    if (multErr) {
      lik += 2 * (Math.log(prod) + exps * LN2);
    }
    return lik;
  }

  /**
   * Point forecasts {@code mu(h) = l + (phi + ... + phi^h) b (+|x) s(n + h - m)} from a final state
   * (R's {@code forecast()} in etscalc.c).
   */
  static double[] pointForecast(EtsStructure s, int m, double phi, double[] state, int horizon) {
    double[] f = new double[horizon];
    boolean trend = s.hasTrend();
    int off = trend ? 2 : 1;
    double ph = s.damped() ? phi : 1.0;
    double phistar = ph;
    for (int i = 0; i < horizon; i++) {
      double v = trend ? state[0] + phistar * state[1] : state[0];
      if (s.seasonal()) {
        int j = Math.floorMod(m - 1 - i, m);
        v = s.multiplicativeSeason() ? v * state[off + j] : v + state[off + j];
      }
      f[i] = v;
      phistar += Math.abs(ph - 1.0) < TOL ? 1.0 : Math.pow(ph, i + 2.0);
    }
    return f;
  }
}
