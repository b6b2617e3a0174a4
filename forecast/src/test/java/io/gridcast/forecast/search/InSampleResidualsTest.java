package io.gridcast.forecast.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridcast.forecast.adjust.Deseasonalized;
import io.gridcast.forecast.adjust.SeasonalAdjustment;
import io.gridcast.forecast.model.Naive;
import io.gridcast.forecast.model.SeasonalNaive;
import io.gridcast.forecast.registry.DefaultSelection;
import io.gridcast.forecast.registry.ModelRegistry;
import io.gridcast.forecast.series.Series;
import io.gridcast.forecast.smoothing.Ses;
import io.gridcast.forecast.theta.Theta;
import java.util.List;
import org.junit.jupiter.api.Test;

class InSampleResidualsTest {

  private static double[] seasonal(int n) {
    double[] y = new double[n];
    long seed = 7;
    for (int t = 0; t < n; t++) {
      seed = seed * 6364136223846793005L + 1442695040888963407L;
      double u = (seed >>> 11) / (double) (1L << 53);
      y[t] = (100 + 0.5 * t) * (1 + 0.3 * Math.sin(2 * Math.PI * t / 12)) + 6 * (u - 0.5);
    }
    return y;
  }

  private static GridOptimizer optimizer() {
    return GridOptimizer.builder().horizon(6).parallelism(1).build();
  }

  @Test
  void result_keepsTheRefitModelsOneStepResiduals() {
    double[] y = seasonal(48);
    OptimizationResult r = optimizer().optimize(Series.of("s", 12, y), List.of(new Naive()));
    double[] e = r.residuals();
    assertThat(e).hasSize(48);
    assertThat(e[0]).isNaN();
    for (int t = 1; t < 48; t++) {
      assertThat(e[t]).isEqualTo(y[t] - y[t - 1]);
    }
    assertThat(r.hasResiduals()).isTrue();
  }

  @Test
  void combination_residualsAreThoseOfTheMeanOfItsMembersOneStepForecasts() {
    double[] y = seasonal(48);
    double[] f =
        Combination.of(new Naive(), new SeasonalNaive()).fit(y, 12).fittedValues().orElseThrow();
    for (int t = 0; t < 12; t++) {
      assertThat(f[t]).isNaN();
    }
    for (int t = 12; t < 48; t++) {
      assertThat(f[t]).isEqualTo((y[t - 1] + y[t - 12]) / 2);
    }
  }

  @Test
  void aModelWithoutFittedValues_givesAResultWithoutResiduals() {
    OptimizationResult r =
        optimizer().optimize(Series.of("s", 12, seasonal(30)), List.of(new TestSpecs.Constant(3)));
    assertThat(r.hasResiduals()).isFalse();
    assertThat(r.residuals()).isEmpty();
  }

  @Test
  void seasonallyAdjustedModel_reseasonalisesTheInnerOneStepForecasts() {
    double[] y = seasonal(60);
    double[] idx = SeasonalAdjustment.indices(y, 60, 12);
    assertThat(idx).isNotNull();
    double[] x = SeasonalAdjustment.adjust(y, 60, idx);
    double[] inner = new Ses().fit(x, 1).fittedValues().orElseThrow();
    double[] f = new Deseasonalized("ses_sa", new Ses()).fit(y, 12).fittedValues().orElseThrow();
    for (int t = 0; t < 60; t++) {
      assertThat(f[t]).isCloseTo(inner[t] * idx[t % 12], within(1e-9 * Math.abs(f[t])));
    }
  }

  @Test
  void theta_oneStepForecastsCarryTheDrift_halfTheSlopeOfTheLine() {
    double[] y = new double[80];
    for (int t = 0; t < y.length; t++) {
      y[t] = 50 + 2 * t + (t % 2 == 0 ? 1 : -1);
    }
    double[] theta = new Theta().fit(y, 1).fittedValues().orElseThrow();
    double[] ses = new Ses().fit(y, 1).fittedValues().orElseThrow();
    double thetaBias = 0;
    double sesBias = 0;
    for (int t = 20; t < y.length; t++) {
      thetaBias += (y[t] - theta[t]) / 60;
      sesBias += (y[t] - ses[t]) / 60;
    }
    // SES (alpha near 1) lags a line of slope 2 by about 2; Theta adds the drift b/2 = 1
    assertThat(sesBias).isCloseTo(2, within(0.05));
    assertThat(thetaBias).isCloseTo(sesBias - 1, within(0.05));
  }

  @Test
  void defaultSearch_givesEveryRegularSeriesResidualsOverItsWholeHistory() {
    double[] y = seasonal(72);
    Series s = Series.of("s", 12, y);
    OptimizationResult r =
        optimizer().optimize(s, DefaultSelection.of(ModelRegistry.standard()).candidatesFor(s));
    double[] e = r.residuals();
    assertThat(e).hasSize(72);
    int finite = 0;
    for (double v : e) {
      finite += Double.isFinite(v) ? 1 : 0;
    }
    assertThat(finite).isGreaterThanOrEqualTo(60);
  }
}
