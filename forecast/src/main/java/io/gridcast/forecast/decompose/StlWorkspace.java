package io.gridcast.forecast.decompose;

import java.util.Arrays;

/**
 * The work arrays of one STL decomposition and the passes over them (Cleveland et al. 1990, section
 * 3). Sized once for a length and a period; {@link Mstl} reuses one for every period and pass, so
 * the loops allocate nothing. Not thread-safe: one workspace per thread.
 *
 * <p>One inner pass, given the trend {@code T} (zero at the start):
 *
 * <ol>
 *   <li>detrend: {@code y - T};
 *   <li>cycle-subseries smoothing: each of the {@code np} subseries (every {@code np}-th value) is
 *       smoothed by loess of span {@code ns} and degree {@code isdeg}, and extended by one fitted
 *       value at each end, giving {@code C} of length {@code n + 2 np};
 *   <li>low-pass filter of {@code C}: moving averages of lengths {@code np}, {@code np}, {@code 3},
 *       then loess of span {@code nl}, giving {@code L} of length {@code n};
 *   <li>seasonal {@code S = C(np + 1 .. np + n) - L};
 *   <li>deseasonalise and smooth: {@code T} = loess of span {@code nt} of {@code y - S}.
 * </ol>
 *
 * Robustness weights, between outer passes: {@code rw = B(|y - S - T| / (6 median|y - S - T|))},
 * {@code B(u) = (1 - u^2)^2} for {@code u < 1}, else 0 (1 within 0.001 and 0 beyond 0.999 of the
 * cut-off, single-precision constants as in the reference).
 */
final class StlWorkspace {
  private static final double FAR = 0.999f;
  private static final double NEAR = 0.001f;

  private final double[] w1;
  private final double[] w2;
  private final double[] w3;
  private final double[] w4;
  private final double[] w5;
  private final int[] middle = new int[2];
  private final PartialSort partialSort = new PartialSort();

  /** Work arrays for series of up to {@code n} values and integer periods up to {@code np}. */
  StlWorkspace(int n, int np) {
    int size = n + 2 * np;
    w1 = new double[size];
    w2 = new double[size];
    w3 = new double[size];
    w4 = new double[size];
    w5 = new double[size];
  }

  /**
   * The STL iterations on {@code y(0..n-1)}: {@code outer + 1} runs of {@code inner} passes, the
   * robustness weights recomputed before each run after the first. Writes {@code seasonal}, {@code
   * trend} and {@code weights} (all 1 without robustness iterations).
   */
  void run(
      double[] y, int n, StlParameters p, double[] seasonal, double[] trend, double[] weights) {
    int ns = odd(p.seasonalWindow());
    int nt = odd(p.trendWindow());
    int nl = odd(p.lowPassWindow());
    int np = Math.max(2, p.period());
    Arrays.fill(trend, 0, n, 0);
    boolean robust = false;
    for (int k = 0; ; k++) {
      for (int j = 0; j < p.inner(); j++) {
        pass(y, n, np, ns, nt, nl, p, robust ? weights : null, seasonal, trend);
      }
      if (k >= p.outer()) {
        break;
      }
      robustnessWeights(y, n, seasonal, trend, weights);
      robust = true;
    }
    if (p.outer() <= 0) {
      Arrays.fill(weights, 0, n, 1);
    }
  }

  /** Spans are at least 3 and odd. */
  private static int odd(int span) {
    int s = Math.max(3, span);
    return s % 2 == 0 ? s + 1 : s;
  }

