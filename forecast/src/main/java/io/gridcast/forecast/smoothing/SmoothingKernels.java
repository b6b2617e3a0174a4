package io.gridcast.forecast.smoothing;

/**
 * In-sample one-step sum of squared errors for many parameter sets in one pass over the data.
 *
 * <p>The candidates are processed side by side: the outer loop walks the series once, the inner
 * loop updates the states of a block of {@value #BLOCK} candidates held in primitive arrays, so
 * each observation is loaded once per block and the inner loop vectorises. The recursions are the
 * error-correction form of {@link SmoothingEngine} with {@link Initialization#SIMPLE} starts (R's
 * {@code initial = "simple"}), so {@code outSse[j]} equals the SSE a {@code SIMPLE} fit with
 * candidate {@code j}'s parameters reports, up to rounding:
 *
 * <pre>
 *   e = y - (l + phi b + s);  l' = l + phi b + a e;  b' = phi b + a beta e;  s' = s + g e
 * </pre>
 *
 * <p>Stateless and thread-safe; only scratch arrays of the block size are allocated per call, never
 * per observation.
 */
public final class SmoothingKernels {
  private SmoothingKernels() {}

  /** Candidates updated together in the inner loop; their states stay in L1 cache. */
  public static final int BLOCK = 128;

  /**
   * SES: {@code l0 = y[0]}, {@code outSse[j] = sum_{t<n} (y[t] - l(t-1))²} for {@code alpha =
   * alphas[j]}, {@code j < alphas.length}.
   */
  public static void sesSse(double[] y, int n, double[] alphas, double[] outSse) {
    checkSizes(y, n, 1, alphas.length, outSse);
    double[] level = new double[BLOCK];
    double[] sse = new double[BLOCK];
    double[] a = new double[BLOCK];
    for (int from = 0; from < alphas.length; from += BLOCK) {
      int k = Math.min(BLOCK, alphas.length - from);
      System.arraycopy(alphas, from, a, 0, k);
      java.util.Arrays.fill(level, 0, k, y[0]);
      java.util.Arrays.fill(sse, 0, k, 0);
      for (int t = 1; t < n; t++) {
        double yt = y[t];
        for (int j = 0; j < k; j++) {
          double e = yt - level[j];
          sse[j] += e * e;
          level[j] += a[j] * e;
        }
      }
      System.arraycopy(sse, 0, outSse, from, k);
    }
  }

  /**
   * Holt (damped when {@code phis[j] < 1}): {@code l0 = y[0]}, {@code b0 = y[1] - y[0]}; candidate
   * {@code j} is {@code (alphas[j], betas[j], phis[j])}. Needs {@code n >= 2}.
   */
  public static void holtSse(
      double[] y, int n, double[] alphas, double[] betas, double[] phis, double[] outSse) {
    checkSizes(y, n, 2, alphas.length, outSse);
    checkSame(alphas.length, betas.length, phis.length);
    double[] level = new double[BLOCK];
    double[] slope = new double[BLOCK];
    double[] ab = new double[BLOCK];
    double[] a = new double[BLOCK];
    double[] ph = new double[BLOCK];
    double[] sse = new double[BLOCK];
    for (int from = 0; from < alphas.length; from += BLOCK) {
      int k = Math.min(BLOCK, alphas.length - from);
      for (int j = 0; j < k; j++) {
        level[j] = y[0];
        slope[j] = y[1] - y[0];
        a[j] = alphas[from + j];
        ph[j] = phis[from + j];
        ab[j] = alphas[from + j] * betas[from + j];
        sse[j] = 0;
      }
      for (int t = 0; t < n; t++) {
        double yt = y[t];
        for (int j = 0; j < k; j++) {
          double pb = ph[j] * slope[j];
          double base = level[j] + pb;
          double e = yt - base;
          sse[j] += e * e;
          level[j] = base + a[j] * e;
          slope[j] = pb + ab[j] * e;
        }
      }
      System.arraycopy(sse, 0, outSse, from, k);
    }
  }

  /**
   * Additive Holt-Winters, undamped, R's {@code hw(initial = "simple")} start: {@code l0} = mean of
   * the first season, {@code b0 = (mean of the second season - l0) / m}, {@code s_i = y[i] - l0};
   * candidate {@code j} is {@code (alphas[j], betas[j], gammas[j])}. Needs {@code m >= 2} and
   * {@code n >= 2m}.
   */
  public static void holtWintersAdditiveSse(
      double[] y, int n, int m, double[] alphas, double[] betas, double[] gammas, double[] outSse) {
    if (m < 2) {
      throw new IllegalArgumentException("period must be at least 2: " + m);
    }
    checkSizes(y, n, 2 * m, alphas.length, outSse);
    checkSame(alphas.length, betas.length, gammas.length);
    double l0 = 0;
    double l1 = 0;
    for (int i = 0; i < m; i++) {
      l0 += y[i];
      l1 += y[m + i];
    }
    l0 /= m;
    l1 /= m;
    double b0 = (l1 - l0) / m;
    double[] level = new double[BLOCK];
    double[] slope = new double[BLOCK];
    double[] ab = new double[BLOCK];
    double[] a = new double[BLOCK];
    double[] g = new double[BLOCK];
    double[] sse = new double[BLOCK];
    double[][] season = new double[m][BLOCK];
    for (int from = 0; from < alphas.length; from += BLOCK) {
      int k = Math.min(BLOCK, alphas.length - from);
      for (int j = 0; j < k; j++) {
        level[j] = l0;
        slope[j] = b0;
        a[j] = alphas[from + j];
        g[j] = gammas[from + j];
        ab[j] = alphas[from + j] * betas[from + j];
        sse[j] = 0;
      }
      for (int i = 0; i < m; i++) {
        java.util.Arrays.fill(season[i], 0, k, y[i] - l0);
      }
      int pos = 0;
      for (int t = 0; t < n; t++) {
        double yt = y[t];
        double[] s = season[pos];
        for (int j = 0; j < k; j++) {
          double base = level[j] + slope[j];
          double e = yt - base - s[j];
          sse[j] += e * e;
          level[j] = base + a[j] * e;
          slope[j] += ab[j] * e;
          s[j] += g[j] * e;
        }
        if (++pos == m) {
          pos = 0;
        }
      }
      System.arraycopy(sse, 0, outSse, from, k);
    }
  }

  private static void checkSizes(double[] y, int n, int minN, int candidates, double[] out) {
    if (n < minN || n > y.length) {
      throw new IllegalArgumentException(
          "need " + minN + " <= n <= y.length (" + y.length + "), got n=" + n);
    }
    if (out.length < candidates) {
      throw new IllegalArgumentException(
          "output holds " + out.length + " values for " + candidates + " candidates");
    }
  }

  private static void checkSame(int a, int b, int c) {
    if (a != b || a != c) {
      throw new IllegalArgumentException(
          "parameter arrays differ in length: " + a + ", " + b + ", " + c);
    }
  }
}
