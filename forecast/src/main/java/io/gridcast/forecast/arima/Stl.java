package io.gridcast.forecast.arima;

/**
 * Seasonal-trend decomposition by loess (Cleveland et al. 1990), non-robust, as R's {@code stl(x,
 * s.window)} computes it with its other defaults ({@code s.degree = 0}, {@code t.window =
 * nextodd(ceiling(1.5 m / (1 - 1.5 / s.window)))}, {@code t.degree = 1}, {@code l.window =
 * nextodd(m)}, {@code l.degree = 1}, jumps {@code ceiling(window / 10)}, two inner passes): here
 * only for {@link SeasonalDifferencing}'s seasonal-strength measure. Each inner pass
 *
 * <ol>
 *   <li>smooths each cycle-subseries of {@code y - trend} by loess (window {@code s.window}),
 *       extended one period at both ends;
 *   <li>removes its low-pass part (moving averages of lengths {@code m, m, 3}, then loess with
 *       window {@code l.window}): the seasonal component;
 *   <li>smooths {@code y - seasonal} by loess (window {@code t.window}): the trend.
 * </ol>
 *
 * Loess weights are tricube, {@code w = (1 - (|j - x| / h)^3)^3}, with local linear fits where the
 * degree is 1; values between jumps are interpolated linearly. Stateless.
 *
 * @param seasonal the seasonal component
 * @param trend the trend component
 */
record Stl(double[] seasonal, double[] trend) {

  /** The decomposition of {@code y} with period {@code m > 1} ({@code n > 2m}). */
  static Stl of(double[] y, int m, int sWindow) {
    int n = y.length;
    int ns = odd(Math.max(3, sWindow));
    int nt = odd(Math.max(3, nextOdd(Math.ceil(1.5 * m / (1 - 1.5 / sWindow)))));
    int nl = odd(Math.max(3, nextOdd(m)));
    int nsjump = (int) Math.ceil(sWindow / 10.0);
    int ntjump = (int) Math.ceil(nextOdd(Math.ceil(1.5 * m / (1 - 1.5 / sWindow))) / 10.0);
    int nljump = (int) Math.ceil(nextOdd(m) / 10.0);
    int np = Math.max(2, m);
    double[] trend = new double[n];
    double[] season = new double[n];
    double[] w1 = new double[n + 2 * np];
    double[] w2 = new double[n + 2 * np];
    double[] w3 = new double[n + 2 * np];
    double[] w4 = new double[n + 2 * np];
    double[] w5 = new double[n + 2 * np];
    for (int pass = 0; pass < 2; pass++) {
      for (int i = 0; i < n; i++) {
        w1[i] = y[i] - trend[i];
      }
      subseries(w1, n, np, ns, nsjump, w2, w3, w4, w5);
      lowPass(w2, n + 2 * np, np, w3, w1);
      smooth(w3, n, nl, 1, nljump, w1, w5);
      for (int i = 0; i < n; i++) {
        season[i] = w2[np + i] - w1[i];
      }
      for (int i = 0; i < n; i++) {
        w1[i] = y[i] - season[i];
      }
      smooth(w1, n, nt, 1, ntjump, trend, w3);
    }
    return new Stl(season, trend);
  }

  private static int nextOdd(double x) {
    long v = Math.round(x);
    if (v % 2 == 0) {
      v++;
    }
    return (int) v;
  }

  private static int odd(int v) {
    return v % 2 == 0 ? v + 1 : v;
  }

  /** Loess of each cycle-subseries, extended by one value at each end, into {@code season}. */
  private static void subseries(
      double[] y,
      int n,
      int np,
      int ns,
      int nsjump,
      double[] season,
      double[] work1,
      double[] work2,
      double[] work4) {
    for (int j = 0; j < np; j++) {
      int k = (n - j - 1) / np + 1;
      for (int i = 0; i < k; i++) {
        work1[i] = y[i * np + j];
      }
      // work2[1..k] smoothed, work2[0] and work2[k+1] the extrapolations
      smoothInto(work1, k, ns, 0, nsjump, work2, 1, work4);
      int nright = Math.min(ns, k);
      double v = estimate(work1, k, ns, 0, 0, 1, nright, work4);
      work2[0] = Double.isNaN(v) ? work2[1] : v;
      int nleft = Math.max(1, k - ns + 1);
      v = estimate(work1, k, ns, 0, k + 1, nleft, k, work4);
      work2[k + 1] = Double.isNaN(v) ? work2[k] : v;
      for (int mm = 0; mm < k + 2; mm++) {
        season[mm * np + j] = work2[mm];
      }
    }
  }

  /** Moving averages of lengths {@code np}, {@code np} and 3 of {@code x[0..n)} into trend. */
  private static void lowPass(double[] x, int n, int np, double[] trend, double[] work) {
    movingAverage(x, n, np, trend);
    movingAverage(trend, n - np + 1, np, work);
    movingAverage(work, n - 2 * np + 2, 3, trend);
  }

