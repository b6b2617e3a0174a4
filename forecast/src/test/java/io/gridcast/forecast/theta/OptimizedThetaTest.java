package io.gridcast.forecast.theta;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.forecast.reference.ReferenceData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OptimizedThetaTest {

  @ParameterizedTest
  @ValueSource(strings = {"N0001", "N0646", "N1402", "N1900", "N2830"})
  void estimatedTheta_fitsInSampleAtLeastAsWellAsTheFixedThetaTwo(String id) {
    ReferenceData.Series s = ReferenceData.series(id);
    ThetaFit free = (ThetaFit) new OptimizedTheta().fit(s.y(), s.period());
    ThetaFit two = (ThetaFit) new OptimizedTheta(null, 2.0).fit(s.y(), s.period());

    assertThat(free.spec().parameters().get("theta")).isBetween(1.0, OptimizedTheta.THETA_MAX);
    // sigma2 = SSE / (n - k): compare SSE
    int n = s.y().length;
    double sseFree = free.sigma2() * (n - free.estimatedParameterCount());
    double sseTwo = two.sigma2() * (n - two.estimatedParameterCount());
    assertThat(sseFree).isLessThanOrEqualTo(sseTwo * (1 + 1e-9));
  }

  @ParameterizedTest
  @ValueSource(strings = {"N0100", "N1500"})
  void thetaOne_hasNoDrift_soTheForecastIsFlatAfterSeasonalAdjustment(String id) {
    ReferenceData.Series s = ReferenceData.series(id);
    ThetaFit fit = (ThetaFit) new OptimizedTheta(null, 1.0).fit(s.y(), s.period());
    assertThat(fit.drift()).isZero();
  }
}
