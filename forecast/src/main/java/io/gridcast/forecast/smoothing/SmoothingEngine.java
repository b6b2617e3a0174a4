package io.gridcast.forecast.smoothing;

import java.util.Arrays;

/**
 * The exponential smoothing recursion in the form of R's {@code forecast::HoltWintersZZ}, for one
 * parameter set. With {@code base = l + phi * b} and {@code s} the seasonal state one season back:
 *
 * <pre>
 *   yhat  = base + s                        (additive)   or  base * s            (multiplicative)
 *   l'    = a (y - s) + (1 - a) base        (additive)   or  a y / s + (1 - a) base
 *   b'    = b_ (l' - l) + (1 - b_) phi b
 *   s'    = g (y - base) + (1 - g) s        (additive)   or  g y / base + (1 - g) s
 * </pre>
 *
 * Non-seasonal models use {@code s = 0}, models without trend {@code b = 0}, undamped ones {@code
 * phi = 1}. Not thread-safe: one instance per fit.
 */
final class SmoothingEngine {
  /** Seasonal component. */
  enum Season {
    NONE,
    ADDITIVE,
    MULTIPLICATIVE
  }

  final boolean trend;
  final Season season;
  final int m;
  private final double[] ring;
  private final double[] ringU;
  private final double[] ringV;

  double level;
  double slope;

  /** Least-squares initial level and trend found by the last {@link #concentrated} call. */
  double optimalL0;

  double optimalB0;

  SmoothingEngine(boolean trend, Season season, int m) {
    this.trend = trend;
    this.season = season;
    this.m = season == Season.NONE ? 1 : m;
    this.ring = new double[this.m];
    this.ringU = new double[this.m];
    this.ringV = new double[this.m];
  }

  /**
   * Runs the recursion over {@code y[0..n)} from the given initial states and returns the sum of
   * squared one-step errors (+infinity when a multiplicative model leaves the positive range or the
   * sum overflows). Afterwards {@link #level}, {@link #slope} and {@link #seasonal} hold the final
   * states.
   */
  double run(
      double[] y,
      int n,
      double a,
      double b,
      double g,
      double phi,
      double l0,
      double b0,
      double[] s0) {
    return run(y, n, a, b, g, phi, l0, b0, s0, null);
  }

  /**
   * As {@link #run(double[], int, double, double, double, double, double, double, double[])},
   * writing each one-step forecast {@code yhat(t)} to {@code oneStep} when it is non-null.
   */
  double run(
      double[] y,
      int n,
      double a,
      double b,
      double g,
      double phi,
      double l0,
      double b0,
      double[] s0,
      double[] oneStep) {
    double l = l0;
    double bb = trend ? b0 : 0;
    boolean add = season != Season.MULTIPLICATIVE;
    if (season == Season.NONE) {
      ring[0] = 0;
    } else {
      System.arraycopy(s0, 0, ring, 0, m);
    }
    double sse = 0;
    for (int t = 0; t < n; t++) {
      int k = m == 1 ? 0 : t % m;
      double s = ring[k];
      double base = l + phi * bb;
      double yt = y[t];
      double yhat = add ? base + s : base * s;
      if (oneStep != null) {
        oneStep[t] = yhat;
      }
      double e = yt - yhat;
      sse += e * e;
      double ln;
      if (add) {
        ln = a * (yt - s) + (1 - a) * base;
      } else {
        if (!(s > 0 && base > 0)) {
          return Double.POSITIVE_INFINITY;
        }
        ln = a * (yt / s) + (1 - a) * base;
      }
      if (trend) {
        bb = b * (ln - l) + (1 - b) * phi * bb;
      }
      if (season != Season.NONE) {
        ring[k] = add ? g * (yt - base) + (1 - g) * s : g * (yt / base) + (1 - g) * s;
      }
      l = ln;
    }
    level = l;
    slope = bb;
    return Double.isFinite(sse) ? sse : Double.POSITIVE_INFINITY;
  }

  /**
   * For additive models: the least sum of squared one-step errors over all {@code (l0, b0)} given
   * the smoothing parameters and seasonal start {@code s0}; stores the minimiser in {@link
   * #optimalL0}, {@link #optimalB0}. The errors are affine in {@code (l0, b0)}: {@code e = e0 - dl
   * * U - db * V}, where {@code e0} are the errors from {@code (l0, b0) = (c, 0)} with {@code c =
   * y[0]} (centring keeps the subtraction below well conditioned) and {@code U}, {@code V} the
   * responses of the forecasts to unit initial level and trend, run alongside.
   */
  double concentrated(double[] y, int n, double a, double b, double g, double phi, double[] s0) {
    double c = y[0];
    double l = c;
    double bb = 0;
    double lu = 1;
    double bu = 0;
    double lv = 0;
    double bv = 1;
    if (season == Season.NONE) {
      ring[0] = 0;
    } else {
      System.arraycopy(s0, 0, ring, 0, m);
    }
    Arrays.fill(ringU, 0);
    Arrays.fill(ringV, 0);
    boolean seasonal = season != Season.NONE;
    double see = 0;
    double seu = 0;
    double sev = 0;
    double suu = 0;
    double suv = 0;
    double svv = 0;
    for (int t = 0; t < n; t++) {
      int k = m == 1 ? 0 : t % m;
      double s = ring[k];
      double su = ringU[k];
      double sv = ringV[k];
      double base = l + phi * bb;
      double baseU = lu + phi * bu;
      double baseV = trend ? lv + phi * bv : 0;
      double yt = y[t];
      double e = yt - base - s;
      double u = baseU + su;
      double v = baseV + sv;
      see += e * e;
      seu += e * u;
      sev += e * v;
      suu += u * u;
      suv += u * v;
      svv += v * v;
      double ln = a * (yt - s) + (1 - a) * base;
      double lnu = -a * su + (1 - a) * baseU;
      double lnv = -a * sv + (1 - a) * baseV;
      if (trend) {
        bb = b * (ln - l) + (1 - b) * phi * bb;
        bu = b * (lnu - lu) + (1 - b) * phi * bu;
        bv = b * (lnv - lv) + (1 - b) * phi * bv;
      }
      if (seasonal) {
        ring[k] = g * (yt - base) + (1 - g) * s;
        ringU[k] = -g * baseU + (1 - g) * su;
        ringV[k] = -g * baseV + (1 - g) * sv;
      }
      l = ln;
      lu = lnu;
      lv = lnv;
    }
    double dl;
    double db = 0;
    double reduction;
    if (trend) {
      double ridge = 1e-12 * (suu + svv);
      double a11 = suu + ridge;
      double a22 = svv + ridge;
      double det = a11 * a22 - suv * suv;
      if (det > 1e-14 * a11 * a22) {
        dl = (a22 * seu - suv * sev) / det;
        db = (a11 * sev - suv * seu) / det;
      } else {
        dl = seu / a11;
      }
      reduction = dl * seu + db * sev;
    } else {
      dl = seu / suu;
      reduction = dl * seu;
    }
    optimalL0 = c + dl;
    optimalB0 = db;
    double sse = Math.max(0, see - reduction);
    return Double.isFinite(sse) ? sse : Double.POSITIVE_INFINITY;
  }

  /**
   * The final seasonal state for forecast step {@code h} (0-based), i.e. position {@code n + h}.
   */
  double seasonal(int n, int h) {
    return season == Season.NONE ? 0 : ring[(n + h) % m];
  }
}