  private void pass(
      double[] y,
      int n,
      int np,
      int ns,
      int nt,
      int nl,
      StlParameters p,
      double[] rw,
      double[] seasonal,
      double[] trend) {
    for (int i = 0; i < n; i++) {
      w1[i] = y[i] - trend[i];
    }
    cycleSubseries(n, np, ns, p.seasonalDegree(), p.seasonalJump(), rw, seasonal);
    // Low-pass filter of C (w2, length n + 2 np): three moving averages, then loess.
    movingAverage(w2, n + 2 * np, np, w3);
    movingAverage(w3, n + np + 1, np, w1);
    movingAverage(w1, n + 2, 3, w3);
    Loess.smooth(w3, 0, n, nl, p.lowPassDegree(), p.lowPassJump(), null, 0, w1, 0, w5);
    for (int i = 0; i < n; i++) {
      seasonal[i] = w2[np + i] - w1[i];
    }
    for (int i = 0; i < n; i++) {
      w1[i] = y[i] - seasonal[i];
    }
    Loess.smooth(w1, 0, n, nt, p.trendDegree(), p.trendJump(), rw, 0, trend, 0, w3);
  }

  /**
   * Smooths each cycle-subseries of {@code w1} and writes it, extended by one value at each end,
   * into {@code w2}: position {@code m} (0-based, {@code 0..k+1}) of subseries {@code j} goes to
   * {@code w2[m np + j]}. {@code scratch} (length {@code >= n / np + 1}) holds loess weights.
   */
  private void cycleSubseries(
      int n, int np, int ns, int degree, int jump, double[] rw, double[] scratch) {
    double[] subWeights = rw == null ? null : w5;
    for (int j = 0; j < np; j++) {
      int k = (n - j - 1) / np + 1;
      for (int i = 0; i < k; i++) {
        w3[i] = w1[i * np + j];
      }
      if (rw != null) {
        for (int i = 0; i < k; i++) {
          w5[i] = rw[i * np + j];
        }
      }
      Loess.smooth(w3, 0, k, ns, degree, jump, subWeights, 0, w4, 1, scratch);
      double first =
          Loess.estimate(w3, 0, k, ns, degree, 0, 1, Math.min(ns, k), scratch, subWeights, 0);
      w4[0] = Double.isNaN(first) ? w4[1] : first;
      double last =
          Loess.estimate(
              w3, 0, k, ns, degree, k + 1, Math.max(1, k - ns + 1), k, scratch, subWeights, 0);
      w4[k + 1] = Double.isNaN(last) ? w4[k] : last;
      for (int m = 0; m < k + 2; m++) {
        w2[m * np + j] = w4[m];
      }
    }
  }

  /**
   * Running means of {@code len} consecutive values: {@code ave[i] = mean(x[i .. i + len - 1])} for
   * {@code i = 0 .. n - len}, updated by adding the entering and removing the leaving value.
   */
  private static void movingAverage(double[] x, int n, int len, double[] ave) {
    int count = n - len + 1;
    double v = 0;
    for (int i = 0; i < len; i++) {
      v += x[i];
    }
    ave[0] = v / len;
    for (int j = 1; j < count; j++) {
      v = v - x[j - 1] + x[j + len - 1];
      ave[j] = v / len;
    }
  }

  /** Bisquare weights of the residuals {@code y - S - T}, scaled by six times their median. */
  private void robustnessWeights(
      double[] y, int n, double[] seasonal, double[] trend, double[] weights) {
    for (int i = 0; i < n; i++) {
      w1[i] = Math.abs(y[i] - (trend[i] + seasonal[i]));
    }
    // The two middle positions, 1-based and in the reference's order (descending for even n).
    middle[0] = n / 2 + 1;
    middle[1] = n - middle[0] + 1;
    partialSort.sort(w1, n, middle);
    double cmad = 3.0 * (w1[middle[0] - 1] + w1[middle[1] - 1]);
    double c9 = FAR * cmad;
    double c1 = NEAR * cmad;
    for (int i = 0; i < n; i++) {
      double r = Math.abs(y[i] - (trend[i] + seasonal[i]));
      if (r <= c1) {
        weights[i] = 1;
      } else if (r <= c9) {
        double u = r / cmad;
        double b = 1 - u * u;
        weights[i] = b * b;
      } else {
        weights[i] = 0;
      }
    }
  }
}