  private static void movingAverage(double[] x, int n, int len, double[] ave) {
    int newn = n - len + 1;
    double flen = len;
    double v = 0;
    for (int i = 0; i < len; i++) {
      v += x[i];
    }
    ave[0] = v / flen;
    int k = len;
    int m = 0;
    for (int j = 1; j < newn; j++) {
      v = v - x[m++] + x[k++];
      ave[j] = v / flen;
    }
  }

  private static void smooth(
      double[] y, int n, int len, int ideg, int njump, double[] ys, double[] res) {
    smoothInto(y, n, len, ideg, njump, ys, 0, res);
  }

  /**
   * Loess of {@code y[0..n)} evaluated at 1..n (1-based positions) into {@code ys[off..off+n)}, at
   * every {@code njump}-th point and interpolated linearly in between.
   */
  private static void smoothInto(
      double[] y, int n, int len, int ideg, int njump, double[] ys, int off, double[] w) {
    if (n < 2) {
      ys[off] = y[0];
      return;
    }
    int newnj = Math.min(njump, n - 1);
    int nleft = 0;
    int nright = 0;
    if (len >= n) {
      nleft = 1;
      nright = n;
      for (int i = 1; i <= n; i += newnj) {
        put(ys, off, i, estimate(y, n, len, ideg, i, nleft, nright, w), y);
      }
    } else if (newnj == 1) {
      int nsh = (len + 1) / 2;
      nleft = 1;
      nright = len;
      for (int i = 1; i <= n; i++) {
        if (i > nsh && nright != n) {
          nleft++;
          nright++;
        }
        put(ys, off, i, estimate(y, n, len, ideg, i, nleft, nright, w), y);
      }
    } else {
      int nsh = (len + 1) / 2;
      for (int i = 1; i <= n; i += newnj) {
        if (i < nsh) {
          nleft = 1;
          nright = len;
        } else if (i >= n - nsh + 1) {
          nleft = n - len + 1;
          nright = n;
        } else {
          nleft = i - nsh + 1;
          nright = len + i - nsh;
        }
        put(ys, off, i, estimate(y, n, len, ideg, i, nleft, nright, w), y);
      }
    }
    if (newnj != 1) {
      for (int i = 1; i <= n - newnj; i += newnj) {
        double delta = (ys[off + i + newnj - 1] - ys[off + i - 1]) / newnj;
        for (int j = i + 1; j <= i + newnj - 1; j++) {
          ys[off + j - 1] = ys[off + i - 1] + delta * (j - i);
        }
      }
      int k = ((n - 1) / newnj) * newnj + 1;
      if (k != n) {
        put(ys, off, n, estimate(y, n, len, ideg, n, nleft, nright, w), y);
        if (k != n - 1) {
          double delta = (ys[off + n - 1] - ys[off + k - 1]) / (n - k);
          for (int j = k + 1; j <= n - 1; j++) {
            ys[off + j - 1] = ys[off + k - 1] + delta * (j - k);
          }
        }
      }
    }
  }

  private static void put(double[] ys, int off, int i, double v, double[] y) {
    ys[off + i - 1] = Double.isNaN(v) ? y[i - 1] : v;
  }

  /**
   * The loess estimate at position {@code xs} (1-based) from {@code y[nleft..nright]} (1-based),
   * NaN when every weight is zero.
   */
  private static double estimate(
      double[] y, int n, int len, int ideg, double xs, int nleft, int nright, double[] w) {
    double range = n - 1.0;
    double h = Math.max(xs - nleft, nright - xs);
    if (len > n) {
      h += (len - n) / 2;
    }
    double h9 = 0.999 * h;
    double h1 = 0.001 * h;
    double a = 0;
    for (int j = nleft; j <= nright; j++) {
      double r = Math.abs(j - xs);
      if (r <= h9) {
        double wj;
        if (r <= h1) {
          wj = 1;
        } else {
          double u = r / h;
          double c = 1 - u * u * u;
          wj = c * c * c;
        }
        w[j - 1] = wj;
        a += wj;
      } else {
        w[j - 1] = 0;
      }
    }
    if (a <= 0) {
      return Double.NaN;
    }
    for (int j = nleft; j <= nright; j++) {
      w[j - 1] /= a;
    }
    if (h > 0 && ideg > 0) {
      a = 0;
      for (int j = nleft; j <= nright; j++) {
        a += w[j - 1] * j;
      }
      double b = xs - a;
      double c = 0;
      for (int j = nleft; j <= nright; j++) {
        c += w[j - 1] * (j - a) * (j - a);
      }
      if (Math.sqrt(c) > 0.001 * range) {
        b /= c;
        for (int j = nleft; j <= nright; j++) {
          w[j - 1] *= b * (j - a) + 1.0;
        }
      }
    }
    double ys = 0;
    for (int j = nleft; j <= nright; j++) {
      ys += w[j - 1] * y[j - 1];
    }
    return ys;
  }
}
