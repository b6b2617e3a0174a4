package io.gridcast.forecast.ets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Given R's fitted parameters and initial states, the Java recursions reproduce R's point forecasts
 * and information criteria: this pins the state equations, the seasonal state order, the likelihood
 * and the parameter count.
 */
class EtsReferenceRecursionTest {
  static Stream<RReference.Fit> fits() {
    return RReference.fits().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fits")
  void givenRsParameters_forecastsMatchR_toRounding(RReference.Fit r) {
    double[] y = RReference.series().get(r.series());
    EtsModel model = EtsSpec.of(r.structure(), r.specParameters()).fit(y, r.period());

    double[] f = model.forecast(r.forecasts().length);

    for (int h = 0; h < f.length; h++) {
      assertThat(f[h])
          .as("%s %s h=%d", r.series(), r.model(), h + 1)
          .isCloseTo(r.forecasts()[h], within(1e-9 * Math.abs(r.forecasts()[h]) + 1e-9));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fits")
  void givenRsParameters_likelihoodAndCriteriaMatchR(RReference.Fit r) {
    double[] y = RReference.series().get(r.series());
    EtsModel model = EtsSpec.of(r.structure(), r.specParameters()).fit(y, r.period());

    assertThat(model.logLikelihood()).isCloseTo(r.get("loglik"), within(1e-6));
    assertThat(model.aic()).isCloseTo(r.get("aic"), within(1e-6));
    assertThat(model.aicc().orElseThrow()).isCloseTo(r.get("aicc"), within(1e-6));
    assertThat(model.bic()).isCloseTo(r.get("bic"), within(1e-6));
    assertThat(model.sigma2()).isCloseTo(r.get("sigma2"), within(1e-9 * r.get("sigma2")));
  }
}
