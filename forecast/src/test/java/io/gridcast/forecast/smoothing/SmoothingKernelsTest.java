package io.gridcast.forecast.smoothing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridcast.forecast.reference.ReferenceData;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The side-by-side kernels give, for every candidate, the SSE of the single-model recursion. */
class SmoothingKernelsTest {
  private static final int CANDIDATES = 300; // more than two blocks, last one partial

  @Test
  void sesSse_equalsTheSimpleSesRecursion_forEveryCandidate() {
    double[] y = ReferenceData.series("N1900").y();
    double[] alphas = random(1, 0.01, 1);
    double[] out = new double[CANDIDATES];
    SmoothingKernels.sesSse(y, y.length, alphas, out);
    SmoothingEngine engine = new SmoothingEngine(false, SmoothingEngine.Season.NONE, 1);
    for (int j = 0; j < CANDIDATES; j++) {
      double expected = engine.run(y, y.length, alphas[j], 0, 0, 1, y[0], 0, null);
      assertThat(out[j]).isCloseTo(expected, within(1e-9 * expected));
    }
  }

  @Test
  void holtSse_equalsTheSimpleHoltRecursion_dampedOrNot() {
    double[] y = ReferenceData.series("N0100").y();
    double[] a = random(2, 0.01, 1);
    double[] b = random(3, 0, 1);
    double[] phi = random(4, 0.8, 1);
    double[] out = new double[CANDIDATES];
    SmoothingKernels.holtSse(y, y.length, a, b, phi, out);
    SmoothingEngine engine = new SmoothingEngine(true, SmoothingEngine.Season.NONE, 1);
    for (int j = 0; j < CANDIDATES; j++) {
      double expected = engine.run(y, y.length, a[j], b[j], 0, phi[j], y[0], y[1] - y[0], null);
      assertThat(out[j]).isCloseTo(expected, within(1e-9 * expected));
    }
  }

  @Test
  void holtWintersAdditiveSse_equalsTheSseOfASimpleFit_forEveryCandidate() {
    double[] y = ReferenceData.series("N2000").y();
    int m = 12;
    double[] a = random(5, 0.01, 1);
    double[] b = random(6, 0, 1);
    double[] g = random(7, 0, 1);
    double[] out = new double[CANDIDATES];
    SmoothingKernels.holtWintersAdditiveSse(y, y.length, m, a, b, g, out);
    SmoothingEngine engine = new SmoothingEngine(true, SmoothingEngine.Season.ADDITIVE, m);
    double l0 = 0;
    double l1 = 0;
    for (int i = 0; i < m; i++) {
      l0 += y[i] / m;
      l1 += y[m + i] / m;
    }
    double[] s0 = new double[m];
    for (int i = 0; i < m; i++) {
      s0[i] = y[i] - l0;
    }
    for (int j = 0; j < CANDIDATES; j++) {
      double expected = engine.run(y, y.length, a[j], b[j], g[j], 1, l0, (l1 - l0) / m, s0);
      assertThat(out[j]).as("candidate %d", j).isCloseTo(expected, within(1e-9 * expected));
    }
  }

  private static double[] random(long seed, double lo, double hi) {
    Random r = new Random(seed);
    double[] v = new double[CANDIDATES];
    for (int i = 0; i < CANDIDATES; i++) {
      v[i] = lo + (hi - lo) * r.nextDouble();
    }
    return v;
  }
}
