package io.gridcast.forecast.smoothing;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.forecast.model.FittedModel;
import io.gridcast.forecast.reference.ReferenceData;
import org.assertj.core.data.Offset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * R's {@code ses()} / {@code ets(x, "ANN")} estimate alpha and l0 by maximum likelihood, i.e. least
 * SSE. Our estimate must reach an SSE no larger than R's (evaluated with R's printed alpha and l0),
 * and where both reach the same optimum (SSE within 1e-6) the forecasts agree to 1e-4 relative (R
 * stops its Nelder-Mead at 1e-8 relative change of the likelihood, which leaves the parameters
 * accurate to about 1e-4).
 */
class SesEstimationAgainstRTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"N0001", "N0100", "N0646", "N0700", "N1402", "N1500", "N1900", "N2000", "N2830"})
  void estimatedSes_reachesAtMostRsSse_andMatchesRsForecastAtTheSameOptimum(String id) {
    ReferenceData.Series s = ReferenceData.series(id);
    double rAlpha = ReferenceData.param(id, "opt", "ets_ANN", "alpha");
    double rLevel0 = ReferenceData.param(id, "opt", "ets_ANN", "l");
    double rSse = sesSse(s.y(), rAlpha, rLevel0);

    FittedModel fit = new Ses().fit(s.y(), s.period());
    double alpha = fit.spec().parameters().get("alpha");
    SmoothingEngine engine = new SmoothingEngine(false, SmoothingEngine.Season.NONE, 1);
    double ourSse = engine.concentrated(s.y(), s.y().length, alpha, 0, 0, 1, null);

    assertThat(ourSse).isLessThanOrEqualTo(rSse * (1 + 1e-9));
    if (ourSse > rSse * (1 - 1e-6)) {
      double r = ReferenceData.forecast(id, "opt", "ets_ANN")[0];
      assertThat(fit.forecast(1)[0]).isCloseTo(r, Offset.offset(1e-4 * r));
    }
  }

  private static double sesSse(double[] y, double alpha, double level) {
    double sse = 0;
    for (double v : y) {
      double e = v - level;
      sse += e * e;
      level += alpha * e;
    }
    return sse;
  }
}
