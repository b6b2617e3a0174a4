package io.gridcast.forecast.smoothing;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.forecast.model.FittedModel;
import io.gridcast.forecast.reference.ReferenceData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code stats::HoltWinters(x, seasonal = "additive")} is a different estimator, not a reference
 * implementation of ours: it starts the recursion at period m + 1 from a decomposition of the first
 * two seasons (initial states then fixed), updates the season with the new level, and minimises the
 * SSE of periods m+1..n by L-BFGS-B from (0.3, 0.1, 0.1). We fit the initial level and trend as
 * well (Initialization.OPTIMAL) over all n periods, with the constants in [1e-4, 0.9999]. What must
 * hold: (1) under our objective, our estimate is at least as good as R's constants (clamped to our
 * bounds), so our search is not the weaker one; (2) the two forecast paths agree in level: mean
 * absolute relative difference below 30%. Measured: N0646 2.4%, N0700 3.4%, N1402 22%, N1500 13%,
 * N1900 0.5%, N2000 13% (N1402 has 50 points; all three of our constants go to the 1e-4 bound: a
 * nearly fixed trend plus season fits best in-sample, while R's starting states favour alpha 0.14).
 */
class HoltWintersAgainstStatsTest {

  @ParameterizedTest
  @ValueSource(strings = {"N0646", "N0700", "N1402", "N1500", "N1900", "N2000"})
  void estimatedAdditiveHoltWinters_searchesNoWorseThanStatsHoltWinters_andForecastsAgreeInLevel(
      String id) {
    ReferenceData.Series s = ReferenceData.series(id);
    int n = s.y().length;
    int m = s.period();
    double rSse = ReferenceData.param(id, "opt", "stats_HoltWinters_additive", "SSE");
    double[] expected = ReferenceData.forecast(id, "opt", "stats_HoltWinters_additive");

    FittedModel fit = new HoltWintersAdditive(null, null, null).fit(s.y(), m);
    double[] actual = fit.forecast(expected.length);

    var p = fit.spec().parameters();
    double ours = objective(s.y(), m, p.get("alpha"), p.get("beta"), p.get("gamma"));
    double atR =
        objective(
            s.y(),
            m,
            clamp(ReferenceData.param(id, "opt", "stats_HoltWinters_additive", "alpha")),
            clamp(ReferenceData.param(id, "opt", "stats_HoltWinters_additive", "beta")),
            clamp(ReferenceData.param(id, "opt", "stats_HoltWinters_additive", "gamma")));
    assertThat(ours).isLessThanOrEqualTo(atR * (1 + 1e-9));
    double meanRel = 0;
    for (int h = 0; h < expected.length; h++) {
      meanRel += Math.abs(actual[h] - expected[h]) / Math.abs(expected[h]) / expected.length;
    }
    assertThat(meanRel).as("%s mean relative difference, n=%d", id, n).isLessThan(0.30);
  }

  private static double clamp(double v) {
    return Math.max(SmoothingFitter.LOWER, Math.min(SmoothingFitter.UPPER, v));
  }

  /** Our estimation objective: the one-step SSE with least-squares l0, b0. */
  private static double objective(double[] y, int m, double a, double b, double g) {
    SmoothingEngine engine = new SmoothingEngine(true, SmoothingEngine.Season.ADDITIVE, m);
    double[] s0 = ClassicalDecomposition.seasonalIndices(y, Math.min(y.length, 3 * m), m, false);
    return engine.concentrated(y, y.length, a, b, g, 1, s0);
  }
}
