package io.gridcast.forecast.theta;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.forecast.reference.ReferenceData;
import org.assertj.core.data.Offset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code thetaf()} fixtures. The drift (half the slope of the seasonally adjusted series) is
 * deterministic, so it must match to 1e-9 relative: this pins the seasonality test, the classical
 * decomposition and the regression. The forecasts also depend on the SES fit, where R's Nelder-Mead
 * stops at a relative change of 1e-8 in the likelihood (and on N1402 in a worse local optimum than
 * ours: see SesEstimationAgainstRTest), so they are compared at 1e-3 relative; the largest gap seen
 * is 4e-4 (N1402), the others are below 1e-5.
 */
class ThetaAgainstRTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"N0001", "N0100", "N0646", "N0700", "N1402", "N1500", "N1900", "N2000", "N2830"})
  void thetaf_driftMatchesR_andForecastsWithinOnePerMille(String id) {
    ReferenceData.Series s = ReferenceData.series(id);
    double[] expected = ReferenceData.forecast(id, "opt", "thetaf");
    double expectedDrift = ReferenceData.param(id, "opt", "thetaf", "drift");

    ThetaFit fit = (ThetaFit) new Theta().fit(s.y(), s.period());
    double[] actual = fit.forecast(expected.length);

    assertThat(fit.drift()).isCloseTo(expectedDrift, withinRelative(1e-9, expectedDrift));
    for (int h = 0; h < expected.length; h++) {
      assertThat(actual[h])
          .as("%s h=%d", id, h + 1)
          .isCloseTo(expected[h], withinRelative(1e-3, expected[h]));
    }
  }

  private static Offset<Double> withinRelative(double rel, double value) {
    return Offset.offset(rel * Math.max(1, Math.abs(value)));
  }
}
