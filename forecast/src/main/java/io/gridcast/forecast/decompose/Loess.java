package io.gridcast.forecast.decompose;

/**
 * The loess smoother STL is built from (Cleveland et al. 1990, section 2), on an equally spaced
 * sequence {@code y(1..n)} at abscissae {@code 1..n}.
 *
 * <p>The fit at {@code xs} from the window {@code [nleft, nright]}: with {@code h = max(xs - nleft,
 * nright - xs)} (widened by {@code floor((len - n) / 2)} when the span {@code len} exceeds {@code
 * n}), tricube neighbourhood weights {@code w(j) = (1 - (|j - xs| / h)^3)^3} for {@code |j - xs| <=
 * 0.999 h} ({@code 1} within {@code 0.001 h}, {@code 0} beyond), times the robustness weights when
 * given, normalised to sum 1. Degree 0 returns {@code sum w(j) y(j)}; degree 1 replaces the weights
 * by {@code w(j) (1 + b (j - a))} with {@code a = sum w(j) j}, {@code b = (xs - a) / sum w(j) (j -
 * a)^2} (the local line evaluated at {@code xs}), unless that spread is below {@code 0.001 (n -
 * 1)}. The constants 0.999 and 0.001 are single-precision values, as in the reference
 * implementation R calls, so that fits at the window's edge agree with R bit for bit.
 *
 * <p>{@link #smooth} evaluates the fit every {@code jump} points and interpolates linearly in
 * between, the last point always fitted. Arrays are 0-based: index {@code j - 1} holds point {@code
 * j}; every array is addressed from an offset so callers pass slices of their work arrays without
 * copying. Stateless; nothing is allocated.
 */
final class Loess {
  private Loess() {}

  private static final double FAR = 0.999f;
  private static final double NEAR = 0.001f;
  private static final double FLAT = 0.001f;

  /**
   * The loess fit at abscissa {@code xs} from points {@code nleft..nright} (1-based, inclusive).
   *
   * @param y values, point {@code j} at {@code y[yOff + j - 1]}
   * @param w scratch for the weights, point {@code j} at {@code w[j - 1]}; length {@code >= nright}
   * @param rw robustness weights, point {@code j} at {@code rw[rwOff + j - 1]}, or null for none
   * @return the fitted value, or NaN when every weight is zero
   */
  static double estimate(
      double[] y,
      int yOff,
      int n,
      int len,
      int degree,
      double xs,
      int nleft,
      int nright,
      double[] w,
      double[] rw,
      int rwOff) {
    double range = n - 1.0;
    double h = Math.max(xs - nleft, nright - xs);
    if (len > n) {
      h += (len - n) / 2;
    }
    double h9 = FAR * h;
    double h1 = NEAR * h;
    double a = 0;
    for (int j = nleft; j <= nright; j++) {
      double r = Math.abs(j - xs);
      double wj = 0;
      if (r <= h9) {
        if (r <= h1) {
          wj = 1;
        } else {
          double q = r / h;
          double u = 1 - q * q * q;
          wj = u * u * u;
        }
        if (rw != null) {
          wj *= rw[rwOff + j - 1];
        }
        a += wj;
      }
      w[j - 1] = wj;
    }
    if (a <= 0) {
      return Double.NaN;
    }
    for (int j = nleft; j <= nright; j++) {
      w[j - 1] /= a;
    }
    if (h > 0 && degree > 0) {
      double centre = 0;
      for (int j = nleft; j <= nright; j++) {
        centre += w[j - 1] * j;
      }
      double b = xs - centre;
      double c = 0;
      for (int j = nleft; j <= nright; j++) {
        double d = j - centre;
        c += w[j - 1] * d * d;
      }
      if (Math.sqrt(c) > FLAT * range) {
        b /= c;
        for (int j = nleft; j <= nright; j++) {
          w[j - 1] *= b * (j - centre) + 1;
        }
      }
    }
    double ys = 0;
    for (int j = nleft; j <= nright; j++) {
      ys += w[j - 1] * y[yOff + j - 1];
    }
    return ys;
  }

  /**
   * Loess of span {@code len} over {@code y(1..n)} into {@code ys(1..n)}: fitted every {@code jump}
   * points (windows of {@code len} points, centred where the ends allow), linear in between; a
   * point whose weights are all zero keeps its value.
   *
   * @param w scratch of length {@code >= n}
   */
  static void smooth(
      double[] y,
      int yOff,
      int n,
      int len,
      int degree,
      int jump,
      double[] rw,
      int rwOff,
      double[] ys,
      int ysOff,
      double[] w) {
    if (n < 2) {
      ys[ysOff] = y[yOff];
      return;
    }
    int step = Math.min(jump, n - 1);
    int nleft = 0;
    int nright = 0;
    if (len >= n) {
      nleft = 1;
      nright = n;
      for (int i = 1; i <= n; i += step) {
        fit(y, yOff, n, len, degree, i, nleft, nright, w, rw, rwOff, ys, ysOff);
      }
    } else if (step == 1) {
      int half = (len + 1) / 2;
      nleft = 1;
      nright = len;
      for (int i = 1; i <= n; i++) {
        if (i > half && nright != n) {
          nleft++;
          nright++;
        }
        fit(y, yOff, n, len, degree, i, nleft, nright, w, rw, rwOff, ys, ysOff);
      }
    } else {
      int half = (len + 1) / 2;
      for (int i = 1; i <= n; i += step) {
        if (i < half) {
          nleft = 1;
          nright = len;
        } else if (i >= n - half + 1) {
          nleft = n - len + 1;
          nright = n;
        } else {
          nleft = i - half + 1;
          nright = len + i - half;
        }
        fit(y, yOff, n, len, degree, i, nleft, nright, w, rw, rwOff, ys, ysOff);
      }
    }
    if (step == 1) {
      return;
    }
    for (int i = 1; i <= n - step; i += step) {
      double delta = (ys[ysOff + i + step - 1] - ys[ysOff + i - 1]) / step;
      for (int j = i + 1; j <= i + step - 1; j++) {
        ys[ysOff + j - 1] = ys[ysOff + i - 1] + delta * (j - i);
      }
    }
    int k = ((n - 1) / step) * step + 1;
    if (k != n) {
      // The last point is fitted from the window of the last jump point, as the reference does.
      fit(y, yOff, n, len, degree, n, nleft, nright, w, rw, rwOff, ys, ysOff);
      if (k != n - 1) {
        double delta = (ys[ysOff + n - 1] - ys[ysOff + k - 1]) / (n - k);
        for (int j = k + 1; j <= n - 1; j++) {
          ys[ysOff + j - 1] = ys[ysOff + k - 1] + delta * (j - k);
        }
      }
    }
  }

  private static void fit(
      double[] y,
      int yOff,
      int n,
      int len,
      int degree,
      int i,
      int nleft,
      int nright,
      double[] w,
      double[] rw,
      int rwOff,
      double[] ys,
      int ysOff) {
    double v = estimate(y, yOff, n, len, degree, i, nleft, nright, w, rw, rwOff);
    ys[ysOff + i - 1] = Double.isNaN(v) ? y[yOff + i - 1] : v;
  }
}
