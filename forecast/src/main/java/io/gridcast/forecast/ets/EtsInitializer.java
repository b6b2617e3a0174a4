package io.gridcast.forecast.ets;

/**
 * Starting values for the optimiser, as R's {@code initstate()}: the seasonal states come from a
 * classical decomposition ({@code decompose()}: centred 2 x m moving average, mean detrended value
 * per position, normalised to sum 0 or mean 1) or, with fewer than three seasons, from a regression
 * on a linear trend and one Fourier pair; the level (and slope) from the mean of (a regression on)
 * the first {@code max(10, 2m)} seasonally adjusted values.
 */
final class EtsInitializer {
  private EtsInitializer() {}

  /**
   * The free initial states {@code (l, b, s0..s(m-2))} in R's order; {@code m - 1} seasonal values
   * because the last follows from the normalisation.
   */
  static double[] initialStates(EtsStructure s, double[] y, int n, int m) {
    double[] sa = new double[n];
    double[] seas = null;
    int mm = 1;
    if (s.seasonal()) {
      mm = m;
      double[] seasonal = n < 3 * m ? fourierSeasonal(s, y, n, m) : decompose(s, y, n, m);
      seas = new double[m - 1];
      for (int j = 0; j < m - 1; j++) {
        seas[j] = seasonal[m - 1 - j];
      }
      if (s.multiplicativeSeason()) {
        double sum = 0;
        for (int j = 0; j < m - 1; j++) {
          seas[j] = Math.max(seas[j], 1e-2);
          sum += seas[j];
        }
        if (sum > m) {
          double denom = sum + 1e-2 * (m - 1);
          for (int j = 0; j < m - 1; j++) {
            seas[j] /= denom;
          }
        }
        for (int t = 0; t < n; t++) {
          sa[t] = y[t] / Math.max(seasonal[t], 1e-2);
        }
      } else {
        for (int t = 0; t < n; t++) {
          sa[t] = y[t] - seasonal[t];
        }
      }
    } else {
      System.arraycopy(y, 0, sa, 0, n);
    }
    int maxn = Math.min(Math.max(10, 2 * mm), n);
    double[] out = new double[s.freeStateCount(m)];
    if (!s.hasTrend()) {
      double sum = 0;
      for (int t = 0; t < maxn; t++) {
        sum += sa[t];
      }
      out[0] = sum / maxn;
    } else {
      double[] ab = lineFit(sa, maxn);
      double l0 = ab[0];
      double b0 = ab[1];
      if (Math.abs(l0 + b0) < 1e-8) {
        l0 *= 1 + 1e-3;
        b0 *= 1 - 1e-3;
      }
      out[0] = l0;
      out[1] = b0;
    }
    if (seas != null) {
      System.arraycopy(seas, 0, out, s.hasTrend() ? 2 : 1, m - 1);
    }
    return out;
  }

  /** Intercept and slope of the least-squares line through (t, v[t-1]), t = 1..k. */
  static double[] lineFit(double[] v, int k) {
    if (k < 2) {
      return new double[] {v[0], 0};
    }
    double tm = (k + 1) / 2.0;
    double vm = 0;
    for (int t = 0; t < k; t++) {
      vm += v[t];
    }
    vm /= k;
    double sxy = 0;
    double sxx = 0;
    for (int t = 0; t < k; t++) {
      double dx = (t + 1) - tm;
      sxy += dx * (v[t] - vm);
      sxx += dx * dx;
    }
    double slope = sxy / sxx;
    return new double[] {vm - slope * tm, slope};
  }

  /** R's {@code decompose(y)$seasonal} for the first n values. */
  static double[] decompose(EtsStructure s, double[] y, int n, int m) {
    boolean mult = s.multiplicativeSeason();
    int half = m / 2;
    double[] w = new double[2 * half + 1];
    if (m % 2 == 0) {
      for (int j = 0; j < w.length; j++) {
        w[j] = 1.0 / m;
      }
      w[0] = 0.5 / m;
      w[w.length - 1] = 0.5 / m;
    } else {
      for (int j = 0; j < w.length; j++) {
        w[j] = 1.0 / m;
      }
    }
    double[] sum = new double[m];
    int[] count = new int[m];
    for (int t = half; t < n - half; t++) {
      double trend = 0;
      for (int j = 0; j < w.length; j++) {
        trend += w[j] * y[t + half - j];
      }
      double d = mult ? y[t] / trend : y[t] - trend;
      sum[t % m] += d;
      count[t % m]++;
    }
    double[] figure = new double[m];
    double mean = 0;
    for (int i = 0; i < m; i++) {
      figure[i] = sum[i] / count[i];
      mean += figure[i];
    }
    mean /= m;
    for (int i = 0; i < m; i++) {
      figure[i] = mult ? figure[i] / mean : figure[i] - mean;
    }
    double[] seasonal = new double[n];
    for (int t = 0; t < n; t++) {
      seasonal[t] = figure[t % m];
    }
    return seasonal;
  }

  /**
   * R's short-series fallback: regress y on (1, t, sin(2 pi t / m), cos(2 pi t / m)) and call what
   * the linear trend leaves the seasonal component.
   */
  static double[] fourierSeasonal(EtsStructure s, double[] y, int n, int m) {
    boolean withSin = m != 2;
    int p = withSin ? 4 : 3;
    double[][] xtx = new double[p][p + 1];
    double[] row = new double[p];
    for (int t = 1; t <= n; t++) {
      row[0] = 1;
      row[1] = t;
      int k = 2;
      if (withSin) {
        row[k++] = Math.sin(2 * Math.PI * t / m);
      }
      row[k] = Math.cos(2 * Math.PI * t / m);
      for (int i = 0; i < p; i++) {
        for (int j = 0; j < p; j++) {
          xtx[i][j] += row[i] * row[j];
        }
        xtx[i][p] += row[i] * y[t - 1];
      }
    }
    double[] beta = solve(xtx, p);
    double[] seasonal = new double[n];
    for (int t = 1; t <= n; t++) {
      double trend = beta[0] + beta[1] * t;
      seasonal[t - 1] = s.multiplicativeSeason() ? y[t - 1] / trend : y[t - 1] - trend;
    }
    return seasonal;
  }

  /** Gaussian elimination with partial pivoting on an augmented p x (p + 1) system. */
  private static double[] solve(double[][] a, int p) {
    for (int c = 0; c < p; c++) {
      int piv = c;
      for (int r = c + 1; r < p; r++) {
        if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) {
          piv = r;
        }
      }
      double[] tmp = a[c];
      a[c] = a[piv];
      a[piv] = tmp;
      double d = a[c][c];
      if (d == 0) {
        continue;
      }
      for (int r = c + 1; r < p; r++) {
        double f = a[r][c] / d;
        for (int k = c; k <= p; k++) {
          a[r][k] -= f * a[c][k];
        }
      }
    }
    double[] x = new double[p];
    for (int r = p - 1; r >= 0; r--) {
      double v = a[r][p];
      for (int k = r + 1; k < p; k++) {
        v -= a[r][k] * x[k];
      }
      x[r] = a[r][r] == 0 ? 0 : v / a[r][r];
    }
    return x;
  }
}
